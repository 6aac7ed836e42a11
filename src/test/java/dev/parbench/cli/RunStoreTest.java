package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parbench.results.RunFailures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder as a run goes: results saved per configuration, the failures listing, the resume plan. */
class RunStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BENCH = "dev.parbench.bench.SumBench.parallel";

    private static Configuration config(String strategy) {
        return new Configuration("models", BENCH, new TreeMap<>(Map.of("size", "1024", "strategy", strategy)), 1, 0,
                List.of("--add-modules=jdk.incubator.vector"));
    }

    /** A JMH JSON entry for {@code c}, as JMH writes it. */
    private static JsonNode entry(Configuration c, double score) throws Exception {
        StringBuilder params = new StringBuilder();
        c.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return JSON.readTree("{\"benchmark\":\"" + c.benchmark() + "\",\"mode\":\"avgt\",\"forks\":1,\"params\":{"
                + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\",\"scoreUnit\":"
                + "\"us/op\",\"rawData\":[[" + score + "]]}}");
    }

    private static Map<String, Object> env(List<String> args) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("profile", "smoke");
        run.put("args", args);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("host", "test");
        env.put("run", run);
        return env;
    }

    @Test
    void eachFinishedConfigurationIsSavedAndFailuresSayWhichAndWhy(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("2026-01-02T03-04-05");
        RunStore store = RunStore.create(runDir, env(List.of("--profile", "smoke")));
        assertTrue(Files.isRegularFile(runDir.resolve("env.json")), "env.json from the start: resumable at once");
        assertFalse(Files.exists(runDir.resolve("results.json")), "no empty results.json before a result");
        Configuration a = config("executor");
        Configuration b = config("fork-join");
        Configuration c = config("virtual-threads");
        Configuration d = config("parallel-stream");
        store.plan(List.of(a, b, c, d), "./run-benchmarks.sh --resume results/x");

        store.started(a);
        store.finished(a, List.of(entry(a, 1.5)));
        assertEquals(1, JSON.readTree(runDir.resolve("results.json").toFile()).size(), "saved as it finished");

        store.started(b);
        store.failed(b, "IllegalStateException: Forked VM failed with exit code 137");
        store.started(c);
        assertTrue(store.interrupted(5));
        store.finished(d, List.of(entry(d, 2.0))); // after the interruption nothing more is written
        store.failed(d, "late");

        RunFailures f = RunFailures.read(runDir.resolve("failures.json"));
        assertEquals("interrupted", f.status());
        assertEquals(4, f.planned());
        assertEquals(1, f.finished());
        assertEquals(List.of(b.benchmark(), c.benchmark()), f.failed().stream().map(RunFailures.Entry::benchmark)
                .toList());
        assertEquals(b.params(), f.failed().get(0).params());
        assertEquals("IllegalStateException: Forked VM failed with exit code 137", f.failed().get(0).reason());
        assertTrue(f.failed().get(1).reason().startsWith("interrupted"), f.failed().get(1).reason());
        assertEquals(List.of(d.params()), f.notRun().stream().map(RunFailures.Entry::params).toList());
        assertEquals("./run-benchmarks.sh --resume results/x", f.resume());
        assertEquals(1, JSON.readTree(runDir.resolve("results.json").toFile()).size());
        JsonNode env = JSON.readTree(runDir.resolve("env.json").toFile());
        assertEquals("interrupted", env.get("run").get("status").asText());
        try (var files = Files.list(runDir)) {
            assertEquals(3, files.count(), "results.json, env.json, failures.json and no temporary file");
        }
    }

    @Test
    void resumeRunsOnlyTheMissingConfigurations(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Configuration a = config("executor");
        Configuration b = config("fork-join");
        Configuration c = config("virtual-threads");
        RunStore store = RunStore.create(runDir, env(List.of("--profile", "smoke", "--", "-wi", "1")));
        store.plan(List.of(a, b, c), "");
        store.finished(a, List.of(entry(a, 1)));
        store.failed(b, "boom");
        store.end("incomplete");

        RunStore again = RunStore.open(runDir);
        assertEquals(List.of("--profile", "smoke", "--", "-wi", "1"), again.args());
        assertEquals(List.of(b, c), RunStore.missing(List.of(a, b, c), again.finishedKeys()));
        again.plan(List.of(a, b, c), "");
        again.finished(b, List.of(entry(b, 2)));
        again.finished(c, List.of(entry(c, 3)));
        again.end("complete");
        JsonNode results = JSON.readTree(runDir.resolve("results.json").toFile());
        assertEquals(3, results.size(), "one results.json: the old entries and the new");
        assertEquals(1.0, results.get(0).get("primaryMetric").get("score").asDouble());
        RunFailures f = RunFailures.read(runDir.resolve("failures.json"));
        assertTrue(f.isEmpty() && f.status().equals("complete") && f.resume().isEmpty(), f.toString());
    }

    @Test
    void aFolderThatIsNotARunIsRefused(@TempDir Path dir) throws Exception {
        assertThrows(UsageException.class, () -> RunStore.open(dir.resolve("missing")));
        assertThrows(UsageException.class, () -> RunStore.open(dir));
        Files.writeString(dir.resolve("env.json"), "{\"host\": \"x\"}");
        assertThrows(UsageException.class, () -> RunStore.open(dir), "an env.json without run settings");
        Path run = dir.resolve("run");
        RunStore.create(run, env(List.of()));
        Files.writeString(run.resolve("results.json"), "[{\"benchmark\": \"x\", \"mode\": \"avgt\", \"primaryMe");
        assertThrows(UsageException.class, () -> RunStore.open(run), "a truncated results.json");
    }

    @Test
    void resumeOfANonRunFolderIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("run", "--resume", dir.toString()));
            Path run = dir.resolve("run");
            RunStore.create(run, env(List.of("--profile", "smoke")));
            assertEquals(2, Main.execute("run", "--resume", run.toString(), "--profile", "quick"));
            assertEquals(2, Main.execute("run", "--resume", run.toString(), "--", "-wi", "3"));
        } finally {
            System.setErr(old);
        }
        for (String line : err.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            assertTrue(line.startsWith("parbench: "), line);
        }
        assertEquals(3, err.toString(StandardCharsets.UTF_8).strip().split("\n").length);
    }
}
