package dev.parbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * A series' {@link ChartSpec.Dot}s on a line chart: small, see-through dots in the series' colour, placed a few pixels
 * right of the point at the same x and spread over a narrow strip there (the golden-ratio sequence: deterministic,
 * no two neighbours at one place), so that they sit beside the point and its interval and never on them. Each dot
 * leaves an {@link Entity} for {@link ChartHover} (in SVG only; a PNG has no hover).
 */
final class DotLayer extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** A dot's radius (pixels). */
    static final double RADIUS = 2.6;
    /** The first dot's centre is this far right of its point (pixels), the strip this wide. */
    private static final double OFFSET = 9;
    private static final double STRIP = 8;
    private static final double GOLDEN = 0.6180339887498949;

    private final int series;
    private final List<ChartSpec.Dot> dots;
    private final Color fill;
    private final Color edge;

    DotLayer(int series, ChartSpec.Series s) {
        this.series = series;
        this.dots = s.dots();
        Color c = s.color();
        this.fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 115);
        this.edge = new Color(c.darker().getRed(), c.darker().getGreen(), c.darker().getBlue(), 170);
    }

    /** A dot's hover target: which series, which dot, and its text. */
    static final class Entity extends ChartEntity {
        private static final long serialVersionUID = 1L;
        private final int series;
        private final int index;

        Entity(java.awt.Shape area, int series, int index, String hover) {
            super(area, hover);
            this.series = series;
            this.index = index;
        }

        int series() {
            return series;
        }

        int index() {
            return index;
        }

        String hover() {
            return getToolTipText();
        }
    }

    @Override
    public void draw(Graphics2D g, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int renderer,
            PlotRenderingInfo info) {
        Map<Double, Integer> atX = new HashMap<>(); // how many dots of this series already sit at each x
        g.setStroke(new BasicStroke(0.7f));
        for (int i = 0; i < dots.size(); i++) {
            ChartSpec.Dot d = dots.get(i);
            double px = xAxis.valueToJava2D(d.x(), area, plot.getDomainAxisEdge());
            double py = yAxis.valueToJava2D(d.y(), area, plot.getRangeAxisEdge());
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue; // e.g. a value of 0 on a log axis
            }
            int k = atX.merge(d.x(), 1, Integer::sum) - 1;
            double cx = px + OFFSET + STRIP * ((k * GOLDEN) % 1.0);
            Ellipse2D dot = new Ellipse2D.Double(cx - RADIUS, py - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setPaint(fill);
            g.fill(dot);
            g.setPaint(edge);
            g.draw(dot);
            if (info != null && info.getOwner() != null && info.getOwner().getEntityCollection() != null) {
                info.getOwner().getEntityCollection().add(new Entity(dot, series, i, d.hover()));
            }
        }
    }

    /** The lowest and highest y of the dots drawable on this axis kind (log: positive only); null when none. */
    static double[] span(List<ChartSpec.Series> series, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSpec.Series s : series) {
            for (ChartSpec.Dot d : s.dots()) {
                if (Double.isFinite(d.y()) && (!log || d.y() > 0)) {
                    lo = Math.min(lo, d.y());
                    hi = Math.max(hi, d.y());
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }
}
