package dev.parbench.analysis;

import java.util.Locale;

/** A point estimate with a confidence interval [low, high] and the number of forks it rests on. */
public record Estimate(double point, double low, double high, int forks) {

    public boolean above(double x) {
        return low > x;
    }

    public boolean below(double x) {
        return high < x;
    }

    /** {@code 1.55 [1.49, 1.61]}, always with a decimal point whatever the locale. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", point, low, high);
    }

    /** The estimate multiplied by a positive constant. */
    public Estimate times(double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + k);
        }
        return new Estimate(point * k, low * k, high * k, forks);
    }

    /** Maps point and bounds through a decreasing function (e.g. time -> rate): the bounds swap. */
    public Estimate inverse(java.util.function.DoubleUnaryOperator decreasing) {
        return new Estimate(decreasing.applyAsDouble(point), decreasing.applyAsDouble(high),
                decreasing.applyAsDouble(low), forks);
    }
}
