package dev.parbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * What the numbers on an axis are, so that its ticks and hover texts read as people write them: element counts with
 * binary suffixes (1k, 32k, 1M), times with their unit (1 µs, 10 ms, 1 s), plain numbers with decimal suffixes
 * (700, 77k). Formats only; the values come from the view.
 */
public enum AxisUnit {
    /** A plain number: 0.5, 700, 77k, 1.2M (k = 1000). */
    NUMBER(Double.NaN),
    /** A count of elements, usually a power of two: 1k = 1024, 32k, 1M, 32M; other counts as plain numbers. */
    ELEMENTS(Double.NaN),
    /** A time given in nanoseconds, labelled in the unit that suits it (ns, µs, ms, s). */
    NANOSECONDS(1e-9),
    /** A time given in microseconds. */
    MICROSECONDS(1e-6),
    /** A time given in milliseconds. */
    MILLISECONDS(1e-3),
    /** A time given in seconds. */
    SECONDS(1);

    private final double seconds;

    AxisUnit(double seconds) {
        this.seconds = seconds;
    }

    /** True for the time units. */
    public boolean isTime() {
        return !Double.isNaN(seconds);
    }

    /** Powers of two are the natural ticks (element counts); decades and 1-2-5 otherwise. */
    boolean binary() {
        return this == ELEMENTS;
    }

    /** The time unit of a JMH score unit such as {@code us/op} or {@code ms/op}; {@link #NUMBER} for rates. */
    public static AxisUnit ofJmh(String unit) {
        if (unit == null) {
            return NUMBER;
        }
        return switch (unit.trim()) {
            case "ns/op" -> NANOSECONDS;
            case "us/op", "µs/op" -> MICROSECONDS;
            case "ms/op" -> MILLISECONDS;
            case "s/op" -> SECONDS;
            default -> NUMBER;
        };
    }

    /** A short tick label: at most three significant digits, e.g. {@code 1k}, {@code 316 µs}, {@code 0.25}. */
    public String tick(double v) {
        return format(v, 3);
    }

    /** A value for a hover text: four significant digits, e.g. {@code 1.254 ms}, {@code 77012}. */
    public String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (this == NUMBER && Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (this == ELEMENTS && !isPowerOfTwo(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return format(v, 4);
    }

    private String format(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return isTime() ? "0 s" : "0";
        }
        if (isTime()) {
            double s = Math.abs(v * seconds);
            String[] names = {"s", "ms", "µs", "ns"};
            double[] scale = {1, 1e-3, 1e-6, 1e-9};
            for (int i = 0; i < names.length; i++) {
                if (s >= scale[i] * (1 - 1e-9) || i == names.length - 1) {
                    return plain(v * seconds / scale[i], digits) + " " + names[i];
                }
            }
        }
        if (this == ELEMENTS) {
            long n = Math.round(v);
            if (isPowerOfTwo(v)) {
                if (n >= 1L << 30) {
                    return (n >> 30) + "G";
                }
                if (n >= 1L << 20) {
                    return (n >> 20) + "M";
                }
                if (n >= 1L << 10) {
                    return (n >> 10) + "k";
                }
            }
        }
        double a = Math.abs(v);
        String[] suffix = {"", "k", "M", "G", "T"};
        int k = 0;
        while (k < suffix.length - 1 && a >= Math.pow(1000, k + 1) * (1 - 1e-9)) {
            k++;
        }
        return plain(v / Math.pow(1000, k), digits) + suffix[k];
    }

    private static boolean isPowerOfTwo(double v) {
        long n = Math.round(v);
        return n > 0 && Math.abs(v - n) < 1e-6 && Long.bitCount(n) == 1;
    }

    /** {@code v} to {@code digits} significant digits, no exponent, no trailing zeros. */
    static String plain(double v, int digits) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
