package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrewTest {
    private static final Duration T = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void everyWorkerRunsEachRoundOnceOnItsOwnKindOfThread(ThreadKind kind) {
        List<Thread> threads;
        try (Crew crew = new Crew(kind, 5, "test-crew")) {
            threads = crew.threads();
            for (int round = 0; round < 3; round++) {
                int[] runs = new int[5];
                Set<Thread> seen = ConcurrentHashMap.newKeySet();
                crew.run(i -> {
                    runs[i]++;
                    seen.add(Thread.currentThread());
                }, T);
                for (int r : runs) {
                    assertEquals(1, r);
                }
                assertEquals(5, seen.size());
                assertTrue(seen.stream().allMatch(t -> t.isVirtual() == (kind == ThreadKind.VIRTUAL)));
            }
        }
        Leaks.assertAllEnded(threads, "crew");
    }

    @Test
    void aFailingWorkerFailsTheRound() {
        try (Crew crew = new Crew(ThreadKind.PLATFORM, 3, "test-crew")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> crew.run(i -> {
                if (i == 1) {
                    throw new ArithmeticException("boom");
                }
            }, T));
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
            crew.run(i -> { }, T); // the crew is still usable
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void aStuckRoundTimesOutAndCloseStillEndsEveryThread(ThreadKind kind) {
        Crew crew = new Crew(kind, 2, "test-crew");
        CountDownLatch never = new CountDownLatch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> crew.run(i -> never.await(), Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("did not finish within 100 ms"), e.getMessage());
        crew.close();
        crew.close(); // idempotent
        Leaks.assertAllEnded(crew.threads(), "stuck crew");
        assertThrows(IllegalStateException.class, () -> crew.start(i -> { }));
    }

    @Test
    void idsParseAndUnknownIdsListTheKnownOnes() {
        assertEquals(ThreadKind.VIRTUAL, ThreadKind.fromId("virtual"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreadKind.fromId("green"));
        assertTrue(e.getMessage().contains("platform, virtual"), e.getMessage());
        assertFalse(ThreadKind.PLATFORM.factory("x-").newThread(() -> { }).isVirtual());
    }
}
