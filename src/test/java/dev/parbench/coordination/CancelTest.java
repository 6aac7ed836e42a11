package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.coordination.cancel.CancelKind;
import dev.parbench.coordination.cancel.CancelRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cooperative tasks stop after cancel(true); the spinner never does and is reported as such; either way no thread is
 * left running after close.
 */
class CancelTest {
    private static final Duration CAP = Duration.ofMillis(20);
    /**
     * The wait for the cooperative kinds: long enough that every interrupted task has stopped on a loaded 2-core
     * machine, so that "not stopped" can only mean the interruption did not reach it.
     */
    private static final Duration COOPERATIVE_CAP = Duration.ofSeconds(5);
    private static final Duration T = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(CancelKind.class)
    void cancellationStopsWhatCanBeStoppedAndReportsTheRest(CancelKind kind) {
        for (ThreadKind threads : ThreadKind.values()) {
            for (int workers : new int[] {1, 4, 4 * Runtime.getRuntime().availableProcessors()}) {
                List<Thread> started;
                Duration cap = kind.stopsOnCancel() ? COOPERATIVE_CAP : CAP;
                try (CancelRun run = new CancelRun(kind, threads, workers, cap, T)) {
                    started = run.threads();
                    for (int round = 0; round < 5; round++) {
                        run.arm();
                        CancelRun.Outcome o = run.cancel();
                        assertEquals(workers, o.stopped() + o.notStopped());
                        if (kind.stopsOnCancel()) {
                            // every task ran a loop that only the interrupt ends: it stopped because of cancel(true)
                            assertEquals(workers, o.stopped(), kind + " on " + threads + ": a task kept running "
                                    + "after cancel(true)");
                            assertTrue(o.nanos() < cap.toNanos(), kind + " took " + o.nanos() + " ns to stop");
                        } else {
                            assertEquals(workers, o.notStopped(), "a spinner stopped");
                            assertTrue(o.nanos() >= CAP.toNanos(), "spinner wait not capped at " + CAP);
                        }
                    }
                    run.arm(); // armed but never cancelled: close() must still end the tasks
                }
                Leaks.assertAllEnded(started, kind + " " + threads);
            }
        }
    }
}
