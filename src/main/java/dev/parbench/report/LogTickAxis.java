package dev.parbench.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic axis whose ticks are numbers people write: powers of two for element counts (1k, 32k, 1M; at the
 * measured sizes when there are few), decades or 1-2-5 steps otherwise, each labelled by its {@link AxisUnit}
 * (1 µs, 10 ms, 77k) — never {@code 316227.766}.
 */
final class LogTickAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    /** At most this many labelled ticks. */
    static final int MAX_TICKS = 10;

    private final AxisUnit unit;
    private final List<Double> preferred;

    /**
     * @param preferred values to tick at when they suit (the measured sizes of an element axis); may be empty
     */
    LogTickAxis(String label, AxisUnit unit, List<Double> preferred) {
        super(label);
        this.unit = unit;
        this.preferred = List.copyOf(preferred);
        setBase(unit.binary() ? 2 : 10);
        setSmallestValue(1e-12);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<NumberTick> ticks = new ArrayList<>();
        Ticks t = ticks(getLowerBound(), getUpperBound());
        for (double v : t.major()) {
            ticks.add(new NumberTick(TickType.MAJOR, v, unit.tick(v), anchor, TextAnchor.CENTER, 0));
        }
        for (double v : t.minor()) {
            ticks.add(new NumberTick(TickType.MINOR, v, "", anchor, TextAnchor.CENTER, 0));
        }
        return ticks;
    }

    /** Labelled and unlabelled tick values. */
    record Ticks(List<Double> major, List<Double> minor) {
    }

    /** The ticks for the range [lo, hi] (both positive). */
    Ticks ticks(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) {
            return new Ticks(List.of(), List.of());
        }
        return unit.binary() ? binary(lo, hi) : decimal(lo, hi);
    }

    private Ticks binary(double lo, double hi) {
        double eps = 1e-9;
        int e0 = (int) Math.ceil(log2(lo) - eps);
        int e1 = (int) Math.floor(log2(hi) + eps);
        List<Double> inRange = preferred.stream().filter(v -> v >= lo * (1 - eps) && v <= hi * (1 + eps)).distinct()
                .sorted().toList();
        List<Double> major = new ArrayList<>();
        if (!inRange.isEmpty() && inRange.size() <= MAX_TICKS + 2 && inRange.stream().allMatch(v -> isPow2(v))) {
            major.addAll(inRange);
        } else {
            int step = 1;
            for (int s : new int[] {1, 2, 3, 5, 10, 20}) {
                step = s;
                if ((e1 - e0) / s + 1 <= MAX_TICKS) {
                    break;
                }
            }
            for (int e = e0; e <= e1; e++) {
                if (Math.floorMod(e, step) == 0) {
                    major.add(Math.pow(2, e));
                }
            }
        }
        List<Double> minor = new ArrayList<>();
        if (e1 - e0 <= 40) {
            for (int e = e0; e <= e1; e++) {
                double v = Math.pow(2, e);
                if (!major.contains(v)) {
                    minor.add(v);
                }
            }
        }
        return new Ticks(major, minor);
    }

    private static Ticks decimal(double lo, double hi) {
        double eps = 1e-9;
        double decades = Math.log10(hi / lo);
        int d0 = (int) Math.floor(Math.log10(lo));
        int d1 = (int) Math.ceil(Math.log10(hi));
        TreeSet<Double> major = new TreeSet<>();
        TreeSet<Double> minor = new TreeSet<>();
        if (decades < 1.6) {
            // 1-2-5 steps; in a very narrow range also 1.5, 3, 4, 7
            double[][] sets = {{1, 2, 5}, {1, 1.5, 2, 3, 4, 5, 7}, {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9}};
            for (double[] set : sets) {
                major.clear();
                for (int d = d0; d <= d1; d++) {
                    for (double m : set) {
                        double v = m * Math.pow(10, d);
                        if (v >= lo * (1 - eps) && v <= hi * (1 + eps)) {
                            major.add(clean(v));
                        }
                    }
                }
                if (major.size() >= 3) {
                    break;
                }
            }
        } else {
            int step = decades <= MAX_TICKS ? 1 : (int) Math.ceil(decades / MAX_TICKS);
            for (int d = d0; d <= d1; d++) {
                double v = Math.pow(10, d);
                if (Math.floorMod(d, step) == 0 && v >= lo * (1 - eps) && v <= hi * (1 + eps)) {
                    major.add(clean(v));
                }
                if (step == 1) {
                    for (int m = 2; m <= 9; m++) {
                        double w = m * v;
                        if (w >= lo && w <= hi) {
                            minor.add(clean(w));
                        }
                    }
                } else if (v >= lo && v <= hi && Math.floorMod(d, step) != 0) {
                    minor.add(clean(v));
                }
            }
        }
        return new Ticks(new ArrayList<>(major), new ArrayList<>(minor));
    }

    private static double clean(double v) {
        return Double.parseDouble(AxisUnit.plain(v, 6));
    }

    private static boolean isPow2(double v) {
        long n = Math.round(v);
        return n > 0 && Math.abs(v - n) < 1e-6 && Long.bitCount(n) == 1;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
