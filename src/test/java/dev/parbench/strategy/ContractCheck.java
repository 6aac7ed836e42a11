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

/**
 * The exact-answer check shared by {@link StrategyContractTest} (in-JVM models) and {@link TransportContractTest}
 * (out-of-process models): a model's result equals the sequential oracle exactly, and vector-add's output equals
 * a[i] + b[i] element by element (its output array is poisoned with NaN before every execution). Inputs and oracles
 * are computed once per workload and size and shared by every model.
 */
final class ContractCheck {
    static final long SEED = 42;
    /** A large odd size: many blocks and a ragged last block. */
    static final int BIG_BLOCKS = 250;
    static final int BIG_EXTRA = 1235;

    private static final Map<String, Object> INPUTS = new HashMap<>();
    private static final Map<String, Long> ORACLES = new HashMap<>();

    private ContractCheck() {
    }

    /** Every workload, with every kernel where it has kernels. */
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

    /** Sizes around one block (one element, one block - 1, one block, one block + 1) plus {@link #big}. */
    static int[] sizes(int block) {
        return new int[] {1, block - 1, block, block + 1, big(block)};
    }

    /** {@value #BIG_BLOCKS} blocks and a ragged last one. */
    static int big(int block) {
        return BIG_BLOCKS * block + BIG_EXTRA;
    }

    /** Runs {@code w} at {@code size} on {@code s} and checks the answer (and vector-add's output) exactly. */
    static <I> void check(Strategy s, Workload<I> w, int size) {
        I input = input(w, size);
        if (input instanceof VectorAdd.Input v) {
            Arrays.fill(v.c(), Double.NaN);
        }
        long expected = oracle(w, input, size);
        long actual = s.execute(w, input);
        String where = s.kind() + " p=" + s.parallelism() + " " + w.kind() + "/" + w.kernel() + " size=" + size;
        assertEquals(expected, actual, where);
        if (input instanceof VectorAdd.Input v) {
            for (int i = 0; i < size; i++) {
                if (Double.doubleToRawLongBits(v.c()[i]) != Double.doubleToRawLongBits(v.a()[i] + v.b()[i])) {
                    fail(where + ": c[" + i + "] = " + v.c()[i] + ", expected " + (v.a()[i] + v.b()[i]));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static synchronized <I> I input(Workload<I> w, int size) {
        return (I) INPUTS.computeIfAbsent(w.kind() + "/" + size, k -> w.prepare(size, SEED));
    }

    /** The oracle of an input, computed once (it is the slow, simple path). */
    private static synchronized <I> long oracle(Workload<I> w, I input, int size) {
        return ORACLES.computeIfAbsent(w.kind() + "/" + size, k -> w.oracle(input));
    }
}
