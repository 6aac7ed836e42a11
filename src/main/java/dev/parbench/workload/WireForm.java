package dev.parbench.workload;

import java.util.List;

/**
 * How one task of a workload travels to another process and back, in neutral terms (arrays of elements and a seed;
 * the wire format itself is {@code remote}'s business). A task is a block range {@code [fromBlock, toBlock)} of an
 * input of {@code size} elements.
 *
 * <p>Two shapes exist: <em>data</em> workloads send the input arrays of the task's element range and rebuild a
 * local input holding just that slice (its blocks renumbered from 0: a range starts on a block boundary, so block
 * boundaries stay aligned); <em>generated</em> workloads ({@link Generated}) send nothing but the size and the
 * seed and run the task's global blocks on an input rebuilt from them.
 */
public interface WireForm<I> {

    /** An input a worker built for one task, and the blocks of it that the task must run. */
    record Local<I>(I input, int fromBlock, int toBlock) {
    }

    /** The seed that travels with every task (0 where the arrays say it all). */
    long seed(I input);

    /** The arrays of elements {@code [from, to)} that must travel with a task; empty if none. */
    List<ArraySlice> input(I input, int from, int to);

    /**
     * Worker side: the input for one task rebuilt from what travelled. {@code arrays} are the received arrays
     * (long[] or double[]), {@code previousOutput} the output arrays of this worker's previous reply (free to reuse,
     * possibly empty).
     *
     * @throws IllegalArgumentException if the arrays do not fit the task
     */
    Local<I> receive(int size, long seed, int fromBlock, int toBlock, List<Object> arrays, List<Object> previousOutput);

    /** Worker side: the arrays to send back after the task ran on {@code local} (empty if the result says it all). */
    default List<ArraySlice> output(I local) {
        return List.of();
    }

    /**
     * Master side: puts a task's returned output arrays where the in-JVM models write them (elements
     * {@code [from, to)}).
     *
     * @throws IllegalArgumentException if the arrays do not fit the task
     */
    default void applyOutput(I input, int from, int to, List<Object> output) {
    }

    /**
     * Master side: where a task's returned output arrays belong in the whole input (elements {@code [from, to)}),
     * one slice per output array, in order; empty if there is no output or it must go through
     * {@link #applyOutput}. A master that reads a result straight into these slices (no per-operation array, no
     * copy) must not call {@link #applyOutput} for it.
     */
    default List<ArraySlice> outputDestination(I input, int from, int to) {
        return List.of();
    }

    /**
     * Worker side of a shared-memory run: computes blocks {@code [fromBlock, toBlock)} in place on buffers over the
     * task's element range of each input array ({@code inputs}, in the order of {@link #input}: a
     * {@link java.nio.LongBuffer} for a long[], a {@link java.nio.DoubleBuffer} for a double[]) and of each output
     * array ({@code outputs}, in the order of {@link #outputDestination}), element 0 of every buffer being the
     * range's first element; writes the output there and returns the partial result, equal to what
     * {@link Workload#run} gives on the same blocks. Empty (the default) if the workload has no such loop: the caller
     * then copies the input through {@link #receive}.
     */
    default java.util.OptionalLong runInPlace(int size, long seed, int fromBlock, int toBlock,
            List<java.nio.Buffer> inputs, List<java.nio.Buffer> outputs) {
        return java.util.OptionalLong.empty();
    }

    /** The wire form of a workload whose input is a pure function of (size, seed): nothing but those travel. */
    interface Generated<I> extends WireForm<I> {
        I prepare(int size, long seed);

        /** The generated wire form with this seed and this input factory (usually the workload's own prepare). */
        static <I> Generated<I> of(java.util.function.ToLongFunction<I> seedOf,
                java.util.function.BiFunction<Integer, Long, I> prepare) {
            return new Generated<>() {
                @Override
                public long seed(I input) {
                    return seedOf.applyAsLong(input);
                }

                @Override
                public I prepare(int size, long seed) {
                    return prepare.apply(size, seed);
                }
            };
        }

        @Override
        default List<ArraySlice> input(I input, int from, int to) {
            return List.of();
        }

        @Override
        default Local<I> receive(int size, long seed, int fromBlock, int toBlock, List<Object> arrays,
                List<Object> previousOutput) {
            if (!arrays.isEmpty()) {
                throw new IllegalArgumentException("this workload takes no arrays, got " + arrays.size());
            }
            return new Local<>(prepare(size, seed), fromBlock, toBlock);
        }
    }

    /** Elements in blocks {@code [fromBlock, toBlock)} of an input of {@code size} elements. */
    static int elements(int size, int blockSize, int fromBlock, int toBlock) {
        return Workload.elementStart(toBlock, blockSize, size) - Workload.elementStart(fromBlock, blockSize, size);
    }

    /** Checks that a received array has the expected type and length. */
    static <T> T expect(List<Object> arrays, int index, Class<T> type, int length) {
        if (arrays.size() <= index || !type.isInstance(arrays.get(index))) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + " as array " + index);
        }
        T a = type.cast(arrays.get(index));
        int n = a instanceof long[] l ? l.length : ((double[]) a).length;
        if (n != length) {
            throw new IllegalArgumentException("slice of " + n + " elements for a task of " + length);
        }
        return a;
    }
}
