package dev.parbench.workload;

import java.util.Arrays;
import java.util.List;

/**
 * {@code sum}: the sum of a {@code long[]} of seeded values in {@code [0, 2^20)}. Exact (integer addition), so any
 * partition of the blocks gives the same sum. Memory-bound: one 8-byte read per element.
 */
public final class Sum implements Workload<Sum.Input> {
    /** Elements per block: 32 KiB of longs. Small enough to balance load, large enough that a block is real work. */
    public static final int BLOCK = 4096;

    /** The prepared input. */
    public record Input(long[] values) {
    }

    private final Kernel kernel;

    public Sum(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public WorkloadKind kind() {
        return WorkloadKind.SUM;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    /** One 8-byte read per element: the read probe is the ceiling. */
    @Override
    public Traffic traffic() {
        return new Traffic(8, Ceiling.READ);
    }

    /** The slice of values travels; the worker sums all of it. */
    @Override
    public WireForm<Input> wire() {
        return new WireForm<>() {
            @Override
            public long seed(Input input) {
                return 0;
            }

            @Override
            public List<ArraySlice> input(Input input, int from, int to) {
                return List.of(new ArraySlice(input.values, from, to - from));
            }

            @Override
            public Local<Input> receive(int size, long seed, int fromBlock, int toBlock, List<Object> arrays,
                    List<Object> previousOutput) {
                int n = WireForm.elements(size, BLOCK, fromBlock, toBlock);
                Input local = new Input(WireForm.expect(arrays, 0, long[].class, n));
                return new Local<>(local, 0, blocks(local));
            }

            /**
             * The scalar loop on the mapped values (a buffer has no SIMD loop before JDK 22's memory segments), with
             * four independent sums so that the adds do not wait for each other (long addition wraps the same in any
             * order: the total is exact).
             */
            @Override
            public java.util.OptionalLong runInPlace(int size, long seed, int fromBlock, int toBlock,
                    List<java.nio.Buffer> inputs, List<java.nio.Buffer> outputs) {
                java.nio.LongBuffer v = (java.nio.LongBuffer) inputs.get(0);
                int n = WireForm.elements(size, BLOCK, fromBlock, toBlock);
                long s0 = 0;
                long s1 = 0;
                long s2 = 0;
                long s3 = 0;
                int i = 0;
                for (; i + 3 < n; i += 4) {
                    s0 += v.get(i);
                    s1 += v.get(i + 1);
                    s2 += v.get(i + 2);
                    s3 += v.get(i + 3);
                }
                for (; i < n; i++) {
                    s0 += v.get(i);
                }
                return java.util.OptionalLong.of(s0 + s1 + s2 + s3);
            }
        };
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public Input prepare(int size, long seed) {
        long[] values = new long[Workload.checkSize(size)];
        Arrays.parallelSetAll(values, i -> Seeds.at(seed, i) >>> 44);
        return new Input(values);
    }

    @Override
    public int size(Input input) {
        return input.values.length;
    }

    @Override
    public long run(Input input, int fromBlock, int toBlock) {
        long[] a = input.values;
        int from = Workload.elementStart(fromBlock, BLOCK, a.length);
        int to = Workload.elementStart(toBlock, BLOCK, a.length);
        return kernel == Kernel.SIMD ? SimdKernels.sum(a, from, to) : sumScalar(a, from, to);
    }

    /** The loop people write. */
    static long sumScalar(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public long oracle(Input input) {
        long s = 0;
        for (long v : input.values) {
            s += v;
        }
        return s;
    }
}
