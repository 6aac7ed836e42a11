package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.cli.Main;
import dev.parbench.results.JmhJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report A B --compare} on two synthetic runs made from the recorded one: on "laptop" executor is made 5x
 * faster at sum 256k, on "server" fork-join is, and one configuration exists on the laptop only.
 */
class MachineComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recorded run with the chosen records' times scaled by {@code factor} and the dropped ones removed. */
    static Path variant(Path dir, String name, Predicate<JsonNode> faster, double factor, Predicate<JsonNode> drop)
            throws Exception {
        ArrayNode records = (ArrayNode) JSON.readTree(ReportWriterTest.resource("/jmh/parbench-run/results.json")
                .toFile());
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode r : records) {
            if (drop.test(r)) {
                continue;
            }
            if (faster.test(r)) {
                scale((ObjectNode) r.get("primaryMetric"), factor);
            }
            out.add(r);
        }
        Path run = Files.createDirectories(dir.resolve(name));
        JSON.writeValue(run.resolve("results.json").toFile(), out);
        return run;
    }

    private static void scale(ObjectNode m, double f) {
        m.put("score", m.get("score").asDouble() * f);
        m.put("scoreError", m.get("scoreError").asDouble() * f);
        ArrayNode conf = (ArrayNode) m.get("scoreConfidence");
        for (int i = 0; i < conf.size(); i++) {
            conf.set(i, DoubleNode.valueOf(conf.get(i).asDouble() * f));
        }
        ObjectNode pct = (ObjectNode) m.get("scorePercentiles");
        pct.fieldNames().forEachRemaining(k -> pct.put(k, pct.get(k).asDouble() * f));
        for (JsonNode fork : m.get("rawData")) {
            ArrayNode a = (ArrayNode) fork;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, DoubleNode.valueOf(a.get(i).asDouble() * f));
            }
        }
    }

    static Predicate<JsonNode> sum256k(String strategy) {
        return r -> r.get("benchmark").asText().endsWith("SumBench.parallel")
                && strategy.equals(r.at("/params/strategy").asText())
                && "2".equals(r.at("/params/parallelism").asText()) && "262144".equals(r.at("/params/size").asText());
    }

    static Predicate<JsonNode> onlyOnLaptop() {
        return r -> r.get("benchmark").asText().endsWith("VectorAddBench.parallel")
                && "virtual-threads".equals(r.at("/params/strategy").asText())
                && "1".equals(r.at("/params/parallelism").asText()) && "4096".equals(r.at("/params/size").asText());
    }

    static Analysis analyze(Path run) {
        return new Analyzer().analyze(JmhJsonReader.read(List.of(run.resolve("results.json"))));
    }

    @Test
    void pairedSpeedupsEachWithinItsOwnRun(@TempDir Path dir) throws Exception {
        Path laptop = variant(dir, "laptop", sum256k("executor"), 0.2, r -> false);
        Path server = variant(dir, "server", sum256k("fork-join"), 0.2, onlyOnLaptop());
        Analysis a = analyze(laptop);
        Analysis b = analyze(server);
        ReportView v = MachineComparison.view(new MachineComparison.Run("laptop", a),
                new MachineComparison.Run("server", b));

        // every bar is its own run's speedup (that run's sequential over that run's model), never a cross ratio
        Analysis.Point pa = a.workloads().stream().filter(w -> w.workload().equals("sum")).findFirst().orElseThrow()
                .point("executor", 2, 262144).orElseThrow();
        Analysis.Point pb = b.workloads().stream().filter(w -> w.workload().equals("sum")).findFirst().orElseThrow()
                .point("executor", 2, 262144).orElseThrow();
        ChartSpec.Bars chart = (ChartSpec.Bars) v.sections().stream().flatMap(s -> s.charts().stream())
                .filter(c -> c.name().startsWith("sum") && c.name().endsWith("-262144-compare")).findFirst()
                .orElseThrow(() -> new AssertionError(v.sections().stream().flatMap(s -> s.charts().stream())
                        .map(ChartSpec::name).toList().toString()));
        ChartSpec.Bar barA = chart.bars().stream().filter(x -> x.category().equals("executor p=2 · laptop"))
                .findFirst().orElseThrow();
        ChartSpec.Bar barB = chart.bars().stream().filter(x -> x.category().equals("executor p=2 · server"))
                .findFirst().orElseThrow();
        assertEquals(pa.speedup().point(), barA.value(), 1e-12);
        assertEquals(pb.speedup().point(), barB.value(), 1e-12);
        assertEquals(pa.speedup().point() / pb.speedup().point(), 5, 1e-6,
                "the laptop's executor is 5x faster against the same sequential time");
        for (int i = 0; i < chart.bars().size(); i += 2) { // two bars per configuration, side by side
            String first = chart.bars().get(i).category();
            String second = chart.bars().get(i + 1).category();
            assertEquals(first.replace(" · laptop", ""), second.replace(" · server", ""), "paired: " + first);
        }

        // the sentence where the choice differs
        List<String> differ = MachineComparison.differing(v);
        assertTrue(differ.stream().anyMatch(s -> s.startsWith("sum") && s.contains(" at 256k: on laptop use executor")
                && s.contains("on server use fork-join")), String.valueOf(differ));

        // a configuration of one run only is listed, not dropped
        ReportView.Table only = v.sections().get(0).tables().stream().filter(t -> t.id().equals("compare-one-run"))
                .findFirst().orElseThrow();
        assertEquals(1, only.rows().size());
        assertEquals(List.of("vector-add (simd kernel)", "4k", "virtual-threads", "1", "laptop"),
                only.rows().get(0).subList(0, 5).stream().map(ReportView.Cell::text).toList());
    }

    @Test
    void commandWritesThePageAndRejectsOtherCounts(@TempDir Path dir) throws Exception {
        Path laptop = variant(dir, "laptop", sum256k("executor"), 0.2, r -> false);
        Path server = variant(dir, "server", sum256k("fork-join"), 0.2, onlyOnLaptop());
        Path out = dir.resolve("cmp");
        assertEquals(0, Main.execute("report", laptop.toString(), server.resolve("results.json").toString(),
                "--compare", "--out", out.toString()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("laptop vs server"), "title");
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("sum") && n.endsWith("-262144-compare.png")),
                    names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("sum") && n.endsWith("-262144-compare.svg")),
                    names.toString());
        }
        assertEquals(2, Main.execute("report", laptop.toString(), "--compare", "--out", dir.resolve("x").toString()));
        assertEquals(2, Main.execute("report", laptop.toString(), server.toString(), laptop.toString(), "--compare",
                "--out", dir.resolve("x").toString()));
        assertEquals(2, Main.execute("report", laptop.toString(), dir.resolve("nowhere").toString(), "--compare",
                "--out", dir.resolve("x").toString()));
    }
}
