package dev.parbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link ChartSpec.Line}: each series' points with their intervals as error bars, joined by its line, its
 * dots beside them ({@link DotLayer}), reference lines and shaded bands. The value axis always shows every dot and
 * band. No data decisions happen here.
 */
final class LineChart {
    private LineChart() {
    }

    static JFreeChart draw(ChartSpec.Line spec) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.2f));
        r.setDefaultLinesVisible(true);
        int i = 0;
        for (ChartSpec.Series s : spec.series()) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            for (ChartSpec.XY p : s.points()) {
                double lo = Double.isFinite(p.low()) ? p.low() : p.y();
                double hi = Double.isFinite(p.high()) ? p.high() : p.y();
                ys.add(p.x(), p.y(), lo, hi);
            }
            data.addSeries(ys);
            int style = Palette.style(s.color(), i + 1);
            r.setSeriesPaint(i, s.color());
            r.setSeriesShapesVisible(i, s.showShapes());
            r.setSeriesShape(i, Palette.shape(style));
            r.setSeriesStroke(i, Palette.stroke(style, s.dashed() && !s.showShapes()));
            if (s.dashed() && s.showShapes()) { // a second baseline in a strategy's colour: hollow markers
                r.setSeriesShapesFilled(i, false);
                r.setSeriesStroke(i, Palette.stroke(style + 1, false));
            }
            i++;
        }
        List<Double> xs = spec.series().stream().flatMap(s -> s.points().stream()).map(ChartSpec.XY::x).distinct()
                .toList();
        ValueAxis x = spec.logX() ? new LogTickAxis(spec.xLabel(), spec.xUnit(), xs)
                : ChartRenderer.linear(spec.xLabel(), spec.integerX(), spec.xUnit());
        ValueAxis y = spec.logY() ? new LogTickAxis(spec.yLabel(), spec.yUnit(), List.of())
                : ChartRenderer.linear(spec.yLabel(), false, spec.yUnit());
        x.setLabelFont(ChartRenderer.LABEL);
        y.setLabelFont(ChartRenderer.LABEL);
        if (!spec.bands().isEmpty() && y instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false); // a band says where the values should be: fit the axis to them
        }
        widenIfFlat(x, spec.series(), true);
        widenIfFlat(y, spec.series(), false);
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartRenderer.style(plot);
        for (int s = 0; s < spec.series().size(); s++) {
            if (!spec.series().get(s).dots().isEmpty()) {
                plot.addAnnotation(new DotLayer(s, spec.series().get(s)));
            }
        }
        for (ChartSpec.Band b : spec.bands()) {
            IntervalMarker band = new IntervalMarker(b.low(), b.high(), b.color());
            band.setLabel(b.label());
            band.setLabelFont(ChartRenderer.SUBTITLE);
            band.setLabelPaint(Color.DARK_GRAY);
            band.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(band, Layer.BACKGROUND);
        }
        showAll(y, spec);
        distinctTicks(y);
        int k = 0;
        for (ChartSpec.Marker m : spec.markers()) { // labels alternate left and right: close lines do not collide
            plot.addRangeMarker(ChartRenderer.marker(m, false, k++ % 2));
        }
        return new JFreeChart(null, ChartRenderer.TITLE, plot, true);
    }

    /**
     * Widens the value axis (already ranged to the points and intervals) so that every dot and band is inside it,
     * with a margin: a fork far from its configuration's interval is still drawn.
     */
    private static void showAll(ValueAxis y, ChartSpec.Line spec) {
        boolean log = y instanceof LogAxis;
        double[] dots = DotLayer.span(spec.series(), log);
        double lo = dots == null ? Double.POSITIVE_INFINITY : dots[0];
        double hi = dots == null ? Double.NEGATIVE_INFINITY : dots[1];
        for (ChartSpec.Band b : spec.bands()) {
            lo = Math.min(lo, b.low());
            hi = Math.max(hi, b.high());
        }
        if (lo > hi || lo >= y.getLowerBound() && hi <= y.getUpperBound()) {
            return;
        }
        double low = y.getLowerBound();
        double high = y.getUpperBound();
        if (log) { // only the side that grows gets a margin
            y.setRange(lo < low ? lo / 1.15 : low, hi > high ? hi * 1.15 : high);
        } else {
            double pad = (Math.max(hi, high) - Math.min(lo, low)) * 0.05;
            y.setRange(lo < low ? lo - pad : low, hi > high ? hi + pad : high);
        }
    }

    /**
     * Tick steps no finer than tick labels (three significant digits, {@link AxisUnit#tick}) can tell apart: on an
     * axis from 0.95 to 1.06 a step of 0.005 would print 1.01 twice. Coarser steps are chosen as before.
     */
    private static void distinctTicks(ValueAxis axis) {
        if (!(axis instanceof NumberAxis n) || !(n.getStandardTickUnits() instanceof NumberTickUnitSource)) {
            return;
        }
        double largest = Math.max(Math.abs(n.getLowerBound()), Math.abs(n.getUpperBound()));
        if (largest > 0 && Double.isFinite(largest)) {
            n.setStandardTickUnits(new NoFinerThan(Math.pow(10, Math.floor(Math.log10(largest)) - 2)));
        }
    }

    /** JFreeChart's 1-2-5 tick steps, none finer than {@code finest}. */
    private static final class NoFinerThan extends NumberTickUnitSource {
        private static final long serialVersionUID = 1L;
        private final double finest;

        NoFinerThan(double finest) {
            this.finest = finest;
        }

        @Override
        public TickUnit getCeilingTickUnit(double size) {
            return super.getCeilingTickUnit(Math.max(size, finest));
        }

        @Override
        public TickUnit getCeilingTickUnit(TickUnit unit) {
            return getCeilingTickUnit(unit.getSize());
        }
    }

    /** A log axis cannot show a single value (zero-length range): give it one octave either side. */
    private static void widenIfFlat(ValueAxis axis, List<ChartSpec.Series> series, boolean isX) {
        if (!(axis instanceof LogAxis)) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSpec.Series s : series) {
            for (ChartSpec.XY p : s.points()) {
                double lo = isX ? p.x() : Double.isFinite(p.low()) ? Math.min(p.low(), p.y()) : p.y();
                double hi = isX ? p.x() : Double.isFinite(p.high()) ? Math.max(p.high(), p.y()) : p.y();
                if (lo > 0) {
                    min = Math.min(min, lo);
                }
                max = Math.max(max, hi);
            }
        }
        if (min > 0 && Double.isFinite(min) && max <= min * 1.0001) {
            axis.setAutoRange(false);
            axis.setRange(min / 2, min * 2);
        }
    }
}
