package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.gate.GateResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first table of the report (the decision) and of the gate page (the verdicts) fit a 1280-pixel window: no
 * horizontal scroll bar hides a column, and the page itself does not scroll sideways. Each is the first table or
 * figure of its page; the gate's starts on the first screen (a 1280 x 900 window), and the decision table stays short
 * (its settle commands are below it). Measured by Chromium itself: a copy of the page gets one script that writes what
 * it laid out into the title, read back from {@code --dump-dom}. Runs where Chromium is installed (.ci/run installs
 * it).
 */
class FirstScreenBrowserTest {
    private static final Pattern LAYOUT = Pattern.compile("<title>L((?: -?\\d+){9}) (true|false)</title>");

    /**
     * Where Chromium put a table, in CSS pixels: its box's scroll and client widths (the box scrolls sideways when
     * the first is larger), the page's scroll and client widths, the window's size, the table's top and bottom on the
     * page, and whether it is the first table or figure in {@code <main>}.
     */
    record Layout(int tableScroll, int boxWidth, int pageScroll, int pageWidth, int windowWidth, int windowHeight,
            int top, int bottom, int rows, boolean first) {
    }

    static Layout layout(Path page, String tableId, Path dir) throws Exception {
        Path chromium = ReportBrowserTest.chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String probe = "<script>(function(){var t=document.getElementById('" + tableId + "');"
                + "var w=t.parentElement,d=document.documentElement,r=t.getBoundingClientRect();"
                + "document.title='L '+[w.scrollWidth,w.clientWidth,d.scrollWidth,d.clientWidth,window.innerWidth,"
                + "window.innerHeight,r.top+window.scrollY,r.bottom+window.scrollY,t.tBodies[0].rows.length]"
                + ".map(Math.round).join(' ')+' '+(document.querySelector('main table, main figure')===t);})();"
                + "</script>";
        Path copy = page.resolveSibling("measured.html");
        Files.writeString(copy, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile-" + tableId), "--window-size=1280,900",
                "--dump-dom", copy.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile()).redirectOutput(dir.resolve("dom.html").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 120 s");
        String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
        Matcher m = LAYOUT.matcher(dom);
        assertTrue(m.find(), "no layout in the title: " + Files.readString(dir.resolve("chromium.log")));
        int[] n = java.util.Arrays.stream(m.group(1).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        Layout l = new Layout(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], Boolean.parseBoolean(m.group(2)));
        System.out.println("[first screen] " + page.getFileName() + " #" + tableId + ": " + l);
        return l;
    }

    private static void assertFits(Layout l, String what) {
        assertEquals(1280, l.windowWidth(), "the window");
        assertTrue(l.tableScroll() <= l.boxWidth(), what + " is " + l.tableScroll() + " px wide in a " + l.boxWidth()
                + " px box: it scrolls sideways");
        assertTrue(l.pageScroll() <= l.pageWidth(), "the page is " + l.pageScroll() + " px wide in a "
                + l.pageWidth() + " px window: it scrolls sideways");
    }

    /** The gate page {@code GateReport.write} made in {@code dir/g}. */
    private static Path gatePage(GateResult r, Path dir) throws Exception {
        GateReport.write(r, dir.resolve("g"));
        try (var s = Files.list(dir.resolve("g"))) {
            List<Path> pages = s.filter(x -> x.toString().endsWith(".html")).toList();
            assertEquals(1, pages.size(), pages.toString());
            return pages.get(0);
        }
    }

    @Test
    void theDecisionTableFitsA1280PixelWindowAndStaysShort(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(ReportWriterTest.parbenchRun(), dir.resolve("report"));
        Layout l = layout(index, "decision-table", dir);
        assertFits(l, "the decision table");
        assertTrue(l.first(), "the decision table is the report's first table");
        // 6 rows, 5 of them provisional (a 2-fork run), in half a screen, so that a default run's 12 rows fit one
        // screen. With a settle command in each provisional row they took 634 px of a 757 px window; without, 346.
        assertEquals(6, l.rows());
        assertTrue(l.bottom() - l.top() <= l.windowHeight() / 2, "the decision table's " + l.rows() + " rows take "
                + (l.bottom() - l.top()) + " px of a " + l.windowHeight() + " px window");
    }

    @Test
    void aDefaultRunsWholeDecisionTableIsOnTheFirstScreen(@TempDir Path dir) throws Exception {
        // the committed quiet default run: 12 rows, ties ("any of ..."), provisional rows, an "About this data" box
        Path run = Path.of("results", "default-run-2026-12-08-quiet", "results.json");
        Path index = ReportWriter.write(new dev.parbench.analysis.Analyzer().analyze(
                dev.parbench.results.JmhJsonReader.read(java.util.List.of(run))), dir.resolve("report"));
        Layout l = layout(index, "decision-table", dir);
        assertFits(l, "the decision table");
        assertTrue(l.first(), "the decision table is the report's first table");
        assertEquals(12, l.rows());
        assertTrue(l.bottom() <= l.windowHeight(), "the decision table ends at " + l.bottom() + " px, below the "
                + l.windowHeight() + " px first screen");
    }

    @Test
    void theGateVerdictsTableComesFirstAndFitsTheFirstScreen(@TempDir Path dir) throws Exception {
        Layout l = layout(gatePage(GateForestTest.result(), dir), "gate-table", dir);
        assertFits(l, "the gate's verdicts table");
        assertTrue(l.first(), "the verdicts table is the first table or figure of the gate page");
        assertTrue(l.bottom() <= l.windowHeight(), "the verdicts table ends at " + l.bottom() + " px, below the "
                + "first screen (" + l.windowHeight() + " px)");
    }

    @Test
    void aGateOfSeventeenLongBenchmarksStillFitsSideways(@TempDir Path dir) throws Exception {
        Layout l = layout(gatePage(GateMarkdownTest.longGate(), dir), "gate-table", dir);
        assertFits(l, "the gate's verdicts table");
        assertEquals(17, l.rows());
        assertTrue(l.first(), "the verdicts table is the first table or figure of the gate page");
        assertTrue(l.top() < l.windowHeight() / 2, "the verdicts table starts at " + l.top() + " px of "
                + l.windowHeight());
    }
}
