package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.coordination.counter.CounterKind;
import dev.parbench.coordination.counter.CounterRace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The safe counters never lose an update under contention; racy may, but never counts more than were made. */
class CounterTest {
    private static final Duration T = Duration.ofSeconds(30);
    static final int RACY_ATTEMPTS = 20;

    @ParameterizedTest
    @EnumSource(CounterKind.class)
    void countsEveryUpdateOrForRacyNoMoreThanWereMade(CounterKind kind) {
        for (ThreadKind threads : ThreadKind.values()) {
            for (int workers : new int[] {1, 4, 8}) {
                List<Thread> started;
                try (CounterRace race = new CounterRace(kind, threads, workers, 100_000)) {
                    started = race.threads();
                    for (int run = 0; run < 2; run++) {
                        CounterRace.Result r = race.run(T);
                        assertEquals(100_000, r.updates());
                        assertTrue(r.counted() <= r.updates() && r.counted() > 0, r.toString());
                        if (kind.safe()) {
                            assertEquals(0, r.lost(), kind + " on " + threads + " x" + workers);
                        }
                    }
                }
                Leaks.assertAllEnded(started, kind + " " + threads);
            }
        }
    }

    /**
     * The lesson {@code racy} exists for: on 2 or more platform threads it loses updates. Losses depend on the
     * scheduler, so this tries up to {@value #RACY_ATTEMPTS} runs of 20,000,000 increments on 4 threads and passes on
     * the first run that lost any; a counter that never loses (e.g. one made atomic by mistake) fails after all of
     * them. The runs are long (several milliseconds a thread) so that the threads overlap: with 1,000,000 a thread's
     * share was done before an idle vCPU woke for the next one, and on a quiet machine 20 runs lost nothing.
     */
    @Test
    void racyLosesUpdatesOnTwoOrMoreThreads() {
        List<Thread> started;
        long lostSomewhere = 0;
        int attempts = 0;
        try (CounterRace race = new CounterRace(CounterKind.RACY, ThreadKind.PLATFORM, 4, 20_000_000)) {
            started = race.threads();
            while (lostSomewhere == 0 && attempts < RACY_ATTEMPTS) {
                attempts++;
                CounterRace.Result r = race.run(T);
                assertTrue(r.counted() <= r.updates() && r.counted() > 0, r.toString());
                lostSomewhere = r.lost();
            }
        }
        Leaks.assertAllEnded(started, "racy counter");
        assertTrue(lostSomewhere > 0, "racy lost no update in " + attempts + " runs of 20,000,000 increments on 4 "
                + "platform threads");
    }

    @Test
    void onlyRacyIsUnsafeAndIdsRoundTrip() {
        for (CounterKind k : CounterKind.values()) {
            assertEquals(k, CounterKind.fromId(k.id()));
            assertEquals(k != CounterKind.RACY, k.safe());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterKind.fromId("cas"));
        assertTrue(e.getMessage().contains("reentrant-lock-fair"), e.getMessage());
    }
}
