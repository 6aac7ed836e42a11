package dev.parbench.remote;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.MonteCarlo;
import dev.parbench.workload.Sum;
import dev.parbench.workload.VectorAdd;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;

/**
 * One block range of one workload, as it travels: which workload and kernel, the whole input's size and seed, the
 * block range, and (beside it, in a frame's {@link Frame.Data}) the input slice of that range.
 *
 * <p>A worker rebuilds a local input from the slice and gets exactly the partial result the in-JVM models get:
 * sum and vector-add depend only on the elements and on block boundaries, which stay aligned because a range
 * starts on a block; Monte Carlo needs no data at all, only the seed and the global block numbers.
 */
public record RemoteTask(WorkloadKind workload, Kernel kernel, int size, long seed, int fromBlock, int toBlock) {

    public RemoteTask {
        if (size < 1 || fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException("bad task: size " + size + ", blocks [" + fromBlock + ", " + toBlock
                    + ")");
        }
    }

    /** The task for blocks {@code [from, to)} of {@code input}. */
    public static <I> RemoteTask of(Workload<I> w, I input, int from, int to) {
        Kernel kernel = switch (w) {
            case Sum s -> s.kernel();
            case VectorAdd v -> v.kernel();
            default -> Kernel.SCALAR;
        };
        long seed = input instanceof MonteCarlo.Input mc ? mc.seed() : 0;
        return new RemoteTask(w.kind(), kernel, w.size(input), seed, from, to);
    }

    int blockSize() {
        return switch (workload) {
            case SUM -> Sum.BLOCK;
            case VECTOR_ADD -> VectorAdd.BLOCK;
            case RANDOM -> MonteCarlo.BLOCK;
        };
    }

    int fromElement() {
        return Workload.elementStart(fromBlock, blockSize(), size);
    }

    int toElement() {
        return Workload.elementStart(toBlock, blockSize(), size);
    }

    /** The input slice that must travel with this task (none for Monte Carlo). */
    public Frame.Data slice(Object input) {
        int from = fromElement();
        int len = toElement() - from;
        return switch (workload) {
            case SUM -> Frame.Data.of(new Frame.Slice.Longs(((Sum.Input) input).values(), from, len));
            case VECTOR_ADD -> {
                VectorAdd.Input v = (VectorAdd.Input) input;
                yield Frame.Data.of(new Frame.Slice.Doubles(v.a(), from, len),
                        new Frame.Slice.Doubles(v.b(), from, len));
            }
            case RANDOM -> Frame.Data.NONE;
        };
    }

    /** Number of elements of this task's slice. */
    int sliceLength() {
        return toElement() - fromElement();
    }

    /**
     * Worker side: the local input this task's slice describes; {@code output} (may be null) is reused as
     * vector-add's output array when it has the right length.
     */
    public Object localInput(Frame.Data data, double[] output) {
        int len = toElement() - fromElement();
        return switch (workload) {
            case SUM -> {
                long[] values = data.longs(0);
                check(values.length, len);
                yield new Sum.Input(values);
            }
            case VECTOR_ADD -> {
                double[] a = data.doubles(0);
                double[] b = data.doubles(1);
                check(a.length, len);
                check(b.length, len);
                yield new VectorAdd.Input(a, b, output != null && output.length == len ? output : new double[len]);
            }
            case RANDOM -> new MonteCarlo.Input(size, seed);
        };
    }

    private void check(int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException("slice of " + got + " elements for a task of " + expected);
        }
    }

    /** Worker side: computes the range on a local input and returns the partial result and any output. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Frame.Result compute(long requestId, Object local) {
        Workload w = workload.create(kernel);
        if (workload == WorkloadKind.RANDOM) {
            return new Frame.Result(requestId, w.run(local, fromBlock, toBlock), Frame.Data.NONE);
        }
        long partial = w.run(local, 0, w.blocks(local));
        Frame.Data out = local instanceof VectorAdd.Input v ? Frame.Data.of(Frame.Slice.Doubles.of(v.c()))
                : Frame.Data.NONE;
        return new Frame.Result(requestId, partial, out);
    }

    /** Master side: puts any output of a result where the in-JVM models would have written it. */
    public void applyOutput(Object input, Frame.Data out) {
        if (workload == WorkloadKind.VECTOR_ADD) {
            double[] c = out.doubles(0);
            check(c.length, toElement() - fromElement());
            System.arraycopy(c, 0, ((VectorAdd.Input) input).c(), fromElement(), c.length);
        }
    }
}
