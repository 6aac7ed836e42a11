package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parbench.workload.MonteCarlo;
import dev.parbench.workload.Traffic;
import dev.parbench.workload.WireForm;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parallel model must really run its tasks at the same time. The workload here makes every block wait (bounded)
 * until a second thread is inside the workload too: a model that ran its tasks one after another would leave the
 * first block waiting alone, and the operation fails with "ran alone" instead of finishing. (The contract test cannot
 * see that: a sequential model gets every answer right.)
 */
class ConcurrencyTest {
    static final long WAIT_SECONDS = 10;

    /** Every in-JVM model that runs tasks (the baseline runs none); out-of-process workers cannot load this workload. */
    static Stream<StrategyKind> parallelInJvmModels() {
        return Arrays.stream(StrategyKind.values()).filter(k -> !k.outOfProcess() && k.split() != StrategyKind.Split.NONE);
    }

    /** Monte Carlo whose blocks wait for a second thread before computing. */
    static final class Rendezvous implements Workload<MonteCarlo.Input> {
        final MonteCarlo mc = new MonteCarlo();
        final Set<Thread> inside = ConcurrentHashMap.newKeySet();

        @Override
        public long run(MonteCarlo.Input input, int from, int to) {
            inside.add(Thread.currentThread());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            synchronized (inside) {
                inside.notifyAll();
                while (inside.size() < 2) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new IllegalStateException("ran alone: no second task started within " + WAIT_SECONDS
                                + " s");
                    }
                    try {
                        inside.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }
            return mc.run(input, from, to);
        }

        public WorkloadKind kind() { return mc.kind(); }
        public Traffic traffic() { return mc.traffic(); }
        public WireForm<MonteCarlo.Input> wire() { return mc.wire(); }
        public int blockSize() { return mc.blockSize(); }
        public MonteCarlo.Input prepare(int size, long seed) { return mc.prepare(size, seed); }
        public int size(MonteCarlo.Input input) { return mc.size(input); }
        public long oracle(MonteCarlo.Input input) { return mc.oracle(input); }
    }

    @ParameterizedTest
    @MethodSource("parallelInJvmModels")
    void tasksRunAtTheSameTime(StrategyKind kind) {
        if (!kind.parallelismIsThreads()) {
            // virtual threads and parallel streams run on the JVM's pools, sized by the cores
            assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, kind + " needs 2 cores to run 2 tasks at once");
        }
        Rendezvous w = new Rendezvous();
        MonteCarlo.Input input = w.prepare(16 * w.blockSize(), 7);
        try (Strategy s = kind.create(2)) {
            assertEquals(w.mc.oracle(input), s.execute(w, input));
        }
    }
}
