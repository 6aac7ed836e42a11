package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored-mode gate on real recorded results: exit codes, outputs, bad input, an untouched baseline. */
class GateCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;
    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    Path run() throws Exception {
        return Path.of(getClass().getResource("/jmh/parbench-run/results.json").toURI());
    }

    /** A copy of the run with one benchmark (matching {@code benchmark} and {@code strategy}) slowed by a factor. */
    Path slowed(String benchmark, String strategy, double factor) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ArrayNode root = (ArrayNode) m.readTree(run().toFile());
        for (JsonNode r : root) {
            if (r.get("benchmark").asText().endsWith(benchmark) && strategy.equals(r.path("params").path("strategy")
                    .asText()) && "262144".equals(r.path("params").path("size").asText())) {
                for (JsonNode fork : r.get("primaryMetric").get("rawData")) {
                    ArrayNode f = (ArrayNode) fork;
                    for (int i = 0; i < f.size(); i++) {
                        f.set(i, f.get(i).asDouble() * factor);
                    }
                }
                ((ObjectNode) r.get("primaryMetric")).put("score", r.get("primaryMetric").get("score").asDouble()
                        * factor);
            }
        }
        Path p = dir.resolve("cand-" + factor + ".json");
        m.writeValue(p.toFile(), root);
        return p;
    }

    @Test
    void sameRunPassesAndWritesEveryOutput() throws Exception {
        Path gateOut = dir.resolve("gate");
        int code = Main.execute("gate", "--baseline", run().toString(), "--candidate", run().toString(), "--out",
                gateOut.toString(), "--config", dir.resolve("none.json").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        // two forks per side: unpaired Mann-Whitney can never reach alpha after Holm -> inconclusive, honestly
        assertEquals(3, code, text);
        assertTrue(text.contains("Raw times were NOT gated"), text);
        for (String f : new String[] {"gate.md", "gate-junit.xml", "gate.json", "gate.html", "gate-ratio.png",
            "gate-ratio.svg"}) {
            assertTrue(Files.size(gateOut.resolve(f)) > 100, f);
        }
        assertEquals(0, Main.execute("gate", "--baseline", run().toString(), "--candidate", run().toString(),
                "--inconclusive-ok", "--config", dir.resolve("none.json").toString()));
        JsonNode json = new ObjectMapper().readTree(gateOut.resolve("gate.json").toFile());
        assertEquals("INCONCLUSIVE", json.get("overall").asText());
        String junit = Files.readString(gateOut.resolve("gate-junit.xml"));
        assertTrue(junit.contains("<skipped"), junit.substring(0, Math.min(400, junit.length())));
    }

    @Test
    void badInputIsExitTwoWithOneLineAndTheBaselineIsUntouched() throws Exception {
        Path base = dir.resolve("base.json");
        Files.copy(run(), base);
        byte[] before = Files.readAllBytes(base);
        Path truncated = Path.of(getClass().getResource("/jmh/truncated.json").toURI());
        Path foreign = Path.of(getClass().getResource("/jmh/foreign-old.json").toURI());
        String[][] bad = {
            {"gate", "--baseline", base.toString(), "--candidate", truncated.toString()},
            {"gate", "--baseline", truncated.toString(), "--candidate", base.toString()},
            {"gate", "--baseline", base.toString(), "--candidate", foreign.toString()},   // benchmarks missing
            {"gate", "--baseline", base.toString(), "--candidate", dir.resolve("nope.json").toString()},
            {"gate", "--baseline", base.toString(), "--candidate", base.toString(), "--reference", "NoSuchBench"},
            {"gate", "--baseline", base.toString()},
        };
        for (String[] args : bad) {
            err.reset();
            assertEquals(2, Main.execute(args), String.join(" ", args));
            String line = err.toString(StandardCharsets.UTF_8).strip();
            assertTrue(line.startsWith("parbench: ") && !line.contains("\n"), line);
        }
        assertArrayEquals(before, Files.readAllBytes(base), "the baseline file was modified");
    }

    @Test
    void compareAgainstAnUnknownGitRefIsExitTwo() {
        err.reset();
        assertEquals(2, Main.execute("compare", "--against", "no-such-ref-1f2e3d", "--repo", ".", "--candidate-jar",
                "pom.xml", "--config", dir.resolve("none.json").toString(), "--rounds", "2"));
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("parbench: unknown git ref 'no-such-ref-1f2e3d'") && !line.contains("\n"), line);
        err.reset();
        assertEquals(2, Main.execute("compare", "--candidate-jar", "pom.xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--against"), err.toString());
    }

    @Test
    void mismatchedParamsAreNamed() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ArrayNode root = (ArrayNode) m.readTree(run().toFile());
        ((ObjectNode) root.get(0).get("params")).put("size", "999");
        Path cand = dir.resolve("mismatch.json");
        m.writeValue(cand.toFile(), root);
        assertEquals(2, Main.execute("gate", "--baseline", run().toString(), "--candidate", cand.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mismatched params"), err.toString());
    }

    @Test
    void rawTimesOnAClearSlowdownOfOneBenchmark() throws Exception {
        // the recorded run has 2 forks per side: no rank test over 30+ benchmarks can reach alpha -> inconclusive;
        // the ratio is still measured and reported
        Path cand = slowed("MonteCarloBench.parallel", "fork-join", 1.5);
        Main.execute("gate", "--baseline", run().toString(), "--candidate", cand.toString(), "--raw-times",
                "--out", dir.resolve("g").toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("g/gate.json").toFile());
        boolean found = false;
        for (JsonNode b : json.get("benchmarks")) {
            if (b.get("benchmark").asText().contains("MonteCarloBench.parallel") && b.get("benchmark").asText()
                    .contains("strategy=fork-join") && b.get("benchmark").asText().contains("size=262144")) {
                assertEquals(1.5, b.get("ratio").asDouble(), 0.02);
                found = true;
            }
        }
        assertTrue(found);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Raw times were NOT gated"));
    }

    @Test
    void aUnitOrModeChangeIsOneLineAndExitTwoNotAThousandfoldRegression() throws Exception {
        ObjectMapper m = new ObjectMapper();
        for (String[] change : new String[][] {{"scoreUnit", "ms/op"}, {"mode", "thrpt"}}) {
            ArrayNode root = (ArrayNode) m.readTree(run().toFile());
            if (change[0].equals("mode")) {
                ((ObjectNode) root.get(0)).put("mode", "thrpt");
                ((ObjectNode) root.get(0).get("primaryMetric")).put("scoreUnit", "ops/us");
            } else {
                ((ObjectNode) root.get(0).get("primaryMetric")).put("scoreUnit", "ms/op");
            }
            Path cand = dir.resolve("unit-" + change[1].replace('/', '-') + ".json");
            m.writeValue(cand.toFile(), root);
            err.reset();
            assertEquals(2, Main.execute("gate", "--baseline", run().toString(), "--candidate", cand.toString()));
            String line = err.toString(StandardCharsets.UTF_8).strip();
            assertTrue(line.startsWith("parbench: ") && !line.contains("\n") && line.contains("in the candidate"),
                    line);
        }
    }

    @Test
    void storedModeSaysUpFrontHowManyForksItNeeds() throws Exception {
        Main.execute("gate", "--baseline", run().toString(), "--candidate", run().toString(), "--config",
                dir.resolve("none.json").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.lines().findFirst().orElse("").contains("forks per side"), text);
        // 1 / C(2n, n) < 0.05 / m: 24 benchmarks need 6 forks per side (C(12,6) = 924 > 480; C(10,5) = 252 < 480)
        assertEquals(6, GateCommand.forksPerSide(24, 0.05));
        assertEquals(4, GateCommand.forksPerSide(1, 0.05)); // C(6,3) = 20: p 0.05 is not below 0.05
    }
}
