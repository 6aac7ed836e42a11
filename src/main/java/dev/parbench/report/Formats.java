package dev.parbench.report;

import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import java.util.Locale;

/** How numbers read in the report, whatever the locale: sizes with k/M/G, fixed decimals, intervals in brackets. */
final class Formats {
    private Formats() {
    }

    /** 1, 1000, 1k, 32k, 1M, 32M: powers of two get k/M/G suffixes. */
    static String size(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return n / (1L << 30) + "G";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return n / (1L << 20) + "M";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return n / (1L << 10) + "k";
        }
        return Long.toString(n);
    }

    /** Bytes in binary units, three significant digits: 512 B, 8.00 MiB, 256 MiB; n/a if not finite. */
    static String bytes(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double x = v;
        int u = 0;
        while (Math.abs(x) >= 1024 && u < units.length - 1) {
            x /= 1024;
            u++;
        }
        double a = Math.abs(x);
        String n = u == 0 ? sig(x) : String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", x);
        return n + " " + units[u];
    }

    static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    /** GB/s with one decimal, or n/a. */
    static String gb(Estimate e) {
        return e == null ? "n/a" : fmt(e.point(), 1);
    }

    /** {@code [low, high]} for a 95% interval, {@code (range low to high)} for the range of too few forks. */
    static String bracket(Estimate e, int decimals) {
        return span(e, v -> fmt(v, decimals));
    }

    static String bracketTime(Estimate e) {
        return span(e, TimeUnits::format);
    }

    /** As {@link #bracket} with any number format. */
    static String span(Estimate e, java.util.function.DoubleFunction<String> f) {
        if (!Double.isFinite(e.low())) {
            return "";
        }
        return e.interval() ? "[" + f.apply(e.low()) + ", " + f.apply(e.high()) + "]"
                : "(range " + f.apply(e.low()) + " to " + f.apply(e.high()) + ")";
    }

    /** A count per operation: a whole number when it is one (to a part in a million), else {@link #sig}. */
    static String count(double v) {
        double r = Math.rint(v);
        return sig(Double.isFinite(v) && Math.abs(v - r) <= 1e-6 * Math.max(1, Math.abs(v)) ? r : v);
    }

    /** Three significant digits, as a plain number (12.3, 4560, 0.0123). */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000 || (v == Math.rint(v) && a < 1e15)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static ChartSpec.XY xy(double x, double y) {
        return new ChartSpec.XY(x, y, Double.NaN, Double.NaN);
    }
}
