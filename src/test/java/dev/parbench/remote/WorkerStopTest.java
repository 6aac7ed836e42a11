package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill family's logic: every way of stopping a worker ends it (idle and mid-operation) and checks itself; a stop
 * that misses its deadline is reported, not waited for; nothing outlives a stop, a failed check or a failed start.
 * Correctness only: the times are not asserted beyond the deadline.
 */
class WorkerStopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @AfterEach
    void noDescendantLeft() {
        assertEquals(List.of(), alive(), "descendant processes left behind");
    }

    static List<Long> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    @ParameterizedTest
    @EnumSource(StopKind.class)
    void everyStopEndsAnIdleAndABusyWorker(StopKind kind) {
        for (WorkerState state : WorkerState.values()) {
            try (WorkerStop w = new WorkerStop(kind, state, DEADLINE)) {
                w.arm();
                long pid = w.pid();
                assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "armed worker alive");
                WorkerStop.Outcome o = w.stop();
                assertTrue(o.stopped(), kind + " " + state + " did not stop the worker");
                assertTrue(o.nanos() > 0 && o.nanos() < DEADLINE.toNanos(), kind + " " + state + ": " + o);
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "exited");
                w.settle(); // checks the exit code and the busy request's fate; throws if wrong
                assertEquals(List.of(), alive(), kind + " " + state);
            }
        }
    }

    @Test
    void aStopThatMissesItsDeadlineIsReportedAndTheWorkerKilled() {
        // a busy worker reads the stop message only after its request: 1 ms is far too short
        try (WorkerStop w = new WorkerStop(StopKind.COOPERATIVE, WorkerState.BUSY, Duration.ofMillis(1))) {
            w.arm();
            long pid = w.pid();
            long start = System.nanoTime();
            WorkerStop.Outcome o = w.stop();
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "the stop waited past its deadline");
            assertFalse(o.stopped());
            assertEquals(Duration.ofMillis(1).toNanos(), o.nanos(), "a missed stop counts as the deadline");
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "still computing");
            w.settle();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "killed by settle()");
        }
    }

    @Test
    void aWorkerThatDiedBeforeItsStopFailsTheCheckAndLeavesNothing() throws Exception {
        WorkerStop w = new WorkerStop(StopKind.DESTROY, WorkerState.BUSY, DEADLINE);
        try {
            w.arm();
            ProcessHandle.of(w.pid()).orElseThrow().destroyForcibly(); // a crash, not the SIGTERM under test
            assertTrue(w.stop().stopped());
            IllegalStateException e = assertThrows(IllegalStateException.class, w::settle);
            assertTrue(e.getMessage().contains("exited with 137, expected 143"), e.getMessage());
            assertEquals(List.of(), alive(), "a failed check still cleans up");
            assertThrows(IllegalStateException.class, w::stop, "nothing armed any more");
        } finally {
            w.close();
        }
    }
}
