package dev.parbench.analysis;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The analysis' previous interval method, kept in the tests only as the comparison in
 * {@code ForkIntervalsCoverageTest}: it undercovers at the fork counts the profiles use (2, 3), which is why the
 * analysis now uses {@link ForkIntervals}.
 * <p>
 * Seeded two-level bootstrap over forks and iterations (Kalibera and Jones 2013). Data are
 * {@code [fork][iteration]}; a fork's statistic is the median of its iterations, the sample's the mean over forks.
 * Percentile intervals; the same seed gives the same interval.
 */
public final class HierarchicalBootstrap {
    /** Bootstrap replicates: enough for stable 2.5% / 97.5% percentiles. */
    public static final int REPLICATES = 4000;

    private final long seed;
    private final int replicates;

    public HierarchicalBootstrap(long seed) {
        this(seed, REPLICATES);
    }

    public HierarchicalBootstrap(long seed, int replicates) {
        this.seed = seed;
        this.replicates = replicates;
    }

    /** Mean over forks of each fork's median iteration: the point estimate of a configuration's time. */
    public static double center(List<double[]> forks) {
        double s = 0;
        for (double[] f : forks) {
            s += Stats.median(f);
        }
        return s / forks.size();
    }

    /** The configuration's value with its interval. */
    public Estimate mean(List<double[]> forks) {
        check(forks);
        double[] ci = Bootstrap.percentile(seed, replicates, rnd -> resample(forks, rnd));
        return new Estimate(center(forks), ci[0], ci[1], forks.size(), Estimate.Kind.INTERVAL); // what it claimed to be
    }

    /** {@code center(numerator) / center(denominator)} with its interval (the two resampled independently). */
    public Estimate ratio(List<double[]> numerator, List<double[]> denominator) {
        check(numerator);
        check(denominator);
        double[] ci = Bootstrap.percentile(seed, replicates,
                rnd -> resample(numerator, rnd) / resample(denominator, rnd));
        return new Estimate(center(numerator) / center(denominator), ci[0], ci[1],
                Math.min(numerator.size(), denominator.size()), Estimate.Kind.INTERVAL);
    }

    private static double resample(List<double[]> forks, SplittableRandom rnd) {
        int n = forks.size();
        double sum = 0;
        double[] buf = new double[64];
        for (int i = 0; i < n; i++) {
            double[] f = forks.get(rnd.nextInt(n));
            if (buf.length < f.length) {
                buf = new double[f.length];
            }
            for (int j = 0; j < f.length; j++) {
                buf[j] = f[rnd.nextInt(f.length)];
            }
            sum += Stats.medianInPlace(buf, f.length);
        }
        return sum / n;
    }

    private static void check(List<double[]> forks) {
        if (forks.isEmpty() || forks.stream().anyMatch(f -> f.length == 0)) {
            throw new IllegalArgumentException("no data: every fork needs at least one iteration");
        }
    }
}
