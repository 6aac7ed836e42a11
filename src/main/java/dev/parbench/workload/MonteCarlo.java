package dev.parbench.workload;

import java.util.SplittableRandom;

/**
 * {@code random}: Monte Carlo estimate of pi. {@code size} points are drawn uniformly in the unit square and the
 * result is the number of hits inside the quarter circle ({@code x*x + y*y <= 1}); pi is about {@code 4 * hits / size}.
 *
 * <p>One generator per block, a {@link SplittableRandom} seeded from (seed, blockIndex): no generator is ever
 * shared between threads (no contention) and the hit count is exact whatever the partition. Compute-bound: only the
 * seed and a block range need to reach whoever does the work.
 */
public final class MonteCarlo implements Workload<MonteCarlo.Input> {
    /** Points per block. */
    public static final int BLOCK = 4096;

    /** Prepared input: nothing but the number of points and the seed. */
    public record Input(int size, long seed) {
    }

    @Override
    public WorkloadKind kind() {
        return WorkloadKind.RANDOM;
    }

    /** Compute-bound: a few bytes of generator state, no array. */
    @Override
    public Traffic traffic() {
        return Traffic.COMPUTE_BOUND;
    }

    /** Only the size and the seed travel; a worker draws its blocks' points itself. */
    @Override
    public WireForm<Input> wire() {
        return WireForm.Generated.of(Input::seed, this::prepare);
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public Input prepare(int size, long seed) {
        return new Input(Workload.checkSize(size), seed);
    }

    @Override
    public int size(Input input) {
        return input.size;
    }

    @Override
    public long run(Input input, int fromBlock, int toBlock) {
        long hits = 0;
        for (int blk = fromBlock; blk < toBlock; blk++) {
            int from = Workload.elementStart(blk, BLOCK, input.size);
            int to = Workload.elementStart(blk + 1, BLOCK, input.size);
            hits += hits(input.seed, blk, to - from);
        }
        return hits;
    }

    /** Hits among the {@code points} points of block {@code blk}. */
    static long hits(long seed, int blk, int points) {
        SplittableRandom rnd = new SplittableRandom(Seeds.at(seed, blk));
        long hits = 0;
        for (int i = 0; i < points; i++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            if (x * x + y * y <= 1.0) {
                hits++;
            }
        }
        return hits;
    }

    /** Point by point over the whole input, starting a fresh generator at each block boundary. */
    @Override
    public long oracle(Input input) {
        long hits = 0;
        SplittableRandom rnd = null;
        for (int i = 0; i < input.size; i++) {
            if (i % BLOCK == 0) {
                rnd = new SplittableRandom(Seeds.at(input.seed, i / BLOCK));
            }
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            if (x * x + y * y <= 1.0) {
                hits++;
            }
        }
        return hits;
    }

    /** The estimate of pi from a hit count. */
    public static double estimate(long hits, int size) {
        return 4.0 * hits / size;
    }
}
