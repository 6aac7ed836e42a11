package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.VectorAdd;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.parbench.remote.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every model must keep, in-JVM and out-of-process alike: for every strategy x workload (x kernel) x
 * parallelism {1, 2, 3, 7} x size {1, one block - 1, one block, one block + 1, a large odd size}, the result equals
 * the sequential oracle exactly (the distributed-engine models: parallelism {1, 2, 3}, see
 * {@link #ENGINE_PARALLELISM}), and vector-add's output equals a[i] + b[i] element by element.
 */
class StrategyContractTest {
    static final int[] PARALLELISM = {1, 2, 3, 7};
    static final long SEED = 42;
    /**
     * The distributed-engine models: each parallelism is a cluster of that many member JVMs (a few seconds each to
     * start and join), so 7 members would cost more than the rest of the test together; 1, 2 and 3 already cover one
     * member, an even and an odd split, and a ragged last range.
     */
    static final int[] ENGINE_PARALLELISM = {1, 2, 3};

    static int[] parallelisms(StrategyKind kind) {
        return kind.transport() == StrategyKind.Transport.ENGINE
                || kind.transport() == StrategyKind.Transport.ENGINE_RESIDENT ? ENGINE_PARALLELISM : PARALLELISM;
    }

    /** Sizes around one block, plus a large odd size of many blocks with a ragged last block. */
    static int[] sizes(int block) {
        return new int[] {1, block - 1, block, block + 1, 250 * block + 1235};
    }

    static List<Workload<?>> workloads() {
        List<Workload<?>> out = new ArrayList<>();
        for (WorkloadKind w : WorkloadKind.values()) {
            if (w.hasKernels()) {
                for (Kernel k : Kernel.values()) {
                    out.add(w.create(k));
                }
            } else {
                out.add(w.create(Kernel.SCALAR));
            }
        }
        return out;
    }


    private static final Map<String, Object> INPUTS = new HashMap<>();
    private static final Map<String, Long> ORACLES = new HashMap<>();

    @SuppressWarnings("unchecked")
    static synchronized <I> I input(Workload<I> w, int size) {
        return (I) INPUTS.computeIfAbsent(w.kind() + "/" + size, k -> w.prepare(size, SEED));
    }

    /** One model instance per parallelism serves every workload and size (worker JVMs start once per instance). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StrategyKind.class)
    void everyPartitionGivesTheOracle(StrategyKind kind) {
        for (int p : parallelisms(kind)) {
            try (Strategy s = Models.create(kind, p)) {
                for (Workload<?> workload : workloads()) {
                    for (int size : sizes(workload.blockSize())) {
                        check(s, workload, size);
                    }
                }
            }
        }
    }

    private static <I> void check(Strategy s, Workload<I> w, int size) {
        I input = input(w, size);
        if (input instanceof VectorAdd.Input v) {
            Arrays.fill(v.c(), Double.NaN);
        }
        long expected = oracle(w, input, size);
        long actual = s.execute(w, input);
        String where = s.kind() + " p=" + s.parallelism() + " " + w.kind() + " size=" + size;
        assertEquals(expected, actual, where);
        if (input instanceof VectorAdd.Input v) {
            for (int i = 0; i < size; i++) {
                if (Double.doubleToRawLongBits(v.c()[i]) != Double.doubleToRawLongBits(v.a()[i] + v.b()[i])) {
                    fail(where + ": c[" + i + "] = " + v.c()[i] + ", expected " + (v.a()[i] + v.b()[i]));
                }
            }
        }
    }

    /** The oracle of an input, computed once (it is the slow, simple path). */
    static synchronized <I> long oracle(Workload<I> w, I input, int size) {
        return ORACLES.computeIfAbsent(w.kind() + "/" + size, k -> w.oracle(input));
    }

    /** Repeated operations on one instance (the data-resident models reuse what they stored). */
    @Test
    void repeatedExecutionsOnOneStrategyStayExact() {
        Workload<?> w = WorkloadKind.VECTOR_ADD.create(Kernel.SIMD);
        for (StrategyKind kind : StrategyKind.values()) {
            try (Strategy s = Models.create(kind, 3)) {
                for (int i = 0; i < 5; i++) {
                    check(s, w, 250 * w.blockSize() + 1235);
                }
            }
        }
    }
}
