package dev.parbench.cli;

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
        return runs(12, 7);
    }

    /**
     * {@code n} runs of the recorded MonteCarloBench results (2 forks each), each fork jittered by 1%; fork-join at
     * 262144 20% slower from run {@code at} on.
     */
    private Path runs(int n, int at) throws Exception {
        ObjectMapper m = new ObjectMapper();
        Path src = Path.of(getClass().getResource("/jmh/parbench-run/results.json").toURI());
        Path results = Files.createDirectories(dir.resolve("results"));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            ArrayNode root = (ArrayNode) m.readTree(src.toFile());
            ArrayNode kept = m.createArrayNode();
            for (JsonNode r : root) {
                if (!r.get("benchmark").asText().contains("MonteCarloBench")) {
                    continue;
                }
                boolean target = "fork-join".equals(r.path("params").path("strategy").asText())
                        && "262144".equals(r.path("params").path("size").asText())
                        && r.get("benchmark").asText().endsWith("parallel");
                double f = (target && i >= at) ? 1.2 : 1.0;
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
        Files.createSymbolicLink(results.resolve("latest"), results.resolve(String.format("2026-11-%02dT10-00-00",
                n)));
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
    void aTwentyPercentStepInSixRunsOfTwoForksIsFoundAtItsRun() throws Exception {
        // the permutation test over 6 run medians had only 20 splits and reported "0 with change points" here
        Path o = dir.resolve("h6");
        assertEquals(0, Main.execute("history", runs(6, 3).toString(), "--out", o.toString()),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("6 runs") && text.contains("with change points"), text);
        String md = Files.readString(o.resolve("history.md"));
        String table = md.substring(md.indexOf("## Change points"), md.indexOf("## Runs"));
        // p=1's two recorded forks agree within 1%: the step stands out. p=2's differ by 24% (474 and 587 us), so
        // 6 forks a side cannot separate a 20% step from them; whatever is found is that benchmark, at run 3
        assertTrue(table.contains("| random · fork-join · 256k · p=1 |"), table);
        assertTrue(table.lines().filter(l -> l.startsWith("| random")).allMatch(l -> l.contains(
                "fork-join · 256k") && l.contains("2026-11-04") && l.contains("worse")), table);
    }

    @Test
    void fiveRunsSayTheyAreTooFewInsteadOfNoChange() throws Exception {
        Path o = dir.resolve("h5");
        assertEquals(0, Main.execute("history", runs(5, 3).toString(), "--out", o.toString()),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("too few runs to find a change: need 6"), text);
        assertFalse(text.contains("0 with change points"), text);
        assertTrue(Files.readString(o.resolve("history.md")).contains("too few runs to find a change: need 6"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertEquals(2, Main.execute("history", dir.resolve("nope").toString()));
        assertEquals(2, Main.execute("history", dir.toString()));
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.lines().allMatch(l -> l.startsWith("parbench: ")), line);
    }
}
