package dev.parbench.analysis;

import java.util.Arrays;

/**
 * The statistics core shared by the analysis and the gate: medians and quantiles. (Intervals: {@link Bootstrap}.)
 * Plain functions of arrays; nothing here knows about JMH.
 */
public final class Stats {
    private Stats() {
    }

    /** Median of {@code v} (not modified). */
    public static double median(double[] v) {
        double[] s = v.clone();
        return medianInPlace(s, s.length);
    }

    /** Median of the first {@code n} values (reorders them). */
    public static double medianInPlace(double[] v, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("the median of nothing");
        }
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Type-7 quantile (R's default) of sorted data. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Each fork's median iteration. */
    public static double[] forkMedians(java.util.List<double[]> forks) {
        return forks.stream().mapToDouble(Stats::median).toArray();
    }
}
