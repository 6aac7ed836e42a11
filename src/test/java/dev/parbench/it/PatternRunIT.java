package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordination family run end to end, as a user would from the shell: {@code run --patterns counter} on the
 * built jar (a small slice of it: two variants, two worker counts, both thread kinds, smoke iterations) lands in
 * results.json and in the report's own section, with its chart, its sentence and the lost-update fraction column.
 */
class PatternRunIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"));

    @Test
    void aCounterRunLandsInTheResultsAndTheReport(@TempDir Path dir) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true", "-cp", JAR.toString(), "dev.parbench.cli.Main", "run", "--patterns", "counter",
                "--profile", "smoke", "--results-dir", dir.resolve("results").toString(), "--charts-dir",
                dir.resolve("charts").toString(), "--", "-p", "workers=2,4", "-p", "variant=racy,atomic");
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);

        JsonNode results = new ObjectMapper().readTree(dir.resolve("results/latest/results.json").toFile());
        Set<String> seen = new TreeSet<>();
        for (JsonNode r : results) {
            assertTrue(r.get("benchmark").asText().endsWith("CounterBench.increment"), r.get("benchmark").asText());
            seen.add(r.get("params").get("variant").asText() + "/" + r.get("params").get("threads").asText() + "/"
                    + r.get("params").get("workers").asText());
            assertTrue(r.get("secondaryMetrics").has("lostUpdates"), r.toString());
        }
        assertEquals(8, seen.size(), seen.toString()); // 2 variants x 2 thread kinds x 2 worker counts

        Path charts;
        try (Stream<Path> runs = Files.list(dir.resolve("charts"))) {
            charts = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String html = Files.readString(charts.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Threads together: one shared counter"), "no counter section");
        assertTrue(html.contains("lostUpdates/updates"), "no lost-update column");
        assertTrue(Files.isRegularFile(charts.resolve("counter-counterbench-increment.png")));
        String md = Files.readString(charts.resolve("summary.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("CounterBench.increment at workers = 4"), md);
    }
}
