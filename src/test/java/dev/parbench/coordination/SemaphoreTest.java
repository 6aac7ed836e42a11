package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.coordination.semaphore.Fairness;
import dev.parbench.coordination.semaphore.SemaphoreBatch;
import dev.parbench.coordination.semaphore.SemaphoreContention;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The permit limit holds on every cycle, every cycle runs, every permit comes back; contenders stop on close. */
class SemaphoreTest {
    private static final Duration T = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Fairness.class)
    void batchesRunEveryCycleWithinThePermits(Fairness fairness) {
        for (ThreadKind threads : ThreadKind.values()) {
            for (int workers : new int[] {1, 3, 8}) {
                List<Thread> started;
                try (SemaphoreBatch batch = new SemaphoreBatch(fairness, threads, workers, 2_000)) {
                    started = batch.threads();
                    for (int run = 0; run < 2; run++) {
                        SemaphoreBatch.Result r = batch.run(T);
                        assertEquals(2_000, r.cycles());
                        assertTrue(r.maxWaitNanos() >= 0 && r.waitNanos() >= r.maxWaitNanos(), r.toString());
                    }
                }
                Leaks.assertAllEnded(started, "semaphore batch");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Fairness.class)
    void theCallerGetsPermitsWhileContendersRun(Fairness fairness) throws Exception {
        for (ThreadKind threads : ThreadKind.values()) {
            List<Thread> started;
            try (SemaphoreContention c = new SemaphoreContention(fairness, threads, 4, T)) {
                started = c.threads();
                c.start();
                for (int i = 0; i < 200; i++) {
                    long start = System.nanoTime();
                    long waited = c.cycle();
                    long elapsed = System.nanoTime() - start;
                    // the reported wait is part of the cycle the caller saw: never negative, never longer
                    assertTrue(waited >= 0 && waited <= elapsed, "waited " + waited + " ns in a cycle of "
                            + elapsed + " ns");
                }
                c.stop();
                c.start(); // restartable, as between JMH iterations
                c.cycle();
            }
            Leaks.assertAllEnded(started, "semaphore contenders");
        }
    }

    @ParameterizedTest
    @EnumSource(Fairness.class)
    void permitsAreFewerThanWorkersFromTwoOn(Fairness fairness) {
        assertEquals(1, SemaphoreBatch.permitsFor(1));
        assertEquals(1, SemaphoreBatch.permitsFor(2));
        assertEquals(8, SemaphoreBatch.permitsFor(16));
        assertEquals(fairness, Fairness.fromId(fairness.id()));
    }
}
