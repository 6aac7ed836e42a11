package dev.parbench.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Change points in a series of benchmark runs, each run given as the scores of its forks, by binary segmentation with
 * Welch's t-test: the test Hunter and its successor Apache Otava put in place of E-divisive's permutation test
 * because a permutation test over a few run medians cannot reach its level at all (6 runs split 3 + 3 have only 20
 * distinct arrangements; Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance Regressions",
 * ICPE 2023; Matteson and James, JASA 2014, for E-divisive).
 *
 * <p>For every current segment and every split of it into a left and a right part (each at least
 * {@code minSegment} runs), the forks of the left runs are compared with the forks of the right runs by Welch's
 * two-sided t-test ({@link Side} says which standard error each side uses). The split with the smallest p over all segments is kept if that p, multiplied by
 * the number of splits tried in that round (Bonferroni), is below {@code significance}; the search then goes on in
 * the pieces, and stops at the first round that keeps nothing. Using the forks (not one median per run) is what lets
 * few runs reach the level; where runs wander more than their forks, the run means set the standard error instead,
 * so that wander is not taken for a change. Deterministic. Values are used as given (callers pass log costs, so a step is relative).
 */
public final class ChangePoints {

    /**
     * One change: the first run of the new segment, the mean fork value of the segments either side (in the values
     * given), and the Bonferroni-adjusted p of the t-test that kept it.
     */
    public record Change(int index, double before, double after, double p) {
    }

    private final int minSegment;
    private final double significance;

    public ChangePoints(int minSegment, double significance) {
        if (minSegment < 1) {
            throw new IllegalArgumentException("minSegment must be at least 1");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance must be in (0, 1)");
        }
        this.minSegment = minSegment;
        this.significance = significance;
    }

    /** Defaults: at least 3 runs either side of a change, adjusted p < 0.01. */
    public static ChangePoints defaults() {
        return new ChangePoints(3, 0.01);
    }

    /** The fewest runs in which a change can be found at all: {@code minSegment} on either side. */
    public int minRuns() {
        return 2 * minSegment;
    }

    /**
     * Whether a change could be found at all in these runs: at least {@link #minRuns()} runs with a value, and a
     * split with two forks on each side (Welch's test needs a variance on each side). False means "too few runs",
     * not "no change".
     */
    public boolean canFind(double[][] runs) {
        return runs.length >= minRuns() && splitsOf(runs, 0, runs.length) > 0;
    }

    /** The change points of {@code runs} (the fork values of each run, oldest first), in run order. */
    public List<Change> find(double[][] runs) {
        List<Integer> cuts = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        while (true) {
            List<Integer> bounds = bounds(cuts, runs.length);
            int tried = 0;
            double bestP = Double.POSITIVE_INFINITY;
            int bestTau = -1;
            for (int s = 0; s + 1 < bounds.size(); s++) {
                int lo = bounds.get(s);
                int hi = bounds.get(s + 1);
                for (int tau = lo + minSegment; tau <= hi - minSegment; tau++) {
                    double p = welchP(Side.of(runs, lo, tau), Side.of(runs, tau, hi));
                    if (Double.isNaN(p)) {
                        continue;
                    }
                    tried++;
                    if (p < bestP) {
                        bestP = p;
                        bestTau = tau;
                    }
                }
            }
            if (bestTau < 0 || Math.min(1, bestP * tried) >= significance) {
                break;
            }
            cuts.add(bestTau);
            ps.add(Math.min(1, bestP * tried));
        }
        List<Integer> sorted = bounds(cuts, runs.length);
        List<Change> out = new ArrayList<>();
        for (int i = 1; i + 1 < sorted.size(); i++) {
            int c = sorted.get(i);
            out.add(new Change(c, mean(pool(runs, sorted.get(i - 1), c)), mean(pool(runs, c, sorted.get(i + 1))),
                    ps.get(cuts.indexOf(c))));
        }
        return out;
    }

    /**
     * One side of a split: the mean of its forks, the squared standard error of that mean, and its degrees of
     * freedom. The standard error is the larger of the forks' (all forks independent) and the run means' (runs as
     * the unit, when the side has two runs or more), so runs that wander more than their forks do not pass for a
     * change: Welch's test over the forks when forks and runs agree, over the run means when runs wander.
     */
    record Side(double mean, double se2, double df, int forks) {

        static Side of(double[][] runs, int lo, int hi) {
            double[] forks = pool(runs, lo, hi);
            double[] runMeans = Arrays.stream(runs, lo, hi).map(r -> Arrays.stream(r).filter(Double::isFinite)
                    .toArray()).filter(r -> r.length > 0).mapToDouble(ChangePoints::mean).toArray();
            double m = forks.length == 0 ? Double.NaN : ChangePoints.mean(forks);
            if (forks.length < 2) {
                return new Side(m, Double.NaN, 0, forks.length);
            }
            double byForks = new Variance().evaluate(forks) / forks.length;
            if (runMeans.length >= 2) {
                double byRuns = new Variance().evaluate(runMeans) / runMeans.length;
                if (byRuns > byForks) {
                    return new Side(m, byRuns, runMeans.length - 1, forks.length);
                }
            }
            return new Side(m, byForks, forks.length - 1, forks.length);
        }
    }

    /**
     * Welch's two-sided p for two sides (t = difference of means over the root of the summed squared standard
     * errors, Welch-Satterthwaite degrees of freedom); 0 or 1 when neither varies (the means differ or not); NaN
     * when a side has fewer than two forks.
     */
    static double welchP(Side a, Side b) {
        if (a.forks() < 2 || b.forks() < 2) {
            return Double.NaN;
        }
        double se2 = a.se2() + b.se2();
        if (se2 == 0) {
            return a.mean() == b.mean() ? 1 : 0;
        }
        double t = Math.abs(a.mean() - b.mean()) / Math.sqrt(se2);
        double df = se2 * se2 / (a.se2() * a.se2() / a.df() + b.se2() * b.se2() / b.df());
        return 2 * new TDistribution(null, df).cumulativeProbability(-t);
    }

    private int splitsOf(double[][] runs, int lo, int hi) {
        int n = 0;
        for (int tau = lo + minSegment; tau <= hi - minSegment; tau++) {
            if (pool(runs, lo, tau).length >= 2 && pool(runs, tau, hi).length >= 2) {
                n++;
            }
        }
        return n;
    }

    private static List<Integer> bounds(List<Integer> cuts, int n) {
        List<Integer> b = new ArrayList<>(cuts);
        b.add(0);
        b.add(n);
        b.sort(null);
        return b;
    }

    /** The finite fork values of runs [lo, hi), in one array. */
    private static double[] pool(double[][] runs, int lo, int hi) {
        return Arrays.stream(runs, lo, hi).flatMapToDouble(Arrays::stream).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] v) {
        return new Mean().evaluate(v);
    }
}
