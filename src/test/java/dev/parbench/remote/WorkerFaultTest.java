package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.MonteCarlo;
import dev.parbench.workload.Sum;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worker killed mid-operation fails that operation within 2 s, naming the worker; the next operation of a
 * persistent model runs on a full set of workers again (the dead one replaced, a resident dataset shipped again);
 * close() leaves no child, and the next trial (a new pool, as JMH's next trial builds one) starts full and right.
 */
class WorkerFaultTest {

    @AfterEach
    void noChildLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList(), "descendant processes left behind");
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"PROCESS_POOL", "PROCESS_POOL_RESIDENT", "SOCKET",
        "SOCKET_RESIDENT", "PROCESS_PER_TASK", "SHARED_MEMORY"})
    void killingAWorkerMidOperationFailsFastAndNamesIt(StrategyKind kind) throws Exception {
        MonteCarlo mc = new MonteCarlo();
        MonteCarlo.Input big = mc.prepare(1 << 30, 1); // seconds of work per worker: the kill lands mid-operation
        Strategy s = Models.create(kind, 2);
        try {
            if (kind != StrategyKind.PROCESS_PER_TASK) {
                mc.prepare(1, 1);
                assertEquals(mc.oracle(mc.prepare(5000, 3)), s.execute(mc, mc.prepare(5000, 3)), "healthy first");
            }
            CompletableFuture<Long> op = CompletableFuture.supplyAsync(() -> s.execute(mc, big));
            ProcessHandle victim = waitForWorker(kind);
            Thread.sleep(300);
            assertFalse(op.isDone(), kind + ": the operation should still be running when its worker is killed");
            long killedAt = System.nanoTime();
            victim.destroyForcibly();
            Exception e = assertThrows(Exception.class, () -> op.get(10, TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            assertTrue(seconds < 2.0, kind + " took " + seconds + " s to notice the dead worker");
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            assertTrue(message.contains(String.valueOf(victim.pid())), "error should name pid " + victim.pid()
                    + ": " + message);
            // the non-resident pools go on to their next operation; the resident ones end the trial at once, as
            // JMH does after a failed operation (close() with a dead link), and only the next trial runs
            if (kind == StrategyKind.PROCESS_POOL || kind == StrategyKind.SOCKET) {
                MonteCarlo.Input small = mc.prepare(5000, 4);
                assertEquals(mc.oracle(small), s.execute(mc, small), kind + ": the next operation succeeds");
                assertFullPoolWithout(victim);
            }
        } finally {
            s.close();
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList(), kind + ": close() after the fault left processes");
        if (kind != StrategyKind.PROCESS_PER_TASK) {
            Strategy next = Models.create(kind, 2); // the next trial
            try {
                assertFullPoolWithout(null);
                MonteCarlo.Input small = mc.prepare(7000, 5);
                assertEquals(mc.oracle(small), next.execute(mc, small), kind + ": the next trial computes");
            } finally {
                next.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"PROCESS_POOL", "PROCESS_POOL_RESIDENT", "SOCKET",
        "SOCKET_RESIDENT", "SHARED_MEMORY"})
    void aWorkerKilledBetweenOperationsIsReplacedAndGetsItsDataAgain(StrategyKind kind) throws Exception {
        Sum sum = new Sum(Kernel.SCALAR);
        Sum.Input in = sum.prepare(200_000, 9); // the same input throughout: a resident model stores it once
        Strategy s = Models.create(kind, 2);
        try {
            assertEquals(sum.oracle(in), s.execute(sum, in), "healthy first");
            ProcessHandle victim = waitForWorker(kind);
            victim.destroyForcibly();
            victim.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(200); // the link notices the death on its own (a race would cost one operation, below)
            long answer;
            try {
                answer = s.execute(sum, in);
            } catch (IllegalStateException raced) {
                // the death raced the operation: that one operation may fail, naming the worker, and only that one
                assertTrue(raced.getMessage().contains(String.valueOf(victim.pid())), raced.getMessage());
                answer = s.execute(sum, in);
            }
            assertEquals(sum.oracle(in), answer, kind + ": right answer with the replaced worker");
            assertFullPoolWithout(victim);
            assertEquals(sum.oracle(in), s.execute(sum, in), "and again");
        } finally {
            s.close();
        }
    }

    /** Two worker JVMs alive, the killed one (if any) not among them. */
    private static void assertFullPoolWithout(ProcessHandle victim) {
        List<Long> workers = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains("worker")).map(ProcessHandle::pid).toList();
        assertEquals(2, workers.size(), "workers alive: " + workers);
        assertFalse(victim != null && workers.contains(victim.pid()), "the killed worker " + victim + " is not counted");
    }

    /** The first worker JVM child of this process (waits for per-task models to start theirs). */
    private static ProcessHandle waitForWorker(StrategyKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var child = ProcessHandle.current().children()
                    .filter(h -> h.info().commandLine().orElse("").contains("worker")).findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(kind + " started no worker");
    }
}
