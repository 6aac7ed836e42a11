package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.ResultsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fuzzes results.json and env.json through read, analyse and every report writer ({@link ReportWriter#write} into a
 * temporary folder, and gate.md and gate-junit.xml from the same names). A finding is: any exception but
 * {@link ResultsFormatException} (the one-line input error); a file written anywhere but directly in --out, or under
 * a name that is not a slug; an SVG or gate-junit.xml that is not well-formed XML; a control character, an element
 * or an attribute from the input in index.html, an SVG or the XML; a forged line or raw HTML in summary.md or gate.md;
 * a CSV row with a different number of cells or a cell a spreadsheet would run.
 *
 * <p>The generator writes JMH's shape with well-typed fields (the reader's own refusals of wrong types are tested
 * with the reader), sometimes with parbench's round marks ({@code rounds}, {@code forkStarted}), and puts fuzzed text, mixed with known attack strings, into every free-text field: benchmark and
 * method names, parameter names and values, units, and every string of env.json.
 *
 * <p>{@code mvn verify} fuzzes it for 30 s (surefire sets JAZZER_FUZZ=1 for {@code *FuzzTest}); a plain test run
 * replays the seed corpus only. Each run renders the charts as PNG too, so 30 s is a few dozen inputs. To fuzz longer,
 * set Jazzer's own bound, which overrides {@code maxDuration} (the forked test JVM inherits the environment):
 * {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=30m ./mvnw -o test -Dtest=ReportFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Jazzer prints a finding's input and how to keep it as a regression
 * seed (a file under {@code src/test/resources/dev/parbench/report/ReportFuzzTestInputs/}).
 */
class ReportFuzzTest {
    private static final String[] ATTACKS = {ReportInjectionTest.PAYLOAD, "`", "|", "\n## FORGED\n", "\r",
        "=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\u0000\u0001\u001b\u007f\u0085", "\uD800", "../../", "/",
        "&lt;", "<script>", "'", "\"", ",", "\t", "\u2028", "#", "*", "[x](y)"};
    private static final String[] PARBENCH = {"dev.parbench.bench.SumBench.parallel",
        "dev.parbench.bench.SumBench.sequential", "dev.parbench.bench.VectorAddBench.parallel",
        "dev.parbench.bench.VectorAddBench.sequential", "dev.parbench.bench.MonteCarloBench.parallel",
        "dev.parbench.bench.ReferenceBench.stream"};
    private static final String[] MODES = {"avgt", "thrpt", "sample", "ss"};
    private static final String[] UNITS = {"us/op", "ns/op", "ms/op", "ops/s", "ops/ms"};
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern WELL_FORMED_TAG = Pattern.compile(
            "<[a-zA-Z][a-zA-Z0-9:-]*(\\s+[a-zA-Z_:][a-zA-Z0-9_:.-]*(=\"\")?)*\\s*/?>");

    @FuzzTest(maxDuration = "30s")
    void anyResultsGoThroughEveryWriterSafely(FuzzedDataProvider data) throws Exception {
        Path root = Files.createTempDirectory("parbench-fuzz-");
        try {
            Path in = Files.createDirectory(root.resolve("in"));
            ObjectMapper json = new ObjectMapper();
            json.writeValue(in.resolve("results.json").toFile(), results(data));
            json.writeValue(in.resolve("env.json").toFile(), env(data));
            Analysis a;
            try {
                a = new Analyzer().analyze(JmhJsonReader.read(List.of(in.resolve("results.json"))));
            } catch (ResultsFormatException refused) {
                return; // the one-line input error
            }
            Path out = root.resolve("out");
            ReportWriter.write(a, out);
            checkOutputs(root, out);
            checkGate(a);
        } finally {
            ReportWriter.deleteTree(root);
        }
    }

    private static String text(FuzzedDataProvider d) {
        StringBuilder s = new StringBuilder(d.consumeString(12));
        int attacks = d.consumeInt(0, 3);
        for (int i = 0; i < attacks; i++) {
            s.append(d.pickValue(ATTACKS)).append(d.consumeString(6));
        }
        return s.toString();
    }

    private static ArrayNode results(FuzzedDataProvider d) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        int n = d.consumeInt(1, 8);
        for (int i = 0; i < n; i++) {
            ObjectNode r = arr.addObject();
            boolean ours = d.consumeBoolean();
            r.put("benchmark", ours ? d.pickValue(PARBENCH) : "org." + text(d) + "." + text(d));
            r.put("mode", d.pickValue(MODES));
            r.put("forks", d.consumeInt(1, 3));
            ObjectNode params = r.putObject("params");
            if (ours) {
                params.put("strategy", d.consumeBoolean() ? d.pickValue(new String[] {"executor", "fork-join"})
                        : text(d));
                params.put("parallelism", String.valueOf(d.consumeInt(1, 4)));
                params.put("size", String.valueOf(1 << d.consumeInt(10, 14)));
                params.put("kernel", text(d));
            } else {
                int k = d.consumeInt(0, 3);
                for (int j = 0; j < k; j++) {
                    params.put(text(d), d.consumeBoolean() ? String.valueOf(d.consumeInt(1, 64)) : text(d));
                }
            }
            ObjectNode m = r.putObject("primaryMetric");
            double score = d.consumeRegularDouble(1e-3, 1e6);
            m.put("score", score);
            m.put("scoreUnit", d.consumeBoolean() ? d.pickValue(UNITS) : text(d));
            ArrayNode raw = m.putArray("rawData");
            int forks = d.consumeInt(1, 3);
            for (int f = 0; f < forks; f++) {
                ArrayNode fork = raw.addArray();
                int its = d.consumeInt(1, 3);
                for (int it = 0; it < its; it++) {
                    fork.add(d.consumeRegularDouble(1e-3, 1e6));
                }
            }
            r.putObject("secondaryMetrics");
            if (d.consumeBoolean()) { // run's marks when it measures in rounds: one round and start time per fork
                ArrayNode rounds = r.putArray("rounds");
                ArrayNode started = r.putArray("forkStarted");
                for (int f = 0; f < forks; f++) {
                    rounds.add(d.consumeInt(1, 3));
                    started.add(d.consumeLong(0, 1L << 42));
                }
            }
        }
        return arr;
    }

    private static ObjectNode env(FuzzedDataProvider d) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.put("date", text(d));
        env.putObject("git").put("commit", text(d));
        env.putObject("cpu").put("model", text(d)).put("cores", d.consumeInt(1, 64));
        env.put("memoryBytes", d.consumeLong(0, 1L << 40));
        env.putObject("os").put("name", text(d)).put("version", text(d));
        env.putObject("jdk").put("version", text(d)).put("vendor", text(d));
        env.putObject("run").put("profile", text(d)).put("forks", d.consumeInt(1, 9));
        return env;
    }

    private static void checkOutputs(Path root, Path out) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of("in", "out"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "a file or folder written next to --out");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> !p.equals(out)).toList();
        }
        for (Path f : files) {
            assertEquals(out, f.getParent(), f + " is not directly in --out");
            String name = f.getFileName().toString();
            assertTrue(name.matches("[a-z0-9-]{1,64}\\.(png|svg|html|md|csv)") || name.equals(OutFolder.MARKER),
                    "file name not a slug: " + name);
            String body = name.endsWith(".png") ? "" : Files.readString(f);
            if (name.endsWith(".svg")) {
                ReportInjectionTest.parseXml(body);
                checkMarkup(body, name);
            } else if (name.endsWith(".html")) {
                checkMarkup(body, name);
            } else if (name.endsWith(".md")) {
                checkMarkdown(body, name);
            } else if (name.endsWith(".csv")) {
                checkCsv(body);
            }
        }
    }

    /** No control character, and every tag is ours: after blanking quoted values only names and ="" remain. */
    private static void checkMarkup(String body, String name) {
        ReportInjectionTest.assertNoControlChars(body, name);
        Matcher tag = TAG.matcher(body);
        while (tag.find()) {
            // values are quoted with " (ours) or ' (JFreeSVG's); a raw quote of either kind inside is escaped
            String blank = tag.group().replaceAll("\"[^\"]*\"", "\"\"").replaceAll("'[^']*'", "\"\"");
            assertTrue(WELL_FORMED_TAG.matcher(blank).matches(), name + ": a tag broken by a value: " + tag.group());
            assertFalse(blank.matches("(?s).*\\son[a-z]+=.*"), name + ": an event handler: " + tag.group());
        }
        assertFalse(body.contains("<img"), name + " holds an <img>");
        assertEquals(name.endsWith(".html") ? 1 : 0, count(body, "<script"), name + ": a <script> from the input");
    }

    private static void checkMarkdown(String md, String name) {
        ReportInjectionTest.assertNoControlChars(md, name);
        assertFalse(md.replaceAll("(`+) .*? \\1", "").contains("<"), name + " holds raw HTML");
        assertFalse(md.lines().anyMatch(l -> l.matches("(#+ )?FORGED.*")), name + " has a forged line");
    }

    private static void checkCsv(String csv) {
        int columns = -1;
        for (List<String> row : ReportInjectionTest.parseCsv(csv)) {
            columns = columns < 0 ? row.size() : columns;
            assertEquals(columns, row.size(), "a CSV row with another number of cells: " + row);
            for (String c : row) {
                boolean formula = !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0;
                assertFalse(formula && !c.matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?"), "a formula cell: " + c);
            }
        }
    }

    private static void checkGate(Analysis a) throws Exception {
        List<BenchmarkVerdict> verdicts = new ArrayList<>();
        Verdict[] kinds = Verdict.values();
        int i = 0;
        for (Analysis.ForeignResult f : a.foreign()) {
            String key = f.benchmark() + " [" + String.join(", ", f.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()) + "]";
            verdicts.add(new BenchmarkVerdict(key, 3, 3, 1, 1.2, 1.2, 1.1, 1.3, 0.01, 0.02, 0.9, 1,
                    kinds[i++ % kinds.length], f.unit(), GateForestTest.TEN));
        }
        GateResult r = new GateResult("fuzz", List.of(), verdicts, false);
        String xml = GateReport.junit(r);
        ReportInjectionTest.parseXml(xml);
        ReportInjectionTest.assertNoControlChars(xml, "gate-junit.xml");
        checkMarkdown(GateReport.markdown(r), "gate.md");
    }

    private static int count(String s, String of) {
        int n = 0;
        for (int i = s.indexOf(of); i >= 0; i = s.indexOf(of, i + 1)) {
            n++;
        }
        return n;
    }
}
