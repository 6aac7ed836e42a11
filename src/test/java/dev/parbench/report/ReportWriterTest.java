package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.results.JmhJsonReader;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering a recorded parbench run and a foreign JMH file: every chart in PNG and SVG, the page, the summaries. */
class ReportWriterTest {

    static Path resource(String name) {
        try {
            return Path.of(ReportWriterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Analysis parbenchRun() {
        return new Analyzer().analyze(JmhJsonReader.read(List.of(resource("/jmh/parbench-run/results.json"))));
    }

    @Test
    void everyChartIsWrittenAsPngAndSvgAndShownInThePage(@TempDir Path dir) throws Exception {
        Analysis a = parbenchRun();
        Path index = ReportWriter.write(a, dir.resolve("report"));
        ReportView view = ReportView.of(a);
        String html = Files.readString(index);
        int charts = 0;
        for (ReportView.Section s : view.sections()) {
            assertTrue(html.contains("id=\"" + s.id() + "\""), s.id());
            for (ChartSpec c : s.charts()) {
                charts++;
                Path png = index.resolveSibling(c.name() + ".png");
                BufferedImage img = ImageIO.read(png.toFile());
                assertEquals(ChartRenderer.WIDTH, img.getWidth(), c.name());
                assertEquals(ChartRenderer.HEIGHT, img.getHeight(), c.name());
                assertTrue(Files.size(png) > 5_000, c.name() + " PNG looks empty");
                String svg = Files.readString(index.resolveSibling(c.name() + ".svg"));
                assertTrue(svg.startsWith("<svg") && svg.trim().endsWith("</svg>"), c.name());
                assertTrue(svg.contains(c.title().replace("&", "&amp;").substring(0, 10)), c.name() + " SVG title");
                assertTrue(html.contains("id=\"fig-" + c.name() + "\""), c.name() + " not in the page");
            }
            for (ReportView.Table t : s.tables()) {
                assertTrue(html.contains("id=\"" + t.id() + "\""), t.id() + " not in the page");
            }
        }
        // three workloads x (speedup, time, heatmap, efficiency) + bandwidth for the two memory-bound ones
        assertEquals(3 * 4 + 2, charts);
        assertEquals(charts, html.split("<svg", -1).length - 1, "every chart inline, and nothing else");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page must not fetch anything");
        assertFalse(html.contains("<link"), "no external stylesheet");
        for (String text : List.of("for sum at 256k", "for random at 256k", "Machine ceilings",
                "common ForkJoinPool", "carrier")) {
            assertTrue(html.contains(text), "page lacks: " + text);
        }
        String md = Files.readString(index.resolveSibling("summary.md"));
        assertTrue(md.startsWith("# parbench report"), md);
        // a 2-fork run: claims are provisional with the command that settles them, and no Amdahl fit from p = 1, 2
        assertTrue(md.contains("Provisional") && md.contains("--forks 5"), "2-fork claims must be provisional");
        assertFalse(md.contains("Beats sequential with its whole 95% interval above 1"), "no crossover from 2 forks");
        assertFalse(md.contains("(Amdahl fit):"), "no serial fraction from two parallelisms");
        List<String> csv = Files.readAllLines(index.resolveSibling("summary.csv"));
        assertTrue(csv.size() > 20, "csv rows: " + csv.size());
        int columns = csv.get(0).split(",", -1).length;
        for (String row : csv) {
            assertEquals(columns, row.split(",", -1).length, row);
        }
    }

    @Test
    void decimalCommaLocaleChangesNoFigure(@TempDir Path dir) throws Exception {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path index = ReportWriter.write(parbenchRun(), dir.resolve("de"));
            List<String> csv = Files.readAllLines(index.resolveSibling("summary.csv"));
            int columns = csv.get(0).split(",", -1).length;
            for (String row : csv) {
                assertEquals(columns, row.split(",", -1).length, "a decimal comma split a cell: " + row);
            }
            String md = Files.readString(index.resolveSibling("summary.md"));
            assertFalse(md.matches("(?s).*\\d,\\d\\dx.*"), "decimal comma in summary.md");
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void foreignResultsGetAUsefulReport(@TempDir Path dir) throws Exception {
        Analysis a = new Analyzer().analyze(JmhJsonReader.read(List.of(resource("/jmh/foreign-old.json"))));
        assertTrue(a.workloads().isEmpty());
        assertEquals(6, a.foreign().size());
        Path index = ReportWriter.write(a, dir.resolve("foreign"));
        String html = Files.readString(index);
        assertTrue(html.contains("org.example.MapBench.get"), "table row");
        ReportView view = ReportView.of(a);
        List<ChartSpec> charts = view.sections().get(0).charts();
        // MapBench.get: a line chart over size (numeric, log2), one line per impl; the two StringBench benchmarks
        // have no params: one bar chart per unit
        ChartSpec.Line map = (ChartSpec.Line) charts.stream().filter(c -> c instanceof ChartSpec.Line).findFirst()
                .orElseThrow();
        assertEquals(List.of("impl=hash", "impl=tree"), map.series().stream().map(ChartSpec.Series::name).toList());
        assertTrue(map.logX());
        assertTrue(charts.stream().anyMatch(c -> c instanceof ChartSpec.Bars b && b.bars().size() == 2));
        for (ChartSpec c : charts) {
            assertTrue(Files.size(index.resolveSibling(c.name() + ".png")) > 3_000);
        }
    }

    @Test
    void foreignValuesSpanningMoreThanTwoDecadesGetLogScales(@TempDir Path dir) throws Exception {
        // 700 and 77,000 ops/ms; 0.05 to 1,800 us/op
        Analysis a = HoverAndLinkTest.foreignWide();
        List<ChartSpec> charts = ReportView.of(a).sections().get(0).charts();
        ChartSpec.Bars bars = (ChartSpec.Bars) charts.stream().filter(c -> c instanceof ChartSpec.Bars).findFirst()
                .orElseThrow();
        assertTrue(bars.logValue(), "700 and 77,000 on one linear axis");
        ChartSpec.Line line = (ChartSpec.Line) charts.stream().filter(c -> c instanceof ChartSpec.Line).findFirst()
                .orElseThrow();
        assertTrue(line.logY() && line.logX());
        assertEquals(AxisUnit.MICROSECONDS, line.yUnit(), "us/op is a time");
        Analysis narrow = new Analyzer().analyze(JmhJsonReader.read(List.of(resource("/jmh/foreign-old.json"))));
        assertTrue(ReportView.of(narrow).sections().get(0).charts().stream()
                .noneMatch(c -> c instanceof ChartSpec.Bars b && b.logValue()), "15k and 40k stay linear");
        Path index = ReportWriter.write(a, dir.resolve("wide"));
        String svg = Files.readString(index.resolveSibling(bars.name() + ".svg"));
        assertTrue(svg.contains(">1k</text>") && svg.contains(">10k</text>"), "decade ticks 1k, 10k");
    }

    @Test
    void anExistingReportIsReplacedOnlyWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        ReportWriter.write(parbenchRun(), out);
        Path chart = Files.list(out).filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        Files.writeString(chart, "old");
        ReportWriter.write(parbenchRun(), out);
        assertFalse("old".equals(Files.readString(chart, java.nio.charset.StandardCharsets.ISO_8859_1)),
                "the old report was replaced");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary folders left behind");
        }
    }
}
