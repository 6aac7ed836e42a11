package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: headless Chromium loads index.html from disk, logs nothing to the console
 * (no script error, no failed load), and its screenshot is not blank; in the DOM Chromium builds, points carry their
 * hover text and table rows and points link to each other. Runs when Chromium is installed (Debian:
 * {@code apt-get install chromium}); .ci/run installs it, so CI always runs this.
 */
class ReportBrowserTest {

    static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void pageLoadsWithoutConsoleMessagesAndRendersNonBlank(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        Path index = ReportWriter.write(ReportWriterTest.parbenchRun(), dir.resolve("report"));
        Path shot = dir.resolve("shot.png");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--screenshot=" + shot, "--window-size=1280,2400", index.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 120 s");
        String log = Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        List<String> console = log.lines().filter(l -> l.contains("CONSOLE")).toList();
        assertEquals(List.of(), console, "the page wrote to the console");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1280, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
    }

    @Test
    void theBrowserSeesHoverTextsAndLinksBetweenRowsAndPoints(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        Path index = ReportWriter.write(HoverAndLinkTest.foreignWide(), dir.resolve("report"));
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", index.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile()).redirectOutput(dir.resolve("dom.html").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 120 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8));
        String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
        // StringBench.concat: 700 ops/ms over 3 forks, as an SVG <title> on its bar
        Matcher bar = Pattern.compile("<a class=\"pb-pt\" id=\"([^\"]+)\"[^>]*href=\"#([^\"]+)\"[^>]*><rect[^>]*>"
                + "<title>StringBench.concat\nscore: 70\\d(\\.\\d+)?\n95% interval: \\[[^\\]]+\\]\n3 forks\n")
                .matcher(dom);
        assertTrue(bar.find(), "no hover text with value, interval and forks for StringBench.concat");
        String row = bar.group(2);
        assertTrue(Pattern.compile("<tr id=\"" + Pattern.quote(row) + "\"><td[^>]*>org.example.StringBench.concat "
                + "<a class=\"to-chart\" href=\"#" + Pattern.quote(bar.group(1)) + "\"").matcher(dom).find(),
                "the row does not link back to its bar");
        Matcher point = Pattern.compile("<circle[^>]*><title>impl=tree\nsize: 100000\nscore: 1\\.8\\d* ms")
                .matcher(dom);
        assertTrue(point.find(), "a point's hover text (time in its unit) is not in the DOM");
    }
}
