package dev.parbench.workload;

import java.util.Arrays;
import java.util.List;

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

    @Override
    public Kernel kernel() {
        return kernel;
    }

    /** Two 8-byte reads and one 8-byte write per element: the add probe is the ceiling. */
    @Override
    public Traffic traffic() {
        return new Traffic(24, Ceiling.ADD, 8); // reads a and b, writes c
    }

    /**
     * The slices of {@code a} and {@code b} travel; the worker's {@code c} comes back into the whole output's
     * {@code c} at the task's offset ({@code outputDestination}: the master decodes it there, with no array
     * allocated and no copy; {@code applyOutput} copies it for a caller that cannot). A worker reuses its previous
     * output array when it has the right length (no allocation per request).
     */
    @Override
    public WireForm<Input> wire() {
        return new WireForm<>() {
            @Override
            public long seed(Input input) {
                return 0;
            }

            @Override
            public List<ArraySlice> input(Input input, int from, int to) {
                return List.of(new ArraySlice(input.a, from, to - from), new ArraySlice(input.b, from, to - from));
            }

            @Override
            public Local<Input> receive(int size, long seed, int fromBlock, int toBlock, List<Object> arrays,
                    List<Object> previousOutput) {
                int n = WireForm.elements(size, BLOCK, fromBlock, toBlock);
                double[] a = WireForm.expect(arrays, 0, double[].class, n);
                double[] b = WireForm.expect(arrays, 1, double[].class, n);
                double[] c = !previousOutput.isEmpty() && previousOutput.get(0) instanceof double[] old
                        && old.length == n ? old : new double[n];
                Input local = new Input(a, b, c);
                return new Local<>(local, 0, blocks(local));
            }

            @Override
            public List<ArraySlice> output(Input local) {
                return List.of(ArraySlice.whole(local.c));
            }

            @Override
            public List<ArraySlice> outputDestination(Input input, int from, int to) {
                return List.of(new ArraySlice(input.c, from, to - from));
            }

            @Override
            public void applyOutput(Input input, int from, int to, List<Object> output) {
                double[] c = WireForm.expect(output, 0, double[].class, to - from);
                System.arraycopy(c, 0, input.c, from, c.length);
            }
        };
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
