package dev.parbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Draws a {@link ChartSpec} with JFreeChart, to PNG or to an SVG element. No data decisions happen here. */
public final class ChartRenderer {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 540;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ChartRenderer() {
    }

    public static JFreeChart chart(ChartSpec spec) {
        JFreeChart chart = switch (spec) {
            case ChartSpec.Line l -> line(l);
            case ChartSpec.Heatmap h -> heatmap(h);
            case ChartSpec.Bars b -> bars(b);
        };
        chart.setTitle(new TextTitle(spec.title(), TITLE));
        if (spec.subtitle() != null && !spec.subtitle().isEmpty()) {
            TextTitle sub = new TextTitle(spec.subtitle(), SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, sub);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    public static void writePng(ChartSpec spec, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(spec), WIDTH, HEIGHT);
    }

    /** The chart as one {@code <svg>} element; {@code id} keeps ids unique when several are inlined in one page. */
    public static String svg(ChartSpec spec, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart(spec).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id);
    }

    private static JFreeChart line(ChartSpec.Line spec) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
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
            r.setSeriesPaint(i, s.color());
            r.setSeriesShapesVisible(i, s.showShapes());
            r.setSeriesStroke(i, s.dashed()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.2f));
            i++;
        }
        ValueAxis x = spec.logX() ? log(spec.xLabel(), 2, true) : linear(spec.xLabel(), spec.integerX());
        ValueAxis y = spec.logY() ? log(spec.yLabel(), 10, false) : linear(spec.yLabel(), false);
        widenIfFlat(x, spec.series(), true);
        widenIfFlat(y, spec.series(), false);
        XYPlot plot = new XYPlot(data, x, y, r);
        style(plot);
        for (ChartSpec.Marker m : spec.markers()) {
            plot.addRangeMarker(marker(m));
        }
        return new JFreeChart(null, TITLE, plot, true);
    }

    private static JFreeChart heatmap(ChartSpec.Heatmap spec) {
        int rows = spec.rows().size();
        int cols = spec.columns().size();
        double[] xs = new double[rows * cols];
        double[] ys = new double[rows * cols];
        double[] zs = new double[rows * cols];
        double max = spec.neutral();
        double min = spec.neutral();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                xs[k] = c;
                ys[k] = r;
                zs[k] = spec.values()[r][c];
                if (Double.isFinite(zs[k])) {
                    max = Math.max(max, zs[k]);
                    min = Math.min(min, zs[k]);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(spec.scaleLabel(), new double[][] {xs, ys, zs});
        XYBlockRenderer r = new XYBlockRenderer();
        DivergingScale scale = new DivergingScale(min, spec.neutral(), max);
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(spec.xLabel(), spec.columns().toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(spec.yLabel(), spec.rows().toArray(String[]::new));
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setLabelFont(LABEL);
        }
        x.setRange(-0.5, cols - 0.5);
        y.setRange(-0.5, rows - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < cols; c++) {
                String label = spec.labels()[row][c];
                if (label != null && !label.isEmpty()) {
                    XYTextAnnotation a = new XYTextAnnotation(label, c, row);
                    a.setFont(CELL);
                    a.setTextAnchor(TextAnchor.CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        NumberAxis scaleAxis = new NumberAxis(spec.scaleLabel());
        scaleAxis.setRange(min, max > min ? max : min + 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 6, 10, 6));
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        return chart;
    }

    private static JFreeChart bars(ChartSpec.Bars spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChartSpec.Bar b : spec.bars()) {
            data.addValue(b.value(), "value", b.category());
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return spec.bars().get(column).color();
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(LABEL);
        NumberAxis y = new NumberAxis(spec.yLabel());
        y.setLabelFont(LABEL);
        y.setNumberFormatOverride(rootFormat("0.#"));
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        for (ChartSpec.Bar b : spec.bars()) {
            if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                plot.addAnnotation(new CategoryLineAnnotation(b.category(), b.low(), b.category(), b.high(),
                        Color.BLACK, new BasicStroke(2f)));
            }
        }
        double top = spec.bars().stream().mapToDouble(b -> Double.isFinite(b.high()) ? b.high() : b.value()).max()
                .orElse(1);
        for (ChartSpec.Marker m : spec.markers()) {
            plot.addRangeMarker(marker(m));
            top = Math.max(top, m.value());
        }
        y.setRange(0, top * 1.12);
        return new JFreeChart(null, TITLE, plot, false);
    }

    /** A log axis cannot show a single value (zero-length range): give it one octave either side. */
    private static void widenIfFlat(ValueAxis axis, java.util.List<ChartSpec.Series> series, boolean isX) {
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

    private static ValueMarker marker(ChartSpec.Marker m) {
        ValueMarker vm = new ValueMarker(m.value(), m.color(),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        vm.setLabel(m.label());
        vm.setLabelFont(SUBTITLE);
        vm.setLabelPaint(m.color().darker());
        vm.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        vm.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return vm;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
    }

    private static NumberAxis linear(String label, boolean integer) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setAutoRangeIncludesZero(!integer);
        if (integer) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        }
        a.setNumberFormatOverride(rootFormat(integer ? "0" : "0.##"));
        return a;
    }

    private static LogAxis log(String label, double base, boolean sizes) {
        LogAxis a = new LogAxis(label);
        a.setLabelFont(LABEL);
        a.setBase(base);
        a.setSmallestValue(1e-9);
        a.setNumberFormatOverride(sizes ? new SizeFormat() : rootFormat("0.###"));
        a.setTickUnit(new NumberTickUnit(sizes ? 5 : 1), false, false);
        a.setMinorTickMarksVisible(true);
        return a;
    }

    static DecimalFormat rootFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Tick labels for element counts: 1, 32, 1k, 32k, 1M, 32M. */
    static final class SizeFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(ReportView.size(Math.round(number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(ReportView.size(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException();
        }
    }

    /** Blue below the neutral value (slower than sequential), white at it, green above (faster). */
    static final class DivergingScale implements PaintScale {
        private final double low;
        private final double neutral;
        private final double high;

        DivergingScale(double low, double neutral, double high) {
            this.low = low;
            this.neutral = neutral;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high > low ? high : low + 1;
        }

        @Override
        public Paint getPaint(double v) {
            if (!Double.isFinite(v)) {
                return new Color(0xEE, 0xEE, 0xEE);
            }
            if (v >= neutral) {
                double t = high > neutral ? Math.min(1, (v - neutral) / (high - neutral)) : 0;
                return mix(Color.WHITE, new Color(0x1A, 0x98, 0x50), t);
            }
            double t = neutral > low ? Math.min(1, (neutral - v) / (neutral - low)) : 0;
            return mix(Color.WHITE, new Color(0x4D, 0x7F, 0xC9), t);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
