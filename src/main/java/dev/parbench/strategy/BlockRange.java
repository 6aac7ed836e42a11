package dev.parbench.strategy;

import java.util.ArrayList;
import java.util.List;

/** A contiguous range of blocks {@code [from, to)}. */
public record BlockRange(int from, int to) {

    public BlockRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad block range [" + from + ", " + to + ")");
        }
    }

    public int blocks() {
        return to - from;
    }

    /**
     * Splits {@code [0, blocks)} into {@code min(parts, blocks)} non-empty contiguous ranges whose lengths differ by
     * at most one (range {@code k} is {@code [k*blocks/n, (k+1)*blocks/n)}).
     */
    public static List<BlockRange> split(int blocks, int parts) {
        int n = Math.min(Strategy.checkParallelism(parts), blocks);
        List<BlockRange> ranges = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ranges.add(new BlockRange((int) ((long) k * blocks / n), (int) ((long) (k + 1) * blocks / n)));
        }
        return ranges;
    }
}
