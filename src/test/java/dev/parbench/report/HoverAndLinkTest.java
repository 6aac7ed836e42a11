package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.results.JmhJsonReader;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every point and bar tells its numbers on hover; table rows and chart values link to each other. */
class HoverAndLinkTest {

    static Analysis foreignWide() {
        return new Analyzer().analyze(JmhJsonReader.read(List.of(ReportWriterTest.resource("/jmh/foreign-wide.json"))));
    }

    private static List<String> titles(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aPointShowsValueIntervalForksAndConfiguration() {
        ChartSpec.XY p = new ChartSpec.XY(2, 1.2534, 1.2, 1.31, 5, "kernel=simd, size 32M",
                List.of("executor", "2", "32M"), "95% interval");
        ChartSpec.Line spec = new ChartSpec.Line("s", "speedup", "", "parallelism (tasks)", "speedup (x)", false,
                false, true, List.of(new ChartSpec.Series("executor", Palette.of("executor"), false, true,
                        List.of(new ChartSpec.XY(1, 1, Double.NaN, Double.NaN), p))), List.of());
        List<String> titles = titles(ChartRenderer.svg(spec, "h"));
        assertEquals(2, titles.size(), titles.toString());
        assertEquals("executor\nparallelism: 2\nspeedup: 1.253\n95% interval: [1.2, 1.31]\n5 forks\n"
                + "kernel=simd, size 32M", titles.get(1));
        assertTrue(ChartRenderer.svg(spec, "h").contains("data-row=\"executor | 2 | 32M\""));
    }

    @Test
    void aBarAndATimeShowTheirUnits() {
        ChartSpec.Bars spec = new ChartSpec.Bars("b", "t", "", "score (us/op)", List.of(new ChartSpec.Bar("a", 1254.2,
                1200, 1300, Color.RED, 3, "impl=hash", List.of(), "95% interval")), List.of(), false, AxisUnit.MICROSECONDS);
        List<String> titles = titles(ChartRenderer.svg(spec, "b"));
        assertEquals(List.of("a\nscore: 1.254 ms\n95% interval: [1.2 ms, 1.3 ms]\n3 forks\nimpl=hash"), titles);
    }

    @Test
    void everyPointOfAForeignReportLinksToItsRowAndBack(@TempDir Path dir) throws Exception {
        Analysis a = foreignWide();
        Path index = ReportWriter.write(a, dir.resolve("r"));
        String html = Files.readString(index);
        ReportView view = ReportView.of(a);
        int values = 0;
        for (ChartSpec c : view.sections().get(0).charts()) {
            values += c instanceof ChartSpec.Line l ? l.series().stream().mapToInt(s -> s.points().size()).sum()
                    : ((ChartSpec.Bars) c).bars().size();
        }
        Matcher point = Pattern.compile("<a class=\"pb-pt\" id=\"([^\"]+)\" data-row=\"[^\"]*\" href=\"#([^\"]+)\">"
                + "<(circle|rect)[^>]*><title>([^<]*)</title>").matcher(html);
        Set<String> rows = new HashSet<>();
        int n = 0;
        while (point.find()) {
            n++;
            String id = point.group(1);
            String row = point.group(2);
            assertTrue(point.group(4).contains("forks"), "hover without forks: " + point.group(4));
            assertTrue(point.group(4).contains("95% interval"), point.group(4));
            rows.add(row);
            assertTrue(html.contains("<tr id=\"" + row + "\">"), "no row " + row);
            // the row links back to the point
            Matcher back = Pattern.compile("<tr id=\"" + Pattern.quote(row) + "\"><td[^>]*>[^<]*<a class=\"to-chart\" "
                    + "href=\"#([^\"]+)\"").matcher(html);
            assertTrue(back.find(), "row " + row + " has no link");
            assertTrue(html.contains("id=\"" + back.group(1) + "\""), "row links to a missing anchor");
            assertEquals(id, back.group(1), "the row links to its point");
        }
        assertEquals(values, n, "every point and bar is linked");
        assertEquals(a.foreign().size(), rows.size(), "every table row has its point");
    }

    @Test
    void parbenchTableRowsLinkToTheirChartsAndChartsToTheirTables(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(ReportWriterTest.parbenchRun(), dir.resolve("r"));
        String html = Files.readString(index);
        Matcher row = Pattern.compile("<tr id=\"([^\"]+)\"><td[^>]*>[^<]*<a class=\"to-chart\" href=\"#([^\"]+)\"")
                .matcher(html);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(html.contains("id=\"" + row.group(2) + "\""), "dangling link " + row.group(2));
        }
        assertTrue(rows > 50, "rows with links: " + rows);
        assertFalse(html.contains("\n<tr>"), "a body row without id");
        Matcher fig = Pattern.compile("<a class=\"to-table\" href=\"#([^\"]+)\">").matcher(html);
        int figs = 0;
        while (fig.find()) {
            figs++;
            assertTrue(html.contains("<table class=\"sortable\" id=\"" + fig.group(1) + "\""), fig.group(1));
        }
        assertEquals(14, figs);
        int titles = titles(html).size();
        assertTrue(titles > 100, "hover titles in the page: " + titles);
    }
}
