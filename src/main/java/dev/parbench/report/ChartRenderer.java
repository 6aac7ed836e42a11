package dev.parbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;
import dev.parbench.report.text.Xml;

/**
 * Draws a {@link ChartSpec} with JFreeChart, to PNG or to an SVG element. No data decisions happen here. Bar charts
 * are horizontal and grow with their categories, so that a label is never cut; log axes tick at numbers people
 * write ({@link LogTickAxis}); in SVG every point, bar and cell carries a hover text (an SVG {@code <title>},
 * {@link ChartHover}). Line charts are drawn by {@link LineChart}.
 */
public final class ChartRenderer {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 540;
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Category labels of bar charts. */
    static final Font CATEGORY = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** A bar label wraps beyond this width (pixels). */
    static final int MAX_LABEL_WIDTH = (int) (WIDTH * 0.42);
    /** Title, subtitle, value axis and margins of a bar chart (pixels). */
    private static final int BARS_OVERHEAD = 130;

    private ChartRenderer() {
    }

    public static JFreeChart chart(ChartSpec spec) {
        JFreeChart chart = switch (spec) {
            case ChartSpec.Line l -> LineChart.draw(l);
            case ChartSpec.Heatmap h -> heatmap(h);
            case ChartSpec.Bars b -> bars(b);
            case ChartSpec.Gantt g -> gantt(g);
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

    /** The size a chart is drawn at: {@link #WIDTH} x {@link #HEIGHT}, taller for bar charts with many labels. */
    public static Dimension size(ChartSpec spec) {
        if (spec instanceof ChartSpec.Bars b) {
            int n = Math.max(1, b.bars().size());
            double plot = n * rowHeight(b) + 2 * END_SPACE + markerBand(b);
            return new Dimension(WIDTH, Math.max(HEIGHT, BARS_OVERHEAD + (int) Math.ceil(plot)));
        }
        if (spec instanceof ChartSpec.Gantt g) {
            return new Dimension(WIDTH, Math.max(360, GANTT_OVERHEAD + GANTT_LANE * Math.max(1, g.lanes().size())));
        }
        return new Dimension(WIDTH, HEIGHT);
    }

    /** Space between two bars' centres: the tallest label plus a gap. */
    private static int rowHeight(ChartSpec.Bars b) {
        int lines = 1;
        for (ChartSpec.Bar bar : b.bars()) {
            lines = Math.max(lines, wrap(bar.category(), CATEGORY, MAX_LABEL_WIDTH).size());
        }
        return Math.max(22, lines * lineHeight(CATEGORY) + 8);
    }

    /** Free space above the first bar for the reference lines' labels, one line each (pixels). */
    private static int markerBand(ChartSpec.Bars b) {
        return b.markers().isEmpty() ? 0 : 8 + MARKER_LINE * b.markers().size();
    }

    private static final int MARKER_LINE = 17;
    /** Space before the first and after the last bar (pixels). */
    private static final int END_SPACE = 8;

    public static void writePng(ChartSpec spec, Path file) throws IOException {
        Dimension d = size(spec);
        ChartUtils.saveChartAsPNG(file.toFile(), chart(spec), d.width, d.height);
    }

    /**
     * The chart as one {@code <svg>} element; {@code id} keeps ids unique when several are inlined in one page. Every
     * point, bar, heatmap cell and fork dot gets a transparent hover target with a {@code <title>} ({@link ChartHover}).
     */
    public static String svg(ChartSpec spec, String id) {
        Dimension d = size(spec);
        SVGGraphics2D g = new SVGGraphics2D(d.width, d.height);
        g.setDefsKeyPrefix(id + "-");
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        chart(spec).draw(g, new Rectangle(0, 0, d.width, d.height), null, info);
        String svg = g.getSVGElement(id);
        int end = svg.lastIndexOf("</svg>");
        // JFreeSVG escapes markup in text but passes control characters: Xml.clean keeps the file well-formed
        return Xml.clean(svg.substring(0, end) + ChartHover.targets(spec, info, id) + svg.substring(end));
    }

    // ---------------------------------------------------------------- charts

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
        SequentialScale scale = new SequentialScale(min, max);
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
                if (label == null || label.isEmpty()) {
                    label = "not run"; // an empty cell is told from a light one by its words, not its tone
                }
                {
                    XYTextAnnotation a = new XYTextAnnotation(label, c, row);
                    a.setFont(label.equals("not run") ? SUBTITLE : CELL);
                    a.setPaint(scale.textOn(spec.values()[row][c]));
                    a.setTextAnchor(TextAnchor.CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        LogTickAxis scaleAxis = new LogTickAxis(spec.scaleLabel(), AxisUnit.NUMBER, List.of());
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 6, 10, 6));
        legend.setStripWidth(14);
        legend.setSubdivisionCount(400); // linear steps on a log axis: enough of them for the low end too
        chart.addSubtitle(legend);
        return chart;
    }

    /** Title, legend, time axis and margins of a Gantt chart; height of one lane (pixels). */
    private static final int GANTT_OVERHEAD = 190;
    private static final int GANTT_LANE = 44;
    /** Room the lane labels and margins take from the chart's width (an estimate, for the in-bar labels). */
    private static final int GANTT_SIDE = 230;

    /** The segments of each phase, in the order the chart's series hold them (empty ones skipped). */
    static List<List<ChartSpec.Segment>> ganttSeries(ChartSpec.Gantt spec) {
        List<List<ChartSpec.Segment>> out = new ArrayList<>();
        for (int p = 0; p < spec.phases().size(); p++) {
            int phase = p;
            out.add(spec.segments().stream().filter(s -> s.phase() == phase && s.end() > s.start()).toList());
        }
        return out;
    }

    private static JFreeChart gantt(ChartSpec.Gantt spec) {
        org.jfree.data.xy.XYIntervalSeriesCollection data = new org.jfree.data.xy.XYIntervalSeriesCollection();
        List<List<ChartSpec.Segment>> series = ganttSeries(spec);
        double end = 0;
        for (int p = 0; p < spec.phases().size(); p++) {
            org.jfree.data.xy.XYIntervalSeries s = new org.jfree.data.xy.XYIntervalSeries(spec.phases().get(p).name());
            for (ChartSpec.Segment g : series.get(p)) {
                s.add(g.lane(), g.lane() - 0.32, g.lane() + 0.32, g.start(), g.start(), g.end());
                end = Math.max(end, g.end());
            }
            data.addSeries(s);
        }
        org.jfree.chart.renderer.xy.XYBarRenderer r = new org.jfree.chart.renderer.xy.XYBarRenderer();
        r.setUseYInterval(true);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setDefaultOutlineStroke(new BasicStroke(0.8f));
        for (int p = 0; p < spec.phases().size(); p++) {
            r.setSeriesPaint(p, spec.phases().get(p).color());
            r.setSeriesOutlinePaint(p, Color.WHITE);
        }
        SymbolAxis lanes = new SymbolAxis(null, spec.lanes().toArray(String[]::new));
        lanes.setGridBandsVisible(true);
        lanes.setGridBandPaint(new Color(0xF6, 0xF6, 0xF6));
        lanes.setTickLabelFont(CATEGORY);
        lanes.setRange(-0.5, spec.lanes().size() - 0.5);
        lanes.setInverted(true); // task 0 on top
        NumberAxis time = new NumberAxis(spec.xLabel());
        time.setLabelFont(LABEL);
        double top = end > 0 ? end * 1.03 : 1;
        time.setRange(0, top);
        XYPlot plot = new XYPlot(data, lanes, time, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        // the phase's short name on every bar wide enough for it (greyscale readers need no colour to tell them)
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(CELL);
        double pxPerUnit = (WIDTH - GANTT_SIDE) / top;
        for (int p = 0; p < spec.phases().size(); p++) {
            ChartSpec.Phase phase = spec.phases().get(p);
            for (ChartSpec.Segment g : series.get(p)) {
                if ((g.end() - g.start()) * pxPerUnit >= fm.stringWidth(phase.shortName()) + 6) {
                    XYTextAnnotation a = new XYTextAnnotation(phase.shortName(), g.lane(), (g.start() + g.end()) / 2);
                    a.setFont(CELL);
                    a.setPaint(luminance(phase.color()) < 140 ? Color.WHITE : Color.BLACK);
                    a.setTextAnchor(TextAnchor.CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
        chart.getLegend().setItemFont(LABEL);
        return chart;
    }

    static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** The forest plot's limit tick: a thin vertical bar as tall as a row's dot is wide, times three. */
    private static final java.awt.Shape LIMIT_TICK = new Rectangle2D.Double(-1.5, -10, 3, 20);
    private static final java.awt.Shape DOT = new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10);

    private static JFreeChart forest(ChartSpec.Bars spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < spec.bars().size(); i++) {
            ChartSpec.Bar b = spec.bars().get(i);
            if (!spec.limits().isEmpty()) {
                data.addValue(spec.limits().get(i), "limit", b.category()); // first: the dots are drawn over it
            }
            data.addValue(b.value(), "value", b.category());
        }
        Map<String, Color> colours = new HashMap<>();
        spec.bars().forEach(b -> colours.putIfAbsent(b.category(), b.color()));
        Color limit = new Color(0xB2, 0x18, 0x2B);
        org.jfree.chart.renderer.category.LineAndShapeRenderer r =
                new org.jfree.chart.renderer.category.LineAndShapeRenderer(false, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Paint getItemPaint(int row, int column) {
                        return "limit".equals(data.getRowKey(row)) ? limit
                                : colours.getOrDefault((String) data.getColumnKey(column), Color.GRAY);
                    }
                };
        boolean limits = !spec.limits().isEmpty();
        r.setSeriesShape(limits ? 1 : 0, DOT);
        if (limits) {
            r.setSeriesShape(0, LIMIT_TICK);
        }
        r.setDefaultShapesFilled(true);
        r.setUseFillPaint(false);
        CategoryAxis x = new WrappingCategoryAxis();
        x.setTickLabelFont(CATEGORY);
        double plotHeight = size(spec).height - BARS_OVERHEAD;
        x.setLowerMargin(Math.min(0.4, (END_SPACE + markerBand(spec)) / plotHeight));
        x.setUpperMargin(Math.min(0.1, END_SPACE / plotHeight));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSpec.Bar b : spec.bars()) {
            for (double v : new double[] {b.value(), b.low(), b.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (double v : spec.limits()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (ChartSpec.Marker m : spec.markers()) {
            lo = Math.min(lo, m.value());
            hi = Math.max(hi, m.value());
        }
        if (!Double.isFinite(lo)) {
            lo = 0.9;
            hi = 1.1;
        }
        double pad = Math.max(0.01, (hi - lo) * 0.06);
        ValueAxis y = linear(spec.yLabel(), false, spec.unit());
        y.setRange(lo - pad, hi + pad);
        y.setLabelFont(LABEL);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(new Color(0xF0, 0xF0, 0xF0));
        for (ChartSpec.Bar b : spec.bars()) {
            if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                plot.addAnnotation(new CategoryLineAnnotation(b.category(), b.low(), b.category(), b.high(),
                        b.color().darker(), new BasicStroke(2.5f)));
            }
        }
        int k = 0;
        for (ChartSpec.Marker m : spec.markers()) {
            double at = (m.value() - y.getLowerBound()) / (y.getUpperBound() - y.getLowerBound());
            plot.addRangeMarker(marker(m, true, (1 + k++) * (at > 0.5 ? -1 : 1)));
        }
        return new JFreeChart(null, TITLE, plot, false);
    }

    private static JFreeChart bars(ChartSpec.Bars spec) {
        if (spec.forest()) {
            return forest(spec);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChartSpec.Bar b : spec.bars()) {
            data.addValue(b.value(), "value", b.category());
        }
        Map<String, Color> colours = new HashMap<>();
        spec.bars().forEach(b -> colours.putIfAbsent(b.category(), b.color()));
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colours.getOrDefault((String) data.getColumnKey(column), Color.GRAY);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        r.setDrawBarOutline(false);
        CategoryAxis x = new WrappingCategoryAxis();
        x.setTickLabelFont(CATEGORY);
        double plotHeight = size(spec).height - BARS_OVERHEAD;
        x.setLowerMargin(Math.min(0.4, (END_SPACE + markerBand(spec)) / plotHeight)); // the first bar is on top
        x.setUpperMargin(Math.min(0.1, END_SPACE / plotHeight));
        x.setCategoryMargin(0.25);
        double top = spec.bars().stream().mapToDouble(b -> Double.isFinite(b.high()) ? Math.max(b.high(), b.value())
                : b.value()).filter(Double::isFinite).max().orElse(1);
        double bottom = spec.bars().stream().mapToDouble(b -> Double.isFinite(b.low()) ? Math.min(b.low(), b.value())
                : b.value()).filter(v -> v > 0).min().orElse(1);
        for (ChartSpec.Marker m : spec.markers()) {
            top = Math.max(top, m.value());
            if (m.value() > 0) {
                bottom = Math.min(bottom, m.value());
            }
        }
        ValueAxis y;
        if (spec.logValue()) {
            y = new LogTickAxis(spec.yLabel(), spec.unit(), List.of());
            double lo = Math.pow(10, Math.floor(Math.log10(bottom)));
            y.setRange(lo, top * 1.5);
            r.setBase(lo);
            r.setIncludeBaseInRange(false);
        } else {
            y = linear(spec.yLabel(), false, spec.unit());
            y.setRange(0, top * 1.12);
        }
        y.setLabelFont(LABEL);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        for (ChartSpec.Bar b : spec.bars()) {
            if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                plot.addAnnotation(new CategoryLineAnnotation(b.category(), b.low(), b.category(), b.high(),
                        Color.BLACK, new BasicStroke(2f)));
            }
        }
        int k = 0;
        for (ChartSpec.Marker m : spec.markers()) {
            double lo = y.getLowerBound();
            double hi = y.getUpperBound();
            double at = spec.logValue() ? Math.log(m.value() / lo) / Math.log(hi / lo) : (m.value() - lo) / (hi - lo);
            plot.addRangeMarker(marker(m, true, (1 + k++) * (at > 0.5 ? -1 : 1)));
        }
        return new JFreeChart(null, TITLE, plot, false);
    }

    /**
     * Category labels that wrap at {@link #MAX_LABEL_WIDTH} instead of being cut with "...": the chart is made tall
     * enough for them by {@link #size}.
     */
    static final class WrappingCategoryAxis extends CategoryAxis {
        private static final long serialVersionUID = 1L;

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            TextBlock block = new TextBlock();
            block.setLineAlignment(HorizontalAlignment.RIGHT);
            Font font = getTickLabelFont(category);
            for (String line : wrap(category.toString(), font, MAX_LABEL_WIDTH)) {
                block.addLine(line, font, getTickLabelPaint(category));
            }
            return block;
        }
    }

    /**
     * {@code text} in lines no wider than {@code max} pixels in {@code font}: breaks after spaces and commas, then
     * before dots, brackets and equals signs, and only inside a word that is wider than a whole line. A text longer
     * than {@link ChartLimits#MAX_LABEL} characters is cut first, so the work per label is bounded.
     */
    static List<String> wrap(String text, Font font, int max) {
        FontMetrics fm = metrics(font);
        List<String> lines = new ArrayList<>();
        String rest = text == null ? "" : ChartLimits.label(text).strip(); // the cap bounds the work
        while (fm.stringWidth(rest) > max) {
            int cut = -1;
            int weak = -1;
            for (int i = 1; i < rest.length(); i++) {
                char c = rest.charAt(i);
                char prev = rest.charAt(i - 1);
                boolean space = prev == ' ' && c != ' ';
                boolean other = c == '.' || c == '[' || c == '(' || c == '=' || prev == '-' || prev == '/'
                        || prev == '_' || prev == ',';
                if (space || other) {
                    if (fm.stringWidth(rest.substring(0, i).stripTrailing()) > max) {
                        break;
                    }
                    if (space) {
                        cut = i;
                    } else {
                        weak = i;
                    }
                }
            }
            if (cut <= 0) {
                cut = weak;
            }
            if (cut <= 0) { // one word wider than a line: cut it where it fills the line
                cut = 1;
                while (cut < rest.length() && fm.stringWidth(rest.substring(0, cut + 1)) <= max) {
                    cut++;
                }
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** The metrics charts are measured with (the PNG's; the SVG's agree to within a pixel or so per line). */
    static FontMetrics metrics(Font font) {
        Graphics2D g = MEASURE.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

    private static int lineHeight(Font font) {
        return metrics(font).getHeight();
    }

    /**
     * A reference line with its label. On a horizontal bar chart the line is vertical and its label goes in the band
     * above the first bar: {@code place} is the label's line in that band (1, 2, ...), positive to the right of the
     * line and negative to its left, so that no two labels overlap and none runs out of the plot.
     */
    static ValueMarker marker(ChartSpec.Marker m, boolean vertical, int place) {
        ValueMarker vm = new ValueMarker(m.value(), m.color(),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        vm.setLabel(m.label());
        vm.setLabelFont(SUBTITLE);
        vm.setLabelPaint(m.color().darker());
        vm.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        if (!vertical) {
            boolean right = place == 1; // horizontal: 0 labels at the left end, 1 at the right end
            vm.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            vm.setLabelTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        } else {
            boolean right = place > 0;
            vm.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            vm.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            vm.setLabelOffset(new RectangleInsets(4 + MARKER_LINE * (Math.abs(place) - 1), 4, 4, 4));
        }
        return vm;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
    }

    static NumberAxis linear(String label, boolean integer, AxisUnit unit) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setAutoRangeIncludesZero(!integer);
        if (integer) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        }
        a.setNumberFormatOverride(integer && unit == AxisUnit.NUMBER ? rootFormat("0") : unitFormat(unit));
        return a;
    }

    static DecimalFormat rootFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Tick labels of a linear axis in {@code unit}: 0.25, 1.5k, 10 ms. */
    static NumberFormat unitFormat(AxisUnit unit) {
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
                return to.append(unit.tick(Math.abs(number) < 1e-12 ? 0 : number));
            }

            @Override
            public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
                return to.append(unit.tick(number));
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Blue below the neutral value (slower than sequential), white at it, green above (faster). */
    /**
     * One hue, lightness falling steadily with the logarithm of the value (ColorBrewer "Blues"): in greyscale a darker
     * cell is always a larger value, so the map reads without colour. The neutral value (speedup 1) sits at a light
     * mid-tone, so "slower" (lighter) and "faster" (darker) stay apart; the printed values say the rest.
     */
    static final class SequentialScale implements PaintScale {
        private static final Color LIGHT = new Color(0xF7, 0xFB, 0xFF);
        private static final Color DARK = new Color(0x08, 0x30, 0x6B);
        static final Color MISSING = Color.WHITE;
        private final double low;
        private final double high;

        /**
         * Tones span {@code [max(low, 0.05), max(high, 2)]}: far smaller values all get the lightest tone (their
         * printed values tell them apart), so the range that decides (0.1 to the parallelism) keeps its contrast.
         */
        SequentialScale(double low, double high) {
            this.low = Math.max(low > 0 ? low : 0.05, 0.05);
            this.high = Math.max(high > this.low ? high : this.low * 10, 2);
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        /** Where a value sits between the lightest (0) and darkest (1) tone. */
        double position(double v) {
            double t = Math.log(Math.max(v, low) / low) / Math.log(high / low);
            return Math.max(0, Math.min(1, t));
        }

        @Override
        public Paint getPaint(double v) {
            if (!Double.isFinite(v) || v <= 0) {
                return MISSING;
            }
            return mix(LIGHT, DARK, 0.08 + 0.92 * position(v));
        }

        /** Black text on light cells, white on dark ones. */
        Color textOn(double v) {
            return Double.isFinite(v) && v > 0 && 0.08 + 0.92 * position(v) > 0.5 ? Color.WHITE : Color.BLACK;
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
