package dev.parbench.analysis;

/**
 * Amdahl's law fitted by least squares: {@code 1/S(p) = f + (1 - f)/p}, with {@code f} the serial fraction.
 * Writing {@code x = 1/p}, {@code 1/S - x = f (1 - x)}: a line through the origin, so
 * {@code f = sum((1-x)(1/S - x)) / sum((1-x)^2)}. R² is that of the fitted {@code 1/S} against the measured one;
 * NaN when fewer than two points have {@code p > 1} (one point determines f exactly and proves nothing).
 *
 * @param serialFraction f (may fall outside [0, 1] when the model does not fit, e.g. superlinear or slower than 1)
 * @param rSquared       coefficient of determination of the fit on 1/S
 * @param points         points used
 */
public record AmdahlFit(double serialFraction, double rSquared, int points) {
    /**
     * The analysis fits only over at least this many distinct parallelisms that are thread counts and at most the
     * cores: with p = 1 and 2 the fit is one informative point that determines f exactly and proves nothing.
     */
    public static final int MIN_PARALLELISMS = 3;

    public static AmdahlFit fit(double[] parallelism, double[] speedup) {
        if (parallelism.length != speedup.length) {
            throw new IllegalArgumentException("parallelism and speedup differ in length");
        }
        double num = 0;
        double den = 0;
        int informative = 0;
        for (int i = 0; i < parallelism.length; i++) {
            double x = 1 / parallelism[i];
            double z = 1 - x;
            num += z * (1 / speedup[i] - x);
            den += z * z;
            if (parallelism[i] > 1) {
                informative++;
            }
        }
        if (informative == 0) {
            return new AmdahlFit(Double.NaN, Double.NaN, parallelism.length);
        }
        double f = num / den;
        double mean = 0;
        for (double s : speedup) {
            mean += 1 / s;
        }
        mean /= speedup.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < parallelism.length; i++) {
            double y = 1 / speedup[i];
            double fitted = f + (1 - f) / parallelism[i];
            ssRes += (y - fitted) * (y - fitted);
            ssTot += (y - mean) * (y - mean);
        }
        double r2 = informative < 2 || ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
        return new AmdahlFit(f, r2, parallelism.length);
    }

    /** Karp-Flatt experimentally determined serial fraction {@code e = (1/S - 1/p) / (1 - 1/p)}; NaN at p = 1. */
    public static double karpFlatt(double parallelism, double speedup) {
        if (parallelism <= 1) {
            return Double.NaN;
        }
        return (1 / speedup - 1 / parallelism) / (1 - 1 / parallelism);
    }

    /** The speedup the fit predicts at {@code p}. */
    public double predict(double p) {
        return 1 / (serialFraction + (1 - serialFraction) / p);
    }
}
