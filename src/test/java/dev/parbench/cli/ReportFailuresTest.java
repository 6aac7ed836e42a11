package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run folder shows its failed and not-run configurations (failures.json); without one, nothing. */
class ReportFailuresTest {
    private static final String FAILURES = """
            {"status": "interrupted", "planned": 72, "finished": 70,
             "failed": [{"benchmark": "dev.parbench.bench.SumBench.parallel",
                         "params": {"size": "1024", "strategy": "socket"},
                         "reason": "IllegalStateException: Forked VM failed with exit code 137"}],
             "notRun": [{"benchmark": "dev.parbench.bench.SumBench.sequential", "params": {"size": "1024"}}],
             "resume": "./run-benchmarks.sh --resume results/x"}
            """;

    private static Path run(Path dir) throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        for (String f : new String[] {"results.json", "env.json"}) {
            Files.copy(Path.of(ReportFailuresTest.class.getResource("/jmh/parbench-run/" + f).toURI()),
                    run.resolve(f));
        }
        return run;
    }

    @Test
    void failedAndNotRunConfigurationsAreInTheReport(@TempDir Path dir) throws Exception {
        Path run = run(dir);
        Files.writeString(run.resolve("failures.json"), FAILURES);
        Path out = dir.resolve("report");
        assertEquals(0, Main.execute("report", run.resolve("results.json").toString(), "--out", out.toString()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Failed configurations"), "the section");
        assertTrue(html.contains("Forked VM failed with exit code 137"), "the reason");
        assertTrue(html.contains("not run") && html.contains("--resume results/x"), "what was not run, and how to");
        assertTrue(html.contains("1 configuration failed and 1 was not run"), "said up front");
        assertTrue(Files.readString(out.resolve("summary.md")).contains("## Failed configurations"));
    }

    @Test
    void withoutFailuresJsonOrWithNoneTheReportIsAsBefore(@TempDir Path dir) throws Exception {
        Path run = run(dir);
        Path out = dir.resolve("report");
        assertEquals(0, Main.execute("report", run.resolve("results.json").toString(), "--out", out.toString()));
        assertFalse(Files.readString(out.resolve("index.html")).contains("Failed configurations"));
        Files.writeString(run.resolve("failures.json"), "{\"status\": \"complete\", \"failed\": [], \"notRun\": []}");
        assertEquals(0, Main.execute("report", run.resolve("results.json").toString(), "--out", out.toString()));
        assertFalse(Files.readString(out.resolve("index.html")).contains("Failed configurations"));
    }

    @Test
    void aBrokenFailuresJsonIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path run = run(dir);
        Files.writeString(run.resolve("failures.json"), "{\"status\": \"inter");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("report", run.resolve("results.json").toString(), "--out",
                    dir.resolve("report").toString()));
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(text.startsWith("parbench: ") && !text.contains("\n") && text.contains("failures.json"), text);
        assertFalse(Files.exists(dir.resolve("report")));
    }
}
