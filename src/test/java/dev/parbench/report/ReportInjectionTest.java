package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.analysis.Estimate;
import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import dev.parbench.results.JmhJsonReader;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Results and env.json written by someone hostile: every writer keeps their strings in their place. index.html has
 * no element, attribute or id from them, chart file names are slugs inside --out, every SVG and gate-junit.xml is
 * well-formed XML, summary.md and gate.md have no forged heading or line, summary.csv cells cannot run as formulas,
 * and the caps on bars, labels and charts hold.
 */
class ReportInjectionTest {
    static final String PAYLOAD = "\"><img src=x onerror=alert(1)>";
    /** A SumBench kernel: the payload, then a code-span and cell break-out, a forged heading, a CR and C0 controls. */
    static final String KERNEL = PAYLOAD + "`|x\n## forged\rcr\u0001\u0007\u001b";
    /** A VectorAddBench kernel: a spreadsheet formula that also tries to split its row. */
    static final String FORMULA = "=HYPERLINK(\"evil.example\",\"x\")\rsplit";
    /** A kernel that climbs out of --out when copied into a file name. */
    static final String CLIMB = "../../../climbed" + PAYLOAD;
    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9-]+");

    /** The parbench-run fixture with hostile kernels and a hostile env.json, in {@code dir}; returns results.json. */
    static Path hostileRun(Path dir, String sumKernel) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(ReportWriterTest.resource("/jmh/parbench-run/results.json").toFile());
        for (JsonNode r : results) {
            ObjectNode params = (ObjectNode) r.get("params");
            String bench = r.get("benchmark").asText();
            if (params != null && params.has("kernel")) {
                params.put("kernel", bench.contains("SumBench") ? sumKernel : FORMULA);
            }
        }
        ObjectNode env = (ObjectNode) json.readTree(ReportWriterTest.resource("/jmh/parbench-run/env.json").toFile());
        ((ObjectNode) env.get("cpu")).put("model", "EPYC\n## forged machine heading\n<img src=x onerror=alert(2)>");
        ((ObjectNode) env.get("os")).put("name", "Linux`|\r\n# forged title\u0001");
        Files.createDirectories(dir);
        json.writeValue(dir.resolve("results.json").toFile(), results);
        json.writeValue(dir.resolve("env.json").toFile(), env);
        return dir.resolve("results.json");
    }

    static Analysis hostileAnalysis(Path dir) throws Exception {
        return hostileAnalysis(dir, KERNEL);
    }

    static Analysis hostileAnalysis(Path dir, String sumKernel) throws Exception {
        return new Analyzer().analyze(JmhJsonReader.read(List.of(hostileRun(dir, sumKernel))));
    }

    @Test
    void indexHtmlHasNoMarkupIdOrFileNameFromTheResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Path index = ReportWriter.write(hostileAnalysis(dir.resolve("in"), KERNEL + CLIMB), out);
        String html = Files.readString(index);
        assertFalse(html.contains("<img"), "an <img> element from the results is in index.html");
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html); // > is always &gt; inside a value
        while (tag.find()) { // outside its quoted values, no tag has an event handler or a stray quote
            String names = tag.group().replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(names.contains("onerror") || names.contains("onload"), "an event handler: " + tag.group());
        }
        assertNoControlChars(html, "index.html");
        Matcher attr = Pattern.compile("\\s(id|href)=\"([^\"]*)\"").matcher(html);
        int ids = 0;
        while (attr.find()) {
            String v = attr.group(2).startsWith("#") ? attr.group(2).substring(1) : attr.group(2);
            v = v.endsWith(".png") || v.endsWith(".svg") ? v.substring(0, v.length() - 4) : v;
            assertTrue(SAFE_ID.matcher(v).matches(), "an id or href is not a slug: " + attr.group());
            ids++;
        }
        assertTrue(ids > 20, "too few ids and links checked: " + ids);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("in", "report"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "something was written next to --out");
        }
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            assertEquals(out, f.getParent(), f + " is not directly in --out");
            assertTrue(f.getFileName().toString().matches("[a-z0-9-]+\\.(png|svg|html|md|csv)")
                    || f.getFileName().toString().equals(OutFolder.MARKER), "file name " + f);
            if (f.toString().endsWith(".svg")) {
                String svg = Files.readString(f);
                assertFalse(svg.contains("<img"), f + " holds an <img>");
                parseXml(svg); // well-formed, control characters and all
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".svg")), "no chart was written");
    }

    @Test
    void summaryMarkdownHasNoForgedLineHeadingOrHtml(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(hostileAnalysis(dir.resolve("in")), dir.resolve("report"));
        String md = Files.readString(index.resolveSibling("summary.md"));
        assertFalse(md.contains("<img"), "raw HTML in summary.md");
        assertFalse(md.contains("\r"), "a CR in summary.md");
        for (String line : md.split("\n")) {
            assertFalse(line.matches("(#+ )?(forged|<img|cr).*"), "a line of summary.md starts at a forged value: "
                    + line);
        }
        assertNoControlChars(md, "summary.md");
        // the payload is there, escaped, on its heading's line
        assertTrue(md.lines().anyMatch(l -> l.startsWith("#") && l.contains("EPYC") && l.contains("forged machine")));
    }

    @Test
    void summaryCsvCellsAreQuotedAndCannotRunAsFormulas(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(hostileAnalysis(dir.resolve("in")), dir.resolve("report"));
        String csv = Files.readString(index.resolveSibling("summary.csv"));
        List<List<String>> rows = parseCsv(csv);
        int columns = TextSummaries.CSV_HEADER.size();
        int formulas = 0;
        for (List<String> row : rows) {
            assertEquals(columns, row.size(), "a row with a different number of cells: " + row);
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0, "a formula cell: " + cell);
                assertFalse(cell.startsWith("-") && !cell.matches("-[0-9.eE+-]+"), "a formula cell: " + cell);
                formulas += cell.startsWith("'=HYPERLINK") ? 1 : 0;
            }
        }
        assertTrue(formulas > 0, "the formula kernel did not reach the CSV at all");
        for (String line : csv.split("\n", -1)) { // a CR splits nothing: every physical line break is in quotes or ends a row
            assertFalse(line.startsWith("split") || line.startsWith("cr"), "a row split by a CR: " + line);
        }
    }

    static BenchmarkVerdict verdict(String key, Verdict v) {
        return new BenchmarkVerdict(key, 10, 10, 100, 120, 1.2, 1.1, 1.3, 0.001, 0.01, 0.9, 1, v,
                "reason with " + PAYLOAD + " | and\n## forged reason", GateForestTest.TEN);
    }

    static GateResult hostileGate() {
        String k = "dev.parbench.bench.SumBench.parallel [kernel=" + KERNEL + ", size=1024, strategy=executor]";
        return new GateResult("mode " + PAYLOAD, List.of("note\n## forged note"), List.of(
                verdict(k, Verdict.REGRESSION), verdict(k + "x", Verdict.INCONCLUSIVE), verdict("``a`` b", Verdict.PASS)),
                false);
    }

    @Test
    void gateMarkdownKeepsKeysInTheirCellsAndCodeSpans() {
        String md = GateReport.markdown(hostileGate());
        // outside code spans (where < is shown as is) no raw HTML
        assertFalse(md.replaceAll("(`+) .*? \\1", "").contains("<img"), "raw HTML in gate.md:\n" + md);
        assertFalse(md.contains("\r"), "a CR in gate.md");
        assertNoControlChars(md, "gate.md");
        long headings = md.lines().filter(l -> l.startsWith("#")).count();
        // gate, regressions, past the threshold, every benchmark in full
        assertEquals(4, headings, "a forged heading in gate.md:\n" + md);
        int keys = 0;
        for (String line : md.split("\n")) {
            assertFalse(line.startsWith("## forged") || line.startsWith("forged"), line);
            if (line.startsWith("| ")) {
                assertEquals(6, unescapedPipes(line), "a | broke out of its cell: " + line);
            }
            if (line.contains("SumBench")) {
                // the key's code span opens with a fence longer than any backtick run in the key, and closes with it
                assertTrue(line.matches("\\d+\\. .*: `` dev\\.parbench\\.bench\\.SumBench\\.parallel .* `` — .*"),
                        "key not in one code span: " + line);
                keys++;
            }
        }
        assertEquals(2, keys, "each SumBench key once, in full below the table:\n" + md);
    }

    @Test
    void gateJunitIsWellFormedAndKeepsTheKey() throws Exception {
        String xml = GateReport.junit(hostileGate());
        Element suite = parseXml(xml).getDocumentElement();
        Element first = (Element) suite.getElementsByTagName("testcase").item(0);
        String name = first.getAttribute("name");
        assertTrue(name.contains(PAYLOAD), "the key did not survive as text: " + name);
        assertTrue(name.contains("`|x\n## forged\rcr"), "tab, LF and CR should round-trip in the attribute: " + name);
        assertFalse(name.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'), "a control character: " + name);
    }

    @Test
    void aBarChartOfTwentyThousandBarsIsCappedAndSaysSo() {
        List<ChartSpec.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            bars.add(new ChartSpec.Bar("bench-" + i, i + 1, Double.NaN, Double.NaN, Color.BLUE));
        }
        ChartSpec.Bars chart = new ChartSpec.Bars("many", "Many", "where", "score", bars, List.of());
        assertTrue(ChartRenderer.size(chart).height < 5_000, "height " + ChartRenderer.size(chart).height);
        assertTrue(chart.subtitle().contains("showing the first 100 of 20000 bars"), chart.subtitle());
    }

    @Test
    void aTwoHundredThousandCharacterLabelWrapsQuicklyIntoAFewLines() {
        String name = "x".repeat(100_000) + " " + "y.".repeat(50_000);
        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ChartRenderer.wrap(name, ChartRenderer.CATEGORY, ChartRenderer.MAX_LABEL_WIDTH));
        assertTrue(lines.size() <= 6, lines.size() + " lines");
        ChartSpec.Bar bar = new ChartSpec.Bar(name, 1, Double.NaN, Double.NaN, Color.BLUE);
        assertTrue(bar.category().length() <= 120 && bar.category().contains("…"), bar.category().length() + "");
    }

    @Test
    void aPageOfManyForeignBenchmarksDrawsAtMostSixtyChartsAndSaysSo() {
        List<Analysis.ForeignResult> results = new ArrayList<>();
        for (int b = 0; b < 100; b++) {
            for (int v = 1; v <= 2; v++) {
                results.add(new Analysis.ForeignResult("org.example.Bench" + b + ".run", "thrpt", "ops/s",
                        java.util.Map.of("n", "" + v), new Estimate(v, v, v, 1), true, java.util.Map.of()));
            }
        }
        ReportView.Section s = ForeignView.sections(results, "here").get(0);
        assertEquals(60, s.charts().size());
        assertTrue(s.summary().stream().anyMatch(l -> l.contains("showing the first 60 of 100")), s.summary().toString());
        assertEquals(200, s.tables().get(0).rows().size(), "the table keeps every result");
    }

    // ---------------------------------------------------------------- helpers

    static org.w3c.dom.Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertNoControlChars(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertFalse((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F),
                    what + " holds control character U+" + Integer.toHexString(c) + " at " + i);
        }
    }

    private static int unescapedPipes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            n += line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\') ? 1 : 0;
        }
        return n;
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes, CR and LF; rows end at an unquoted LF. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                assertFalse(c == '\r', "a bare CR outside quotes");
                cell.append(c);
            }
        }
        return rows;
    }
}
