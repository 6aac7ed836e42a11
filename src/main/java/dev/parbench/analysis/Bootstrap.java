package dev.parbench.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded percentile bootstrap: the gate's interval machinery (its Hodges-Lehmann ratios); the analysis' fork-level
 * intervals are {@link ForkIntervals}' Student t, which holds its coverage at small fork counts. The caller says how
 * to draw one resampled statistic from a generator; this draws it {@code replicates} times and returns the central
 * {@link #LEVEL} range. The same seed gives the same interval.
 */
public final class Bootstrap {
    public static final double LEVEL = 0.95;

    private Bootstrap() {
    }

    /** {low, high}: the 2.5% and 97.5% type-7 quantiles of {@code replicates} draws of {@code resampled}. */
    public static double[] percentile(long seed, int replicates, ToDoubleFunction<SplittableRandom> resampled) {
        if (replicates < 1) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] reps = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            reps[r] = resampled.applyAsDouble(rnd);
        }
        Arrays.sort(reps);
        double alpha = (1 - LEVEL) / 2;
        return new double[] {Stats.quantile(reps, alpha), Stats.quantile(reps, 1 - alpha)};
    }

    /** A resample with replacement of {@code v} into {@code into} (same length). */
    public static double[] resample(double[] v, double[] into, SplittableRandom rnd) {
        for (int i = 0; i < into.length; i++) {
            into[i] = v[rnd.nextInt(v.length)];
        }
        return into;
    }
}
