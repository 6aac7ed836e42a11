package dev.parbench.report;

import java.awt.Color;
import java.util.List;

/** What a chart shows, decided by {@link ReportView}; {@link ChartRenderer} only draws it. */
public sealed interface ChartSpec {

    /** File name without extension, e.g. {@code sum-speedup}. */
    String name();

    String title();

    /** A second title line: what and where (machine, size). */
    String subtitle();

    /** One point: x, y and an interval [low, high] on y (NaN for none). */
    record XY(double x, double y, double low, double high) {
    }

    record Series(String name, Color color, boolean dashed, boolean showShapes, List<XY> points) {
    }

    /** A horizontal reference line, e.g. the probe's ceiling. */
    record Marker(double value, String label, Color color) {
    }

    record Line(String name, String title, String subtitle, String xLabel, String yLabel, boolean logX,
            boolean logY, boolean integerX, List<Series> series, List<Marker> markers) implements ChartSpec {
    }

    /** A grid of values: rows x columns, each cell coloured by value and labelled with {@code labels}. */
    record Heatmap(String name, String title, String subtitle, String xLabel, String yLabel, List<String> columns,
            List<String> rows, double[][] values, String[][] labels, String scaleLabel, double neutral)
            implements ChartSpec {
    }

    record Bar(String category, double value, double low, double high, Color color) {
    }

    record Bars(String name, String title, String subtitle, String yLabel, List<Bar> bars, List<Marker> markers)
            implements ChartSpec {
    }
}
