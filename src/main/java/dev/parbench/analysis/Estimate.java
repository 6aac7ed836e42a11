package dev.parbench.analysis;

import java.util.Locale;

/**
 * A point estimate with [low, high], the number of forks it rests on, and what [low, high] is: a 95% confidence
 * {@link Kind#INTERVAL} (enough forks, {@link ForkIntervals#MIN_FORKS}) or only the {@link Kind#RANGE} the forks
 * spanned. A range supports no claim: {@link #above} and {@link #below} are false for it.
 */
public record Estimate(double point, double low, double high, int forks, Kind kind) {

    /** What [low, high] means. */
    public enum Kind {
        /** A 95% confidence interval (Student t over fork medians; see docs/METHOD.md). */
        INTERVAL,
        /** The span of too few forks (or a best-fork figure's spread): a description, not an interval. */
        RANGE
    }

    /** An estimate whose kind follows from its fork count: an interval from {@link ForkIntervals#MIN_FORKS} on. */
    public Estimate(double point, double low, double high, int forks) {
        this(point, low, high, forks, forks >= ForkIntervals.MIN_FORKS ? Kind.INTERVAL : Kind.RANGE);
    }

    /** True when [low, high] is a confidence interval (claims may rest on it). */
    public boolean interval() {
        return kind == Kind.INTERVAL;
    }

    /** The whole interval lies above {@code x}; always false for a range. */
    public boolean above(double x) {
        return interval() && low > x;
    }

    /** The whole interval lies below {@code x}; always false for a range. */
    public boolean below(double x) {
        return interval() && high < x;
    }

    /** {@code 1.55 [1.49, 1.61]} for an interval, {@code 1.55 (range 1.49 to 1.61)} for a range, whatever the locale. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + (interval() ? " [" + f + ", " + f + "]" : " (range " + f + " to " + f
                + ")"), point, low, high);
    }

    /** The estimate multiplied by a positive constant. */
    public Estimate times(double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + k);
        }
        return new Estimate(point * k, low * k, high * k, forks, kind);
    }

    /** Maps point and bounds through a decreasing function (e.g. time -> rate): the bounds swap. */
    public Estimate inverse(java.util.function.DoubleUnaryOperator decreasing) {
        return new Estimate(decreasing.applyAsDouble(point), decreasing.applyAsDouble(high),
                decreasing.applyAsDouble(low), forks, kind);
    }
}
