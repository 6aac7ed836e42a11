package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --adaptive} on the built jar: with a width no speedup can reach (0.01%), the headline configurations
 * (the model and its baseline at the largest size) get forks added until one side is at the cap, merged into one
 * results.json entry each (JSON "forks" = forks in rawData); the configurations at the smaller size are left as
 * planned. The cap is one round above the planned 3 forks (3 is the fewest an interval needs): the phase adds that
 * one round, a fork of the model and one of its baseline, cut from its step of 2 by the cap; a cap of 5 ran a second
 * round (2 more fork JVMs) that showed nothing more.
 */
class AdaptiveRunIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"));

    @Test
    void headlineConfigurationsGetForksUpToTheCap(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djmh.ignoreLock=true", "-cp", JAR.toString(), "dev.parbench.cli.Main", "run",
                "--profile", "smoke", "--workloads", "sum", "--strategies", "fork-join", "--sizes", "1024,32768",
                "--parallelism", "2", "--forks", "3", "--no-probe", "--no-report", "--results-dir",
                dir.resolve("r").toString(), "--adaptive", "--adaptive-width", "0.01", "--adaptive-max-forks", "4",
                "--", "-wi", "1", "-w", "20ms", "-i", "2", "-r", "20ms"));
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "run did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("then --adaptive: 1 headline speedups"), out);
        assertTrue(out.contains("[parbench] adaptive: SumBench fork-join p=2 32768: "), out);
        // each step adds rounds to both sides (a fork of the model and one of its baseline, paired): the pair ends
        // with the model at the cap and the baseline beside it
        java.util.regex.Matcher end = java.util.regex.Pattern.compile(
                "SumBench fork-join p=2 32768: (\\d+) \\+ (\\d+) forks, .*at the cap").matcher(out);
        assertTrue(end.find(), out);
        int model = Integer.parseInt(end.group(1));
        int base = Integer.parseInt(end.group(2));
        assertEquals(4, model, out);
        assertEquals(4, base, out);
        assertTrue(!out.contains("restricted method"), "the launcher JVM must not ask for native access: " + out);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r/latest/results.json").toFile());
        Map<String, Integer> forks = new HashMap<>();
        for (JsonNode r : json) {
            if (r.get("benchmark").asText().contains("ReferenceBench")) {
                continue; // the machine reference: one fork per planned round
            }
            int raw = r.get("primaryMetric").get("rawData").size();
            assertEquals(raw, r.get("forks").asInt(), "the forks field counts the merged forks: " + r);
            String method = r.get("benchmark").asText().replaceAll(".*\\.", "");
            forks.put(method + " " + r.get("params").get("size").asText(), raw);
            assertEquals(raw, r.get("rounds").size(), "each fork's round: " + r);
        }
        assertEquals(Map.of("sequential 1024", 3, "parallel 1024", 3, "sequential 32768", base,
                "parallel 32768", model), forks, json.toString());
    }
}
