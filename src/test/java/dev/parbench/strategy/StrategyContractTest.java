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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every model must keep: for every strategy x workload (x kernel) x parallelism {1, 2, 3, 7} x size
 * {1, one block - 1, one block, one block + 1, a large odd size}, the result equals the sequential oracle exactly,
 * and vector-add's output equals a[i] + b[i] element by element.
 */
class StrategyContractTest {
    static final int[] PARALLELISM = {1, 2, 3, 7};
    static final long SEED = 42;

    /** Sizes around one block, plus a large odd size of many blocks with a ragged last block. */
    static int[] sizes(int block) {
        return new int[] {1, block - 1, block, block + 1, 250 * block + 1235};
    }

    static List<Workload<?>> workloads() {
        List<Workload<?>> out = new ArrayList<>();
        for (WorkloadKind w : WorkloadKind.values()) {
            if (w == WorkloadKind.RANDOM) {
                out.add(w.create(Kernel.SCALAR));
            } else {
                for (Kernel k : Kernel.values()) {
                    out.add(w.create(k));
                }
            }
        }
        return out;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (StrategyKind s : StrategyKind.values()) {
            for (Workload<?> w : workloads()) {
                out.add(Arguments.of(s, w));
            }
        }
        return out.stream();
    }

    private static final Map<String, Object> INPUTS = new HashMap<>();

    @SuppressWarnings("unchecked")
    static synchronized <I> I input(Workload<I> w, int size) {
        return (I) INPUTS.computeIfAbsent(w.kind() + "/" + size, k -> w.prepare(size, SEED));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyPartitionGivesTheOracle(StrategyKind kind, Workload<?> workload) {
        for (int p : PARALLELISM) {
            try (Strategy s = kind.create(p)) {
                for (int size : sizes(workload.blockSize())) {
                    check(s, workload, size);
                }
            }
        }
    }

    private static <I> void check(Strategy s, Workload<I> w, int size) {
        I input = input(w, size);
        if (input instanceof VectorAdd.Input v) {
            Arrays.fill(v.c(), Double.NaN);
        }
        long expected = w.oracle(input);
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

    @Test
    void repeatedExecutionsOnOneStrategyStayExact() {
        Workload<?> w = WorkloadKind.SUM.create(Kernel.SIMD);
        for (StrategyKind kind : StrategyKind.values()) {
            try (Strategy s = kind.create(3)) {
                for (int i = 0; i < 20; i++) {
                    check(s, w, 250 * w.blockSize() + 1235);
                }
            }
        }
    }
}
