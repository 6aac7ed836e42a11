package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} over synthetic stored runs: a planted step in one benchmark is found at its run, nothing else. */
class HistoryCommandTest {
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

    /** 12 runs of the recorded result, each value jittered by 1%; MonteCarloBench fork-join 262144 20% slower from run 7. */
    private Path runs() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Path src = Path.of(getClass().getResource("/jmh/parbench-run/results.json").toURI());
        Path results = Files.createDirectories(dir.resolve("results"));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            ArrayNode root = (ArrayNode) m.readTree(src.toFile());
            ArrayNode kept = m.createArrayNode();
            for (JsonNode r : root) {
                if (!r.get("benchmark").asText().contains("MonteCarloBench")) {
                    continue;
                }
                boolean target = "fork-join".equals(r.path("params").path("strategy").asText())
                        && "262144".equals(r.path("params").path("size").asText())
                        && r.get("benchmark").asText().endsWith("parallel");
                double f = (target && i >= 7) ? 1.2 : 1.0;
                for (JsonNode fork : r.get("primaryMetric").get("rawData")) {
                    ArrayNode a = (ArrayNode) fork;
                    double jitter = 1 + 0.01 * (rnd.nextDouble() - 0.5);
                    for (int k = 0; k < a.size(); k++) {
                        a.set(k, a.get(k).asDouble() * f * jitter);
                    }
                }
                kept.add(r);
            }
            Path run = Files.createDirectories(results.resolve(String.format("2026-11-%02dT10-00-00", i + 1)));
            m.writeValue(run.resolve("results.json").toFile(), kept);
            ObjectNode env = m.createObjectNode();
            env.put("date", String.format("2026-11-%02dT10:00:00Z", i + 1));
            env.putObject("git").put("commit", String.format("%040x", i + 1)).put("dirty", false);
            env.put("host", "vm");
            m.writeValue(run.resolve("env.json").toFile(), env);
        }
        Files.createSymbolicLink(results.resolve("latest"), results.resolve("2026-11-12T10-00-00"));
        return results;
    }

    @Test
    void aPlantedStepIsFoundAtItsRunAndLeadsTheOutputs() throws Exception {
        Path results = runs();
        Path o = dir.resolve("h");
        assertEquals(0, Main.execute("history", results.toString(), "--out", o.toString(), "--max-charts", "3"),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("12 runs"), text);
        String md = Files.readString(o.resolve("history.md"));
        int changeSection = md.indexOf("## Change points");
        assertTrue(changeSection > 0, md);
        String table = md.substring(changeSection, md.indexOf("## Runs"));
        assertTrue(table.contains("random · fork-join · 256k"), table);
        assertTrue(table.contains("+20.0%") || table.contains("+19.") || table.contains("+20."), table);
        assertTrue(table.contains("2026-11-08"), table); // run 7 (0-based) is the 8th day
        // the step was planted at parallelism 1 and 2: exactly those two rows, nothing else
        assertEquals(2, table.lines().filter(l -> l.startsWith("| random")).count(), table);
        assertTrue(table.lines().filter(l -> l.startsWith("| random")).allMatch(l -> l.contains(
                "fork-join · 256k")), table);
        assertTrue(Files.size(o.resolve("history.html")) > 1000);
        assertTrue(Files.exists(o.resolve("history-0.png")) && Files.exists(o.resolve("history-0.svg")));
        assertTrue(!Files.exists(o.resolve("history-3.png")), "--max-charts ignored");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertEquals(2, Main.execute("history", dir.resolve("nope").toString()));
        assertEquals(2, Main.execute("history", dir.toString()));
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.lines().allMatch(l -> l.startsWith("parbench: ")), line);
    }
}
