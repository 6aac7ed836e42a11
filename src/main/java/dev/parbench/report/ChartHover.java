package dev.parbench.report;

import dev.parbench.report.text.Xml;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.XYItemEntity;

/**
 * What a chart's values say on hover: the transparent targets {@link ChartRenderer#svg} lays over a drawn chart, each
 * with an SVG {@code <title>} (value, interval, forks, configuration; a fork's dot says which fork and its value).
 * Every text goes through {@link Xml#text} and every row key through {@link Xml#attr}. A target whose value names a
 * table row is an {@code <a class="pb-pt" data-row="...">} that {@link HtmlPage} links to that row.
 */
final class ChartHover {
    private ChartHover() {
    }

    /**
     * The hover targets of a drawn chart, one SVG group: for every point, bar, cell, segment and dot (in the order
     * JFreeChart drew them, so a dot's target lies over its point's), a transparent shape with a {@code <title>}.
     */
    static String targets(ChartSpec spec, ChartRenderingInfo info, String id) {
        StringBuilder s = new StringBuilder("<g class=\"pb-hover\">");
        Map<Comparable<?>, Integer> barIndex = new HashMap<>();
        if (spec instanceof ChartSpec.Bars b) {
            for (int i = 0; i < b.bars().size(); i++) {
                barIndex.putIfAbsent(b.bars().get(i).category(), i);
            }
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && spec instanceof ChartSpec.Line l) {
                ChartSpec.Series series = l.series().get(e.getSeriesIndex());
                ChartSpec.XY p = series.points().get(e.getItem());
                target(s, id + "-p" + e.getSeriesIndex() + "-" + e.getItem(), e.getArea().getBounds2D(), Kind.POINT,
                        hover(l, series, p), p.row());
            } else if (o instanceof DotLayer.Entity e) {
                target(s, id + "-d" + e.series() + "-" + e.index(), e.getArea().getBounds2D(), Kind.DOT, e.hover(),
                        List.of());
            } else if (o instanceof XYItemEntity e && spec instanceof ChartSpec.Heatmap h) {
                int cols = h.columns().size();
                int r = e.getItem() / cols;
                int c = e.getItem() % cols;
                double v = h.values()[r][c];
                if (Double.isFinite(v)) {
                    String label = h.labels()[r][c];
                    target(s, id + "-c" + r + "-" + c, e.getArea().getBounds2D(), Kind.AREA, h.rows().get(r) + ", "
                            + h.columns().get(c) + "\n" + h.scaleLabel() + ": " + (label == null || label.isEmpty()
                            ? AxisUnit.NUMBER.value(v) : label), List.of());
                }
            } else if (o instanceof XYItemEntity e && spec instanceof ChartSpec.Gantt g) {
                List<ChartSpec.Segment> of = ChartRenderer.ganttSeries(g).get(e.getSeriesIndex());
                if (e.getItem() < of.size()) {
                    target(s, id + "-s" + e.getSeriesIndex() + "-" + e.getItem(), e.getArea().getBounds2D(), Kind.AREA,
                            of.get(e.getItem()).hover(), List.of());
                }
            } else if (o instanceof CategoryItemEntity e && spec instanceof ChartSpec.Bars b
                    && "value".equals(e.getRowKey())) {
                Integer i = barIndex.get(e.getColumnKey());
                if (i != null) {
                    ChartSpec.Bar bar = b.bars().get(i);
                    target(s, id + "-b" + i, e.getArea().getBounds2D(), Kind.AREA, hover(b, bar), bar.row());
                }
            }
        }
        return s.append("</g>").toString();
    }

    /** The shape of a target: round around a point (at least 7 px), round on a dot (only the dot), or the area. */
    private enum Kind {
        POINT, DOT, AREA
    }

    private static void target(StringBuilder s, String id, Rectangle2D r, Kind kind, String text, List<String> row) {
        boolean link = !row.isEmpty();
        s.append(link ? "<a class=\"pb-pt\" id=\"" : "<g class=\"pb-pt\" id=\"").append(id).append('"');
        if (link) {
            s.append(" data-row=\"").append(Xml.attr(HtmlPage.rowKey(row))).append('"');
        }
        s.append('>');
        boolean round = kind != Kind.AREA;
        if (round) { // a dot's target keeps to the dot, so that the dots beside it keep theirs
            double half = Math.max(r.getWidth(), r.getHeight()) / 2;
            double radius = kind == Kind.DOT ? half + 1.4 : Math.max(7, half + 2);
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", r.getCenterX(),
                    r.getCenterY(), radius));
        } else {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", r.getX(),
                    r.getY(), Math.max(2, r.getWidth()), Math.max(2, r.getHeight())));
        }
        s.append(" fill=\"#000\" fill-opacity=\"0\"><title>").append(Xml.text(text)).append("</title>")
                .append(round ? "</circle>" : "</rect>").append(link ? "</a>" : "</g>");
    }

    /** The hover text of a point: series, x, y with its interval, forks, configuration. */
    static String hover(ChartSpec.Line l, ChartSpec.Series series, ChartSpec.XY p) {
        StringBuilder t = new StringBuilder(series.name());
        t.append('\n').append(shortLabel(l.xLabel())).append(": ").append(l.xUnit().value(p.x()));
        t.append('\n').append(shortLabel(l.yLabel())).append(": ").append(l.yUnit().value(p.y()));
        appendDetails(t, l.yUnit(), p.low(), p.high(), p.spread(), p.forks(), p.config());
        return t.toString();
    }

    /** The hover text of a bar: category, value with its interval, forks, configuration. */
    static String hover(ChartSpec.Bars b, ChartSpec.Bar bar) {
        StringBuilder t = new StringBuilder(bar.category());
        t.append('\n').append(shortLabel(b.yLabel())).append(": ").append(b.unit().value(bar.value()));
        appendDetails(t, b.unit(), bar.low(), bar.high(), bar.spread(), bar.forks(), bar.config());
        return t.toString();
    }

    /** Interval (named by its kind, {@link EstimateWords}), forks and configuration below a hover's value. */
    private static void appendDetails(StringBuilder t, AxisUnit unit, double low, double high, String spread,
            int forks, String config) {
        if (Double.isFinite(low) && Double.isFinite(high)) {
            t.append('\n').append(spread == null ? "spread" : spread).append(": [").append(unit.value(low))
                    .append(", ").append(unit.value(high)).append(']');
        }
        if (forks > 0) {
            t.append('\n').append(forks).append(forks == 1 ? " fork" : " forks");
        }
        if (config != null && !config.isBlank()) {
            t.append('\n').append(config);
        }
    }

    /** "time per operation (µs, log10)" -> "time per operation": the unit is in the value. */
    private static String shortLabel(String label) {
        if (label == null) {
            return "value";
        }
        int paren = label.indexOf(" (");
        return paren > 0 ? label.substring(0, paren) : label;
    }
}
