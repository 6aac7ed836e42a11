package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.remote.Models;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.MonteCarlo;
import dev.parbench.workload.Traffic;
import dev.parbench.workload.WireForm;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After {@code close()}, no thread a strategy started is still alive. The JVM's own pools are not the strategy's:
 * the common ForkJoinPool (parallel streams) and the virtual-thread scheduler's carrier threads.
 */
class StrategyCloseTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void closeLeavesNoThreadBehind(StrategyKind kind) throws Exception {
        Workload<?> w = WorkloadKind.RANDOM.create(Kernel.SCALAR);
        Set<Thread> before = liveThreads();
        Strategy s = Models.create(kind, 2); // two: more than one worker (or member) to leave behind
        run(s, w);
        s.close();
        s.close(); // idempotent
        if (kind.outOfProcess()) {
            // pipe drainers end when their worker's streams close, just after the worker exits; so do the JDK's
            // Process.onExit helpers (named "Thread-N" where the common pool has a single thread, JDK 21-24 on 2 cores)
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline && !leaked(before).isEmpty()) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("")).toList(),
                    kind + " left child processes");
        }
        assertEquals(List.of(), leaked(before), kind + " left threads running after close()");
    }

    /** The live threads not in {@code before}, but for the JDK's own pooled ones. */
    private static List<String> leaked(Set<Thread> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .filter(t -> !t.getClass().getName().equals("jdk.internal.misc.CarrierThread"))
                .filter(t -> !t.getName().equals("process reaper")) // the JDK's own, pooled
                // the JDK's own (JDK 24+), started once by the first virtual thread that blocks on a monitor
                .filter(t -> !t.getName().equals("VirtualThread-unblocker"))
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .toList();
    }

    /** Every in-JVM model, whatever StrategyKind holds (the out-of-process ones run their blocks elsewhere). */
    static java.util.stream.Stream<StrategyKind> inJvmModels() {
        return java.util.Arrays.stream(StrategyKind.values()).filter(k -> !k.outOfProcess());
    }

    /**
     * The blocks run on the threads the model says: the caller for the baseline, the common pool (or the caller) for
     * parallel streams, and otherwise the model's own threads, named {@code parbench-<id>-k} (virtual ones for
     * virtual-threads).
     */
    @ParameterizedTest
    @MethodSource("inJvmModels")
    void theWorkRunsOnTheModelsOwnThreads(StrategyKind kind) {
        MonteCarlo mc = new MonteCarlo();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        Workload<MonteCarlo.Input> recording = new Workload<>() {
            public WorkloadKind kind() { return mc.kind(); }
            public Traffic traffic() { return mc.traffic(); }
            public WireForm<MonteCarlo.Input> wire() { return mc.wire(); }
            public int blockSize() { return mc.blockSize(); }
            public MonteCarlo.Input prepare(int size, long seed) { return mc.prepare(size, seed); }
            public int size(MonteCarlo.Input input) { return mc.size(input); }
            public long oracle(MonteCarlo.Input input) { return mc.oracle(input); }
            public long run(MonteCarlo.Input input, int from, int to) {
                workers.add(Thread.currentThread());
                return mc.run(input, from, to);
            }
        };
        try (Strategy s = kind.create(2)) {
            run(s, recording);
        }
        Thread caller = Thread.currentThread();
        String prefix = "parbench-" + kind.id() + "-";
        for (Thread t : workers) {
            boolean ok;
            if (kind.split() == StrategyKind.Split.NONE) {
                ok = t == caller;
            } else if (kind == StrategyKind.PARALLEL_STREAM) {
                ok = t == caller || t.getName().startsWith("ForkJoinPool.commonPool-worker-");
            } else {
                ok = t.isVirtual() == (kind == StrategyKind.VIRTUAL_THREADS) && t.getName().startsWith(prefix);
            }
            assertTrue(ok, kind + " ran a block on " + t);
        }
        if (kind == StrategyKind.THREAD_PER_TASK || kind == StrategyKind.VIRTUAL_THREADS) {
            assertEquals(2, workers.size(), kind + " with parallelism 2 starts a thread per task");
        }
        // pooled models (executor, fork-join) may legitimately run both tasks on one of their threads
        assertTrue(!workers.isEmpty());
    }

    private static <I> void run(Strategy s, Workload<I> w) {
        I input = w.prepare(64 * w.blockSize(), 1);
        assertEquals(w.oracle(input), s.execute(w, input));
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void parallelismBelowOneIsRejected(StrategyKind kind) {
        assertThrows(IllegalArgumentException.class, () -> Models.create(kind, 0));
    }
}
