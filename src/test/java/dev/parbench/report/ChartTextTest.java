package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.StrategyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Rendered text fits and reads at a glance: no cut labels, ticks at numbers people write, styles apart. */
class ChartTextTest {
    private static final Pattern TEXT = Pattern.compile(
            "<text x='([-0-9.]+)' y='[-0-9.]+' style='[^']*font-size: (\\d+)px;[^']*'[^>]*>([^<]*)</text>");

    /** The gate's bars: 120 benchmarks whose names are longer than any label column. */
    static ChartSpec.Bars gateLike() {
        List<ChartSpec.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            bars.add(new ChartSpec.Bar("SumBench.parallel [parallelism=" + (i % 4 + 1) + ", size=" + (1024 << i % 16)
                    + ", strategy=process-pool-resident-" + i + "]", 1 + i / 1000.0, 0.9, 1.1, Color.ORANGE));
        }
        bars.add(new ChartSpec.Bar("org.example.AVeryLongBenchmarkClassNameWithoutAnySpaceOrPunctuationInsideItAtAll"
                + "ThatGoesOnAndOn", 1, Double.NaN, Double.NaN, Color.BLUE));
        return new ChartSpec.Bars("gate-like", "Candidate / baseline", "subtitle", "cost ratio", bars,
                List.of(new ChartSpec.Marker(1.1, "threshold +10%", Color.RED), new ChartSpec.Marker(1, "no change",
                        Color.DARK_GRAY)));
    }

    /** Draws the chart at its own size, as writePng does; returns the plot's data area. */
    private static Rectangle2D draw(JFreeChart chart, Dimension d, Graphics2D g) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, d.width, d.height), info);
        return info.getPlotInfo().getDataArea();
    }

    private static String text(TextBlock block) {
        StringBuilder s = new StringBuilder();
        for (Object line : block.getLines()) {
            TextLine l = (TextLine) line; // one fragment per line: a label's lines, as drawn
            s.append(l.getFirstTextFragment().getText()).append('\n');
        }
        return s.toString();
    }

    @Test
    void everyBarLabelIsDrawnWholeBesideThePlotAndNoTwoOverlap() {
        ChartSpec.Bars spec = gateLike();
        Dimension d = ChartRenderer.size(spec);
        assertEquals(ChartRenderer.WIDTH, d.width);
        assertTrue(d.height > ChartRenderer.HEIGHT, "121 bars need a taller chart: " + d.height);
        JFreeChart chart = ChartRenderer.chart(spec);
        BufferedImage img = new BufferedImage(d.width, d.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Rectangle2D data = draw(chart, d, g);
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryAxis axis = plot.getDomainAxis();
        RectangleEdge edge = plot.getDomainAxisEdge();
        List<?> ticks = axis.refreshTicks(g, new AxisState(), data, edge);
        assertEquals(spec.bars().size(), ticks.size());
        double spacing = data.getHeight() / ticks.size();
        for (int i = 0; i < ticks.size(); i++) {
            CategoryTick t = (CategoryTick) ticks.get(i);
            String drawn = text(t.getLabel());
            String category = spec.bars().get(i).category();
            assertFalse(drawn.contains("...") || drawn.contains("…"), "label cut: " + drawn);
            assertEquals(category.replace(" ", ""), drawn.replace("\n", "").replace(" ", ""),
                    "the whole label is drawn (in lines)");
            var size = t.getLabel().calculateDimensions(g);
            assertTrue(size.getWidth() <= data.getMinX(), "label wider than the space left of the plot: " + drawn);
            assertTrue(size.getHeight() <= spacing, "labels overlap: " + size.getHeight() + " > " + spacing);
        }
        g.dispose();
    }

    @Test
    void theSvgHasEveryBarLabelAsTextInsideTheImage() {
        ChartSpec.Bars spec = gateLike();
        String svg = ChartRenderer.svg(spec, "t");
        Dimension d = ChartRenderer.size(spec);
        Matcher m = TEXT.matcher(svg);
        StringBuilder all = new StringBuilder();
        int n = 0;
        while (m.find()) {
            n++;
            String s = m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            assertFalse(s.contains("...") || s.contains("…"), "cut text in the SVG: " + s);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Integer.parseInt(m.group(2)));
            FontMetrics fm = ChartRenderer.metrics(font);
            double x = Double.parseDouble(m.group(1));
            assertTrue(x >= 0 && x + fm.stringWidth(s) <= d.width + 1, "text outside the image: " + s + " at " + x);
            all.append(s).append(' ');
        }
        assertTrue(n > spec.bars().size(), "labels are drawn as text: " + n);
        String flat = all.toString().replace(" ", "");
        for (ChartSpec.Bar b : spec.bars()) {
            for (String line : ChartRenderer.wrap(b.category(), ChartRenderer.CATEGORY,
                    ChartRenderer.MAX_LABEL_WIDTH)) {
                assertTrue(flat.contains(line.replace(" ", "")), "missing label text: " + line);
            }
        }
    }

    @Test
    void wrappedLinesFitAndPreferSpaces() {
        FontMetrics fm = ChartRenderer.metrics(ChartRenderer.CATEGORY);
        String label = "VectorAddBench.sequential [kernel=scalar, size=33554432, strategy=process-pool-resident]";
        List<String> lines = ChartRenderer.wrap(label, ChartRenderer.CATEGORY, 200);
        assertTrue(lines.size() > 1, lines.toString());
        for (String l : lines) {
            assertTrue(fm.stringWidth(l) <= 200, l);
        }
        assertEquals(label.replace(" ", ""), String.join("", lines).replace(" ", ""));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("=")), "no break before '=' when a space will do: "
                + lines);
        assertEquals(List.of("short"), ChartRenderer.wrap("short", ChartRenderer.CATEGORY, 200));
    }

    private static List<String> labels(LogTickAxis axis, AxisUnit unit, double lo, double hi) {
        return axis.ticks(lo, hi).major().stream().map(unit::tick).toList();
    }

    @Test
    void logTicksAreNumbersPeopleWrite() {
        LogTickAxis sizes = new LogTickAxis("size", AxisUnit.ELEMENTS, List.of(1024.0, 32768.0, 1048576.0,
                33554432.0));
        assertEquals(List.of("1k", "32k", "1M", "32M"), labels(sizes, AxisUnit.ELEMENTS, 700, 5e7));
        LogTickAxis anySizes = new LogTickAxis("size", AxisUnit.ELEMENTS, List.of());
        List<String> any = labels(anySizes, AxisUnit.ELEMENTS, 1000, 4e7);
        assertTrue(any.size() >= 3 && any.size() <= LogTickAxis.MAX_TICKS, any.toString());
        assertTrue(any.stream().allMatch(s -> s.matches("\\d+[kMG]?")), any.toString());

        LogTickAxis micros = new LogTickAxis("time", AxisUnit.MICROSECONDS, List.of());
        assertEquals(List.of("100 ns", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms"),
                labels(micros, AxisUnit.MICROSECONDS, 0.03, 700_000));
        assertEquals(List.of("1 ms", "10 ms", "100 ms", "1 s", "10 s"),
                labels(new LogTickAxis("t", AxisUnit.NANOSECONDS, List.of()), AxisUnit.NANOSECONDS, 5e5, 2e10));

        LogTickAxis ops = new LogTickAxis("ops/ms", AxisUnit.NUMBER, List.of());
        assertEquals(List.of("1k", "10k"), labels(ops, AxisUnit.NUMBER, 700, 77_000));
        assertEquals(List.of("1.5", "2", "3", "4", "5", "7"), labels(ops, AxisUnit.NUMBER, 1.3, 9),
                "a narrow range gets 1-2-5 steps (and between)");
        assertEquals(List.of("200", "500", "1k", "2k"), labels(ops, AxisUnit.NUMBER, 150, 3000));
        // GB/s: plain numbers, the unit is in the axis label
        assertEquals("2", AxisUnit.NUMBER.tick(2.0));
        assertEquals("12.5", AxisUnit.NUMBER.tick(12.5));
        assertEquals("1.254 ms", AxisUnit.MICROSECONDS.value(1254.2));
        assertEquals("77012", AxisUnit.NUMBER.value(77012.3));
    }

    @Test
    void aTimeAxisNeverReadsLikeARoundingError() {
        List<ChartSpec.XY> pts = new ArrayList<>();
        double[] sizes = {1024, 32768, 1048576, 33554432};
        double[] micros = {0.032, 2.1, 85, 7800};
        for (int i = 0; i < sizes.length; i++) {
            pts.add(new ChartSpec.XY(sizes[i], micros[i], micros[i] * 0.9, micros[i] * 1.1));
        }
        ChartSpec.Line spec = new ChartSpec.Line("t", "time", "", "size (elements, log2)",
                "time per operation (µs, log10)", true, true, false,
                List.of(new ChartSpec.Series("sequential", Palette.SEQUENTIAL, false, true, pts)), List.of());
        assertEquals(AxisUnit.ELEMENTS, spec.xUnit());
        assertEquals(AxisUnit.MICROSECONDS, spec.yUnit());
        JFreeChart chart = ChartRenderer.chart(spec);
        BufferedImage img = new BufferedImage(ChartRenderer.WIDTH, ChartRenderer.HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Rectangle2D data = draw(chart, ChartRenderer.size(spec), g);
        XYPlot plot = chart.getXYPlot();
        List<String> labels = new ArrayList<>();
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            RectangleEdge edge = a == plot.getDomainAxis() ? plot.getDomainAxisEdge() : plot.getRangeAxisEdge();
            for (Object o : a.refreshTicks(g, new AxisState(), data, edge)) {
                String s = ((ValueTick) o).getText();
                if (s != null && !s.isEmpty()) {
                    labels.add(s);
                }
            }
        }
        g.dispose();
        assertTrue(labels.containsAll(List.of("1k", "32k", "1M", "32M", "1 µs", "1 ms")), labels.toString());
        for (String s : labels) {
            assertTrue(s.matches("\\d+(\\.\\d+)?( (ns|µs|ms|s)|[kMG])?"), "tick label: " + s);
        }
        String svg = ChartRenderer.svg(spec, "x");
        assertFalse(svg.contains("316227") || svg.contains("31622.7"), "decimal log ticks");
    }

    @Test
    void everyStrategyHasItsOwnMarkerAndLineBesidesItsColour() {
        Set<String> seen = new HashSet<>();
        for (StrategyKind k : StrategyKind.values()) {
            int style = Palette.style(Palette.of(k.id()), -1);
            String shape = Palette.shape(style).getBounds2D().toString() + Palette.shape(style).getClass()
                    + Arrays.toString(pathOf(Palette.shape(style)));
            float[] dash = ((BasicStroke) Palette.stroke(style, false)).getDashArray();
            assertTrue(seen.add(shape + Arrays.toString(dash)), k.id() + " looks like another strategy in greyscale");
        }
    }

    private static double[] pathOf(java.awt.Shape s) {
        List<Double> c = new ArrayList<>();
        double[] p = new double[6];
        for (var it = s.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(p);
            c.add((double) type);
            c.add(Math.rint(p[0] * 10));
            c.add(Math.rint(p[1] * 10));
        }
        return c.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
