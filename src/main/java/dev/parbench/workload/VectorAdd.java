package dev.parbench.workload;

import java.util.Arrays;

/**
 * {@code vector-add}: {@code c[i] = a[i] + b[i]} over {@code double[]}. Each element is computed independently, so
 * the output is bit-identical under any partition. Memory-bound: two 8-byte reads and one 8-byte write per element.
 *
 * <p>The output lands in {@link Input#c()} (tests check it element by element). The returned value is a cheap,
 * exact checksum that reads what the kernel wrote, so the work is never dead code: for every block, the raw bits of
 * its first and last output element, added as longs.
 */
public final class VectorAdd implements Workload<VectorAdd.Input> {
    /** Elements per block. */
    public static final int BLOCK = 4096;

    private static final long SEED_B = 0x5DEECE66DL;

    /** Prepared input: operands {@code a}, {@code b} and the output array {@code c} (allocated once, untimed). */
    public record Input(double[] a, double[] b, double[] c) {
    }

    private final Kernel kernel;

    public VectorAdd(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public WorkloadKind kind() {
        return WorkloadKind.VECTOR_ADD;
    }

    public Kernel kernel() {
        return kernel;
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public Input prepare(int size, long seed) {
        Workload.checkSize(size);
        double[] a = new double[size];
        double[] b = new double[size];
        Arrays.parallelSetAll(a, i -> Seeds.unitDouble(seed, i));
        Arrays.parallelSetAll(b, i -> Seeds.unitDouble(seed ^ SEED_B, i) * 1000.0);
        return new Input(a, b, new double[size]);
    }

    @Override
    public int size(Input input) {
        return input.a.length;
    }

    @Override
    public long run(Input input, int fromBlock, int toBlock) {
        int n = input.a.length;
        int from = Workload.elementStart(fromBlock, BLOCK, n);
        int to = Workload.elementStart(toBlock, BLOCK, n);
        if (kernel == Kernel.SIMD) {
            SimdKernels.add(input.a, input.b, input.c, from, to);
        } else {
            addScalar(input.a, input.b, input.c, from, to);
        }
        return checksum(input.c, fromBlock, toBlock);
    }

    /** The loop people write. */
    static void addScalar(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i] + b[i];
        }
    }

    /** Sum over blocks of the raw bits of each block's first and last element of {@code c}. */
    static long checksum(double[] c, int fromBlock, int toBlock) {
        long s = 0;
        for (int blk = fromBlock; blk < toBlock; blk++) {
            int first = blk * BLOCK;
            int last = Math.min(first + BLOCK, c.length) - 1;
            s += Double.doubleToRawLongBits(c[first]) + Double.doubleToRawLongBits(c[last]);
        }
        return s;
    }

    /** The checksum of the correct output, computed from {@code a} and {@code b} without touching {@code c}. */
    @Override
    public long oracle(Input input) {
        double[] expected = new double[input.a.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = input.a[i] + input.b[i];
        }
        return checksum(expected, 0, blocks(input));
    }
}
