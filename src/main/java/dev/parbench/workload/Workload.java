package dev.parbench.workload;

/**
 * One kind of work over a fixed grid of blocks. {@code I} is the prepared input (arrays, or just a seed).
 *
 * <p>A workload describes itself, so that nothing else needs to switch on which one it is: its {@link #kernel()},
 * the memory {@link #traffic()} it causes (bytes per element and the bandwidth probe that bounds it, or
 * compute-bound), and its {@link #wire()} form (how a task's input and output travel to another process). Adding
 * a workload is one class implementing this, one {@link WorkloadKind} constant and one JMH shell.
 *
 * <p>Contract: {@code run(input, 0, blocks)} equals the oracle, and for every split point {@code m},
 * {@code combine(run(input, 0, m), run(input, m, blocks))} equals it too (bit for bit). Implementations are
 * stateless and thread-safe; concurrent calls on disjoint block ranges of one input are allowed.
 */
public interface Workload<I> {

    WorkloadKind kind();

    /** The inner loop this instance runs; workloads with one loop only say {@link Kernel#SCALAR}. */
    default Kernel kernel() {
        return Kernel.SCALAR;
    }

    /** Bytes moved per element and the probe that bounds it, or {@link Traffic#COMPUTE_BOUND}. */
    Traffic traffic();

    /** How a task's input and output travel between processes. */
    WireForm<I> wire();

    /** Elements per block; the last block of an input may be shorter. */
    int blockSize();

    /**
     * Builds the seeded input for {@code size} elements (untimed). The same (size, seed) always gives the same input.
     *
     * @throws IllegalArgumentException if size is not positive
     */
    I prepare(int size, long seed);

    /** Number of elements of a prepared input. */
    int size(I input);

    /** Number of blocks of a prepared input: {@code ceil(size / blockSize)}. */
    default int blocks(I input) {
        return Math.ceilDiv(size(input), blockSize());
    }

    /** Computes blocks {@code [fromBlock, toBlock)} and returns their partial result. */
    long run(I input, int fromBlock, int toBlock);

    /** Combines two partial results. Wrap-around addition: associative and commutative, hence partition-free. */
    default long combine(long a, long b) {
        return a + b;
    }

    /** The answer computed the simplest way, independently of {@link #run}; for tests. */
    long oracle(I input);

    /** First element of block {@code block} (or {@code size} past the end): block ranges become element ranges. */
    static int elementStart(int block, int blockSize, int size) {
        return (int) Math.min((long) block * blockSize, size);
    }

    static int checkSize(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be at least 1 element, got " + size);
        }
        return size;
    }
}
