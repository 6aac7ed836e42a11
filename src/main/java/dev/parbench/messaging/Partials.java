package dev.parbench.messaging;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.List;

/**
 * What reduce and allreduce reduce: each rank computes the partial result of every workload of the suite (sum,
 * vector-add, Monte Carlo, Mandelbrot) over its share of the blocks with the workload kernels, and the sum over all
 * ranks must equal each workload's oracle exactly (wrap-around long addition: the same answer for any split and any
 * tree). The workloads come from {@link WorkloadKind#values()}, so a new workload is reduced too.
 */
public final class Partials {
    /** The workloads reduced, in message order (elements 0, 1, ...). */
    public static final List<WorkloadKind> WORKLOADS = List.of(WorkloadKind.values());
    /** Elements of each workload's input: 16 blocks, so that 8 ranks get 2 each. */
    public static final int SIZE = 1 << 16;
    public static final long SEED = 42;

    private Partials() {
    }

    /** Rank {@code rank}'s partials: blocks {@code [rank * blocks / size, (rank + 1) * blocks / size)}. */
    public static long[] of(int rank, int size) {
        long[] out = new long[WORKLOADS.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = partial(WORKLOADS.get(k).create(Kernel.SCALAR), rank, size);
        }
        return out;
    }

    private static <I> long partial(Workload<I> w, int rank, int size) {
        I input = w.prepare(SIZE, SEED);
        int blocks = w.blocks(input);
        return w.run(input, (int) ((long) rank * blocks / size), (int) ((long) (rank + 1) * blocks / size));
    }

    private static volatile long[] oracles;

    /** The oracle of each workload (computed once): what the reduced partials must add up to. */
    public static long[] oracles() {
        long[] o = oracles;
        if (o == null) {
            o = new long[WORKLOADS.size()];
            for (int k = 0; k < o.length; k++) {
                o[k] = oracle(WORKLOADS.get(k).create(Kernel.SCALAR));
            }
            oracles = o;
        }
        return o.clone();
    }

    private static <I> long oracle(Workload<I> w) {
        return w.oracle(w.prepare(SIZE, SEED));
    }
}
