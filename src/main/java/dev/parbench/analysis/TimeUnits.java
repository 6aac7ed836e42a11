package dev.parbench.analysis;

/** JMH score units to nanoseconds per operation: {@code us/op} is a time, {@code ops/s} a throughput (inverted). */
public final class TimeUnits {
    private TimeUnits() {
    }

    /** Nanoseconds in one of JMH's time unit abbreviations, or NaN if it is not one. */
    static double nanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s", "sec" -> 1e9;
            case "min" -> 60e9;
            case "hr", "h" -> 3600e9;
            case "day", "d" -> 86400e9;
            default -> Double.NaN;
        };
    }

    /** True for {@code X/op} units (smaller is better). */
    public static boolean isTimePerOp(String unit) {
        return unit.endsWith("/op") && !Double.isNaN(nanos(unit.substring(0, unit.length() - 3)));
    }

    /** True for {@code ops/X} units (bigger is better). */
    public static boolean isThroughput(String unit) {
        return unit.startsWith("ops/") && !Double.isNaN(nanos(unit.substring(4)));
    }

    /**
     * The one test of whether bigger is better for a JMH score: a throughput mode or an {@code ops/X} unit. Both the
     * analysis and the gate ask here.
     */
    public static boolean higherIsBetter(String mode, String unit) {
        return "thrpt".equals(mode) || isThroughput(unit);
    }

    /** Converts one score to ns/op; throws if the unit is neither a time per op nor a throughput. */
    public static double toNanosPerOp(double value, String unit) {
        if (isTimePerOp(unit)) {
            return value * nanos(unit.substring(0, unit.length() - 3));
        }
        if (isThroughput(unit)) {
            return nanos(unit.substring(4)) / value;
        }
        throw new IllegalArgumentException("unit '" + unit + "' is not a time per operation or a throughput");
    }

    /** A readable time: 812 ns, 3.41 µs, 12.7 ms, 1.92 s. */
    public static String format(double nanos) {
        double a = Math.abs(nanos);
        if (Double.isNaN(nanos)) {
            return "n/a";
        } else if (a < 1e3) {
            return String.format(java.util.Locale.ROOT, "%.3g ns", nanos);
        } else if (a < 1e6) {
            return String.format(java.util.Locale.ROOT, "%.3g µs", nanos / 1e3);
        } else if (a < 1e9) {
            return String.format(java.util.Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
