package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * horizontal scroll bar hides a column. Measured by Chromium itself: a copy of the page gets one script that writes
 * the widths it laid out into the title, read back from {@code --dump-dom}. Runs where Chromium is installed
 * (.ci/run installs it).
 */
class FirstScreenBrowserTest {
    private static final Pattern WIDTHS = Pattern.compile("<title>W (\\d+) (\\d+) (\\d+) (\\d+)</title>");

    /** {tableScrollWidth, tableWrapClientWidth, pageScrollWidth, windowWidth} as Chromium lays the page out. */
    private static int[] widths(Path page, String tableId, Path dir) throws Exception {
        Path chromium = ReportBrowserTest.chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String probe = "<script>(function(){var t=document.getElementById('" + tableId + "');"
                + "var w=t.parentElement;document.title='W '+w.scrollWidth+' '+w.clientWidth+' '"
                + "+document.documentElement.scrollWidth+' '+window.innerWidth;})();</script>";
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
        Matcher m = WIDTHS.matcher(dom);
        assertTrue(m.find(), "no widths in the title: " + Files.readString(dir.resolve("chromium.log")));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4))};
    }

    private static void assertFits(int[] w, String what) {
        assertEquals(1280, w[3], "the window");
        assertTrue(w[0] <= w[1], what + " is " + w[0] + " px wide in a " + w[1] + " px box: it scrolls sideways");
        assertTrue(w[2] <= w[3], "the page is " + w[2] + " px wide in a 1280 px window");
    }

    @Test
    void theDecisionTableFitsA1280PixelWindow(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(ReportWriterTest.parbenchRun(), dir.resolve("report"));
        assertFits(widths(index, "decision-table", dir), "the decision table");
    }

    @Test
    void theGateVerdictsTableFitsA1280PixelWindow(@TempDir Path dir) throws Exception {
        GateReport.write(GateForestTest.result(), dir.resolve("g"));
        Path page;
        try (var s = Files.list(dir.resolve("g"))) {
            List<Path> pages = s.filter(x -> x.toString().endsWith(".html")).toList();
            assertEquals(1, pages.size(), pages.toString());
            page = pages.get(0);
        }
        assertFits(widths(page, "gate-table", dir), "the gate's table");
    }
}
