package dev.parbench.analysis;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The one fork-level interval method of the analysis: Student t over fork medians. Data are
 * {@code [fork][iteration]}; a fork's value is the median of its iterations (one wild iteration does not move it); the
 * fork is the unit of replication.
 * <ul>
 * <li><b>A positive quantity</b> (a time, a throughput): t on the logs of the fork medians, back-transformed. The
 * point is the geometric mean of the fork medians, the centre of its interval.</li>
 * <li><b>A ratio</b> (a speedup, a balance ratio): when both sides ran in the same rounds of one run, the per-round
 * ratios, paired ({@link #paired}: t on their logs); otherwise Welch's two-sample t on the logs (the forks of the two
 * sides are not paired), with Welch-Satterthwaite degrees of freedom, back-transformed. The point is the ratio of the
 * two geometric means.</li>
 * <li><b>A quantity that may be zero or negative</b> (e.g. a count of lost updates): t on the fork medians themselves,
 * around their mean.</li>
 * </ul>
 * Below {@link #MIN_FORKS} forks (on either side of a ratio) the result is a {@link Estimate.Kind#RANGE}: the span of
 * the fork medians (of all fork-pair ratios for a ratio), never a confidence interval, and no claim rests on it. No
 * randomness: the same data always give the same figures.
 */
public final class ForkIntervals {
    /**
     * Fewer forks than this give a range, not an interval. With 2 forks the t interval has one degree of freedom
     * (t = 12.7): either useless or, when the two forks happen to agree, narrow by luck; and with two forks one
     * cannot tell which of them is the odd one. 3 is the smallest count at which the coverage simulation
     * ({@code ForkIntervalsCoverageTest}) holds 95% within its tolerance and a disagreeing fork can be singled out.
     */
    public static final int MIN_FORKS = 3;

    /** The fork count the report recommends to settle a provisional claim (coverage and width both good there). */
    public static final int SETTLE_FORKS = 5;

    /** A fork whose median is more than this factor away from the median of the other forks disagrees. */
    public static final double DISAGREEMENT = 1.30;

    private ForkIntervals() {
    }

    /** Geometric mean of the fork medians: the point estimate of a configuration's time. */
    public static double center(List<double[]> forks) {
        check(forks);
        double s = 0;
        for (double m : Stats.forkMedians(forks)) {
            s += Math.log(m);
        }
        return Math.exp(s / forks.size());
    }

    /** A positive quantity (time, throughput) per fork and iteration: geometric mean with its t interval on logs. */
    public static Estimate level(List<double[]> forks) {
        check(forks);
        double[] m = Stats.forkMedians(forks);
        for (double v : m) {
            if (!(v > 0)) {
                return linear(m);
            }
        }
        double[] logs = logs(m);
        double mean = mean(logs);
        int n = m.length;
        if (n < MIN_FORKS) {
            return range(Math.exp(mean), m, n);
        }
        double half = tQuantile(n - 1) * Math.sqrt(variance(logs, mean) / n);
        return new Estimate(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), n, Estimate.Kind.INTERVAL);
    }

    /**
     * {@code center(numerator) / center(denominator)} with Welch's t interval on logs. For a speedup the numerator
     * is the sequential time and the denominator the model's. {@code forks} is the smaller of the two counts. Both
     * sides must be positive (times).
     */
    public static Estimate ratio(List<double[]> numerator, List<double[]> denominator) {
        check(numerator);
        check(denominator);
        double[] a = logs(Stats.forkMedians(numerator));
        double[] b = logs(Stats.forkMedians(denominator));
        double ma = mean(a);
        double mb = mean(b);
        double point = Math.exp(ma - mb);
        int n = Math.min(a.length, b.length);
        if (n < MIN_FORKS) {
            double lo = Math.exp(min(a) - max(b));
            double hi = Math.exp(max(a) - min(b));
            return a.length < 2 && b.length < 2 // one fork each: no spread to show
                    ? new Estimate(point, Double.NaN, Double.NaN, n, Estimate.Kind.RANGE)
                    : new Estimate(point, lo, hi, n, Estimate.Kind.RANGE);
        }
        double va = logMeanVariance(a);
        double vb = logMeanVariance(b);
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Estimate(point, point, point, n, Estimate.Kind.INTERVAL);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = tQuantile(df) * se;
        return new Estimate(point, Math.exp(ma - mb - half), Math.exp(ma - mb + half), n, Estimate.Kind.INTERVAL);
    }

    /**
     * A ratio from forks paired by round: {@code numerator / denominator} per round in which both ran, the point the
     * geometric mean of those per-round ratios and the interval Student t on their logs (n - 1 degrees of freedom).
     * Pairing takes out what a round shares (a slow minute lands on both sides), which Welch's {@link #ratio} cannot.
     * Empty when the two come from different runs or share fewer than {@link #MIN_FORKS} rounds; the caller then
     * falls back to {@link #ratio}. Both sides are times (positive).
     */
    public static Optional<Estimate> paired(RoundForks numerator, RoundForks denominator) {
        if (numerator == null || denominator == null
                || !java.util.Objects.equals(numerator.source(), denominator.source())) {
            return Optional.empty();
        }
        List<Double> d = new java.util.ArrayList<>();
        numerator.medians().forEach((round, a) -> {
            Double b = denominator.medians().get(round);
            if (b != null && a > 0 && b > 0) {
                d.add(Math.log(a / b));
            }
        });
        int n = d.size();
        if (n < MIN_FORKS) {
            return Optional.empty();
        }
        double[] logs = d.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = mean(logs);
        double half = tQuantile(n - 1) * Math.sqrt(variance(logs, mean) / n);
        return Optional.of(new Estimate(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), n,
                Estimate.Kind.INTERVAL));
    }

    /**
     * The variance of the mean of the log fork medians (their variance over their count): what one side adds to the
     * squared standard error of a {@link #ratio}. Needs at least 2 forks.
     */
    public static double logMeanVariance(List<double[]> forks) {
        check(forks);
        return logMeanVariance(logs(Stats.forkMedians(forks)));
    }

    private static double logMeanVariance(double[] logs) {
        return variance(logs, mean(logs)) / logs.length;
    }

    /**
     * Whether the forks disagree: some fork's median is more than {@link #DISAGREEMENT} times away (either way) from
     * the median of the other forks. With 2 forks: the two differ by more than that factor (which one is off cannot
     * be told). From 3 forks the median of the others is not moved by the odd fork itself. One fork: false.
     */
    public static boolean disagree(List<double[]> forks) {
        if (forks.size() < 2) {
            return false;
        }
        double[] m = Stats.forkMedians(forks);
        double limit = Math.log(DISAGREEMENT);
        double[] others = new double[m.length - 1];
        for (int i = 0; i < m.length; i++) {
            int k = 0;
            for (int j = 0; j < m.length; j++) {
                if (j != i) {
                    others[k++] = m[j];
                }
            }
            double ref = Stats.median(others);
            if (!(m[i] > 0 && ref > 0)) {
                continue; // not a positive quantity: no ratio rule
            }
            if (Math.abs(Math.log(m[i] / ref)) > limit) {
                return true;
            }
        }
        return false;
    }

    /** The two-sided 95% t quantile with {@code df} degrees of freedom. */
    static double tQuantile(double df) {
        return new TDistribution(null, df, 1e-13).inverseCumulativeProbability(1 - (1 - Bootstrap.LEVEL) / 2);
    }

    /** Values that may be zero or negative: arithmetic mean of the fork medians with its t interval. */
    private static Estimate linear(double[] m) {
        int n = m.length;
        double mean = mean(m);
        if (n < MIN_FORKS) {
            return n < 2 ? new Estimate(mean, Double.NaN, Double.NaN, n, Estimate.Kind.RANGE)
                    : new Estimate(mean, min(m), max(m), n, Estimate.Kind.RANGE);
        }
        double half = tQuantile(n - 1) * Math.sqrt(variance(m, mean) / n);
        return new Estimate(mean, mean - half, mean + half, n, Estimate.Kind.INTERVAL);
    }

    private static Estimate range(double point, double[] m, int n) {
        return n < 2 ? new Estimate(point, Double.NaN, Double.NaN, n, Estimate.Kind.RANGE)
                : new Estimate(point, min(m), max(m), n, Estimate.Kind.RANGE);
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    private static double min(double[] v) {
        double r = Double.POSITIVE_INFINITY;
        for (double x : v) {
            r = Math.min(r, x);
        }
        return r;
    }

    private static double max(double[] v) {
        double r = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            r = Math.max(r, x);
        }
        return r;
    }

    private static void check(List<double[]> forks) {
        if (forks.isEmpty() || forks.stream().anyMatch(f -> f.length == 0)) {
            throw new IllegalArgumentException("no data: every fork needs at least one iteration");
        }
    }
}
