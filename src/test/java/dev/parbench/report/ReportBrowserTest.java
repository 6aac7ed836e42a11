package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * hover text and table rows and points link to each other; a report of hostile strings runs no script. Runs when Chromium is installed (Debian:
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

    /** The payload of the hostile report: issue 22's, with alert(1) made observable (the console shows it). */
    static final String SCRIPT_PAYLOAD = "\"><img src=x onerror=console.log('pwned')>";

    /**
     * A results.json (a foreign JMH project's and parbench's own) and an env.json whose every string field holds
     * {@link #SCRIPT_PAYLOAD}: parameter names and values, benchmark methods, units, every env.json text. The page
     * loads with no console message and no element from the payload in the DOM Chromium builds.
     */
    @Test
    void aReportOfHostileStringsRunsNoScript(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        Path in = Files.createDirectories(dir.resolve("in"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode all = json.createArrayNode();
        for (String fixture : List.of("/jmh/foreign-wide.json", "/jmh/parbench-run/results.json")) {
            for (com.fasterxml.jackson.databind.JsonNode r : json.readTree(ReportWriterTest.resource(fixture).toFile())) {
                all.add(hostile((com.fasterxml.jackson.databind.node.ObjectNode) r));
            }
        }
        json.writeValue(in.resolve("results.json").toFile(), all);
        json.writeValue(in.resolve("env.json").toFile(), hostileStrings(json.readTree(
                ReportWriterTest.resource("/jmh/parbench-run/env.json").toFile()), ""));
        Path index = ReportWriter.write(new dev.parbench.analysis.Analyzer().analyze(
                dev.parbench.results.JmhJsonReader.read(List.of(in.resolve("results.json")))), dir.resolve("report"));
        assertTrue(Files.readString(index).contains("pwned"), "the payload did not reach the page at all");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0", "--dump-dom",
                index.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile()).redirectOutput(dir.resolve("dom.html").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 120 s");
        String log = Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertEquals(List.of(), log.lines().filter(l -> l.contains("CONSOLE")).toList(), "the page wrote to the "
                + "console: a script ran or an image was loaded");
        String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
        assertFalse(dom.contains("<img"), "an <img> element from the results is in the DOM");
        assertEquals(1, dom.split("<script", -1).length - 1, "a <script> element from the results is in the DOM");
    }

    /**
     * One JMH result with its free strings replaced by the payload: a foreign benchmark's method, parameter names
     * and values, and its unit; parbench's parameter values but numbers and the strategy. The mode stays (the reader allows
     * only JMH's four).
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode hostile(
            com.fasterxml.jackson.databind.node.ObjectNode r) {
        String bench = r.get("benchmark").asText();
        boolean ours = bench.startsWith("dev.parbench.");
        if (!ours) { // parbench's own benchmarks keep their names, or they would not be parbench's
            r.put("benchmark", bench.substring(0, bench.lastIndexOf('.') + 1) + SCRIPT_PAYLOAD);
        }
        com.fasterxml.jackson.databind.JsonNode params = r.get("params");
        if (params != null) {
            com.fasterxml.jackson.databind.node.ObjectNode p = r.putObject("params");
            int i = 0;
            for (java.util.Iterator<String> it = params.fieldNames(); it.hasNext(); i++) {
                String k = it.next();
                // the analysis needs the numbers and the model's id (a closed set, as the mode)
                boolean keep = params.get(k).asText().matches("-?[0-9.]+") || ours && k.equals("strategy");
                p.put(ours ? k : SCRIPT_PAYLOAD + i, keep ? params.get(k).asText() : SCRIPT_PAYLOAD + i);
            }
        }
        if (!ours) { // parbench's own keep their time unit: the analysis reads it
            ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("primaryMetric")).put("scoreUnit", SCRIPT_PAYLOAD);
        }
        return r;
    }

    /** A JSON tree with every string value replaced by the payload. */
    private static com.fasterxml.jackson.databind.JsonNode hostileStrings(com.fasterxml.jackson.databind.JsonNode n,
            String path) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                com.fasterxml.jackson.databind.JsonNode v = o.get(k);
                o.set(k, v.isTextual() ? o.textNode(SCRIPT_PAYLOAD) : hostileStrings(v, path + "." + k));
            }
        } else if (n instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, a.get(i).isTextual() ? a.textNode(SCRIPT_PAYLOAD) : hostileStrings(a.get(i), path));
            }
        }
        return n;
    }
}
