package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ceiling probe's crew computes what it reads (so no pass is dead code), and none of its threads outlives it. */
class StreamCrewTest {

    @ParameterizedTest
    @CsvSource({"1, 4096", "2, 4097", "3, 100003"})
    void aPassReadsEveryElementOfEveryMemberOnce(int n, int elements) {
        try (StreamCrew crew = new StreamCrew(n, elements)) {
            long sumOfSlices = 0; // each member's slice holds 0..len-1
            for (int k = 0; k < n; k++) {
                long len = (long) elements * (k + 1) / n - (long) elements * k / n;
                sumOfSlices += len * (len - 1) / 2;
            }
            for (int pass = 0; pass < 3; pass++) {
                assertEquals(sumOfSlices, crew.read(), "pass " + pass);
            }
            long addSum = 0;
            for (int k = 0; k < n; k++) {
                long len = (long) elements * (k + 1) / n - (long) elements * k / n;
                addSum += 3 * (len - 1);
            }
            assertEquals(addSum, crew.add(), "c = a + b = 3i: each member returns its last element");
        }
    }

    @Test
    void closeEndsEveryMember() {
        StreamCrew crew = new StreamCrew(3, 3 * 4096);
        crew.read();
        crew.close();
        crew.threads().forEach(t -> assertFalse(t.isAlive(), t.getName() + " outlived the crew"));
        assertEquals(2, crew.threads().size());
    }

    @Test
    void moreMembersThanElementsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StreamCrew(4, 3));
    }
}
