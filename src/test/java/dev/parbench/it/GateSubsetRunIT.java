package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored mode that can decide: {@code run --gate-subset} on the built jar (a two-benchmark subset, tiny iterations)
 * says how many forks the stored gate needs and makes that many; {@code gate} on such a run (against itself) decides,
 * PASS (exit 0), instead of INCONCLUSIVE for too few forks (exit 3), and prints no "need more forks" line.
 */
class GateSubsetRunIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"));

    private static String java(Path dir, String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djmh.ignoreLock=true", "-cp", JAR.toString(), "dev.parbench.cli.Main"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), name + " did not finish");
        return p.exitValue() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void aGateSubsetRunHasTheForksTheStoredGateNeeds(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gate.json");
        Files.writeString(config, """
                {"compare": {"forks": 10, "warmupIterations": 1, "warmupMillis": 20, "iterations": 2,
                  "iterationMillis": 20, "reference": "dev\\\\.parbench\\\\.bench\\\\.ReferenceBench\\\\.lcg$",
                  "passes": [{"include": "dev\\\\.parbench\\\\.bench\\\\.CalibrationBench\\\\.sum$",
                              "params": {"planted": ["0", "5"], "copy": ["1"]}}]}}
                """);
        List<Path> runs = new ArrayList<>();
        for (String side : List.of("a")) { // one run, gated against itself: enough to show the gate can decide
            String out = java(dir, "run-" + side, "run", "--gate-subset", "--gate-config", config.toString(),
                    "--results-dir", dir.resolve(side).toString(), "--no-report");
            assertTrue(out.startsWith("0\n"), out);
            // 2 benchmarks: Mann-Whitney's smallest p 1/C(2n, n) must be below 0.05 / 2: n = 4
            assertTrue(out.contains("gate subset: 2 benchmarks; the stored gate (Mann-Whitney, "), out);
            assertTrue(out.contains("needs at least 4 forks per side to decide; this run makes 4"), out);
            Path results = dir.resolve(side + "/latest/results.json");
            JsonNode json = new ObjectMapper().readTree(results.toFile());
            assertEquals(2, json.size(), json.toString());
            for (JsonNode r : json) {
                assertEquals(4, r.get("primaryMetric").get("rawData").size(), r.toString());
            }
            runs.add(results);
        }
        String gate = java(dir, "gate", "gate", "--baseline", runs.get(0).toString(), "--candidate",
                runs.get(0).toString(), "--config", config.toString());
        assertTrue(gate.startsWith("0\n"), gate); // PASS, not INCONCLUSIVE (exit 3) for too few forks
        assertFalse(gate.contains("forks per side to reach"), gate);
    }
}
