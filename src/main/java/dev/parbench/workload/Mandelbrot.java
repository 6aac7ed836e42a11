package dev.parbench.workload;

/**
 * {@code mandelbrot}: the classic load-imbalance example. The result is the total escape-iteration count over the
 * first {@code size} pixels of a fixed image of the upper half of the Mandelbrot set; pixels inside the set cost
 * {@link #MAX_ITERATIONS} iterations, pixels far outside cost one or two, so equal ranges of pixels are far from equal
 * work.
 *
 * <p>The grid, defined by {@code size} alone: {@code width = ceil(sqrt(2 * size))} columns and
 * {@code rows = ceil(size / width)} rows (square pixels, about twice as wide as tall); pixel {@code i} is row
 * {@code i / width}, column {@code i % width}, in row-major order (the last row may be partly computed). Column
 * {@code x} maps to {@code re = -2.5 + 4 (x + 1/2) / width}, row {@code y} to {@code im = 2 - 2 (y + 1/2) / rows}:
 * the image spans {@code [-2.5, 1.5] x [0, 2]}, top to bottom. The top rows are nearly all outside the set and cheap;
 * the bottom rows, along the real axis, hold most of it. Splitting the pixels into equal contiguous ranges (one per
 * task, as {@code executor} and {@code thread-per-task} do) therefore gives the later tasks most of the work, while
 * work stealing ({@code fork-join}) rebalances it.
 *
 * <p>Exact and partition-free: a pixel's count depends on its index only (IEEE double arithmetic is deterministic in
 * Java), counts are added as longs, and one block is {@link #BLOCK} consecutive pixels. Compute-bound: nothing but
 * the size travels to another process.
 */
public final class Mandelbrot implements Workload<Mandelbrot.Input> {
    /** Pixels per block. */
    public static final int BLOCK = 4096;

    /** Iterations after which a point counts as inside the set. */
    public static final int MAX_ITERATIONS = 32;

    /** Prepared input: the number of pixels and the grid they lie on. */
    public record Input(int size, int width, int rows) {
        static Input of(int size) {
            int width = (int) Math.ceil(Math.sqrt(2.0 * Workload.checkSize(size)));
            return new Input(size, width, Math.ceilDiv(size, width));
        }
    }

    @Override
    public WorkloadKind kind() {
        return WorkloadKind.MANDELBROT;
    }

    @Override
    public Traffic traffic() {
        return Traffic.COMPUTE_BOUND;
    }

    /** Only the size travels (the seed plays no part: the grid is fixed). */
    @Override
    public WireForm<Input> wire() {
        return WireForm.Generated.of(input -> 0, this::prepare);
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    /** The grid for {@code size} pixels; {@code seed} is ignored (the image is the same for every seed). */
    @Override
    public Input prepare(int size, long seed) {
        return Input.of(size);
    }

    @Override
    public int size(Input input) {
        return input.size;
    }

    /** Walks the pixels of the blocks row by row, column by column. */
    @Override
    public long run(Input input, int fromBlock, int toBlock) {
        int from = Workload.elementStart(fromBlock, BLOCK, input.size);
        int to = Workload.elementStart(toBlock, BLOCK, input.size);
        long total = 0;
        int row = from / input.width;
        int col = from % input.width;
        for (int i = from; i < to; i++) {
            total += escape(re(col, input.width), im(row, input.rows));
            if (++col == input.width) {
                col = 0;
                row++;
            }
        }
        return total;
    }

    static double re(int col, int width) {
        return -2.5 + 4.0 * (col + 0.5) / width;
    }

    static double im(int row, int rows) {
        return 2.0 - 2.0 * (row + 0.5) / rows;
    }

    /** Iterations of {@code z = z^2 + c} from 0 until {@code |z| > 2}, at most {@link #MAX_ITERATIONS}. */
    static int escape(double cr, double ci) {
        double zr = 0;
        double zi = 0;
        int n = 0;
        while (n < MAX_ITERATIONS && zr * zr + zi * zi <= 4.0) {
            double t = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = t;
            n++;
        }
        return n;
    }

    /** Pixel by pixel, each pixel's position computed from its index alone. */
    @Override
    public long oracle(Input input) {
        long total = 0;
        for (int i = 0; i < input.size; i++) {
            total += escape(re(i % input.width, input.width), im(i / input.width, input.rows));
        }
        return total;
    }
}
