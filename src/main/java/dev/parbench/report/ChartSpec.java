package dev.parbench.report;

import dev.parbench.analysis.Estimate;
import java.awt.Color;
import java.util.List;

/** What a chart shows, decided by {@link ReportView}; {@link ChartRenderer} only draws it. */
public sealed interface ChartSpec {

    /** File name without extension, e.g. {@code sum-speedup}. */
    String name();

    String title();

    /** A second title line: what and where (machine, size). */
    String subtitle();

    /**
     * One point: x, y and an interval [low, high] on y (NaN for none), and what its hover text says besides.
     *
     * @param forks  how many forks the value comes from (0: unknown, not shown)
     * @param config the configuration in words for the hover text, e.g. {@code "kernel=simd, size 32M"} (null: none)
     * @param row    the leading cell texts of the table row that holds this value, e.g. {@code [executor, 2, 32M]}
     *               (empty: none); the page links the point to that row and the row to the point
     * @param spread what [low, high] is, in words ({@link EstimateWords}); null: the hover says "spread"
     */
    record XY(double x, double y, double low, double high, int forks, String config, List<String> row,
            String spread) {
        public XY {
            row = row == null ? List.of() : List.copyOf(row);
        }

        public XY(double x, double y, double low, double high) {
            this(x, y, low, high, 0, null, List.of(), null);
        }

        /** A point whose [low, high] is an estimate's: the hover names it by {@link EstimateWords#of(Estimate)}. */
        public XY(double x, double y, double low, double high, Estimate e, String config, List<String> row) {
            this(x, y, low, high, e.forks(), config, row, EstimateWords.of(e));
        }
    }

    /**
     * A line of a line chart. {@code dots}: values drawn as small, see-through dots in the series' colour just right of
     * the point at the same x (e.g. each fork beside the interval the forks make), each with its own hover text.
     */
    record Series(String name, Color color, boolean dashed, boolean showShapes, List<XY> points, List<Dot> dots) {
        public Series {
            dots = dots == null ? List.of() : List.copyOf(dots);
        }

        public Series(String name, Color color, boolean dashed, boolean showShapes, List<XY> points) {
            this(name, color, dashed, showShapes, points, List.of());
        }
    }

    /** One small dot beside a series' point at {@code x}: a value that point rests on, and its hover text. */
    record Dot(double x, double y, String hover) {
    }

    /** A horizontal reference line, e.g. the probe's ceiling. */
    record Marker(double value, String label, Color color) {
    }

    /** A shaded horizontal band from {@code low} to {@code high}, e.g. the values that count as typical. */
    record Band(double low, double high, String label, Color color) {
    }

    /**
     * A line chart.
     *
     * @param xUnit what the x values are (ticks and hover text); log axes tick by it
     * @param yUnit what the y values are
     * @param bands shaded horizontal bands; a chart with bands fits its value axis to the data and the bands instead
     *              of starting it at zero
     */
    record Line(String name, String title, String subtitle, String xLabel, String yLabel, boolean logX,
            boolean logY, boolean integerX, List<Series> series, List<Marker> markers, AxisUnit xUnit,
            AxisUnit yUnit, List<Band> bands) implements ChartSpec {
        public Line {
            xUnit = xUnit == null ? AxisUnit.NUMBER : xUnit;
            yUnit = yUnit == null ? AxisUnit.NUMBER : yUnit;
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        public Line(String name, String title, String subtitle, String xLabel, String yLabel, boolean logX,
                boolean logY, boolean integerX, List<Series> series, List<Marker> markers, AxisUnit xUnit,
                AxisUnit yUnit) {
            this(name, title, subtitle, xLabel, yLabel, logX, logY, integerX, series, markers, xUnit, yUnit,
                    List.of());
        }

        /**
         * Without units: a log x axis counts elements, and y is a time in µs when its label says so (the time chart
         * of a parbench run); everything else is a plain number.
         */
        public Line(String name, String title, String subtitle, String xLabel, String yLabel, boolean logX,
                boolean logY, boolean integerX, List<Series> series, List<Marker> markers) {
            this(name, title, subtitle, xLabel, yLabel, logX, logY, integerX, series, markers,
                    logX ? AxisUnit.ELEMENTS : AxisUnit.NUMBER,
                    yLabel != null && yLabel.contains("(µs") ? AxisUnit.MICROSECONDS : AxisUnit.NUMBER);
        }
    }

    /** A grid of values: rows x columns, each cell coloured by value and labelled with {@code labels}. */
    record Heatmap(String name, String title, String subtitle, String xLabel, String yLabel, List<String> columns,
            List<String> rows, double[][] values, String[][] labels, String scaleLabel, double neutral)
            implements ChartSpec {
    }

    /** A kind of interval in a Gantt chart: its name (legend), the short text printed on wide bars, its colour. */
    record Phase(String name, String shortName, Color color) {
    }

    /** One interval of a Gantt lane, {@code [start, end)} on the time axis, of phase {@code phase}. */
    record Segment(int lane, int phase, double start, double end, String hover) {
    }

    /**
     * A Gantt chart: one lane per task (top to bottom), each a row of coloured intervals on a linear time axis.
     *
     * @param xLabel the time axis' label (its unit in brackets)
     */
    record Gantt(String name, String title, String subtitle, String xLabel, List<String> lanes, List<Phase> phases,
            List<Segment> segments) implements ChartSpec {
        public Gantt {
            lanes = List.copyOf(lanes);
            phases = List.copyOf(phases);
            segments = List.copyOf(segments);
        }
    }

    /**
     * One bar: its value with an interval, and what its hover text says besides ({@link XY} explains the last three).
     */
    record Bar(String category, double value, double low, double high, Color color, int forks, String config,
            List<String> row, String spread) {
        public Bar {
            category = ChartLimits.label(category);
            row = row == null ? List.of() : List.copyOf(row);
        }

        public Bar(String category, double value, double low, double high, Color color) {
            this(category, value, low, high, color, 0, null, List.of(), null);
        }

        /** A bar whose [low, high] is an estimate's: the hover names it by {@link EstimateWords#of(Estimate)}. */
        public Bar(String category, Estimate e, Color color, String config, List<String> row) {
            this(category, e.point(), e.low(), e.high(), color, e.forks(), config, row, EstimateWords.of(e));
        }
    }

    /**
     * Bars, one per category, drawn horizontally so that any label fits (long ones wrap, the chart grows). At most
     * {@link ChartLimits#MAX_BARS} bars are kept, and the subtitle then says how many of how many.
     *
     * @param logValue a logarithmic value axis (values spanning more than two decades)
     * @param unit     what the values are
     */
    record Bars(String name, String title, String subtitle, String yLabel, List<Bar> bars, List<Marker> markers,
            boolean logValue, AxisUnit unit, boolean forest, List<Double> limits) implements ChartSpec {
        public Bars {
            unit = unit == null ? AxisUnit.NUMBER : unit;
            limits = limits == null ? List.of() : List.copyOf(limits);
            if (!limits.isEmpty() && limits.size() != bars.size()) {
                throw new IllegalArgumentException("one limit per bar, or none");
            }
            if (bars.size() > ChartLimits.MAX_BARS) { // the chart grows with its bars: draw the first ones, say so
                String cap = ChartLimits.shown(ChartLimits.MAX_BARS, bars.size(), "bars");
                subtitle = subtitle == null || subtitle.isEmpty() ? cap : subtitle + " | " + cap;
                bars = List.copyOf(bars.subList(0, ChartLimits.MAX_BARS));
                limits = limits.isEmpty() ? limits : limits.subList(0, ChartLimits.MAX_BARS);
            }
        }

        public Bars(String name, String title, String subtitle, String yLabel, List<Bar> bars, List<Marker> markers,
                boolean logValue, AxisUnit unit) {
            this(name, title, subtitle, yLabel, bars, markers, logValue, unit, false, List.of());
        }

        /**
         * A forest plot: per row its estimate as a dot with the interval as whiskers, and that row's own limit (e.g.
         * the gate threshold of that benchmark) as a red tick in that row; the value axis spans the data, not 0.
         */
        public static Bars forest(String name, String title, String subtitle, String xLabel, List<Bar> rows,
                List<Double> limits, List<Marker> markers) {
            return new Bars(name, title, subtitle, xLabel, rows, markers, false, AxisUnit.NUMBER, true, limits);
        }

        public Bars(String name, String title, String subtitle, String yLabel, List<Bar> bars, List<Marker> markers) {
            this(name, title, subtitle, yLabel, bars, markers, false, AxisUnit.NUMBER);
        }
    }
}
