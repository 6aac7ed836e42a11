package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors of the command line. */
class MainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

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

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] bad = {
            {"run", "--profile", "bogus", "--dry-run"},
            {"run", "--sizes", "0", "--dry-run"},
            {"run", "--workloads", "pi", "--dry-run"},
            {"run", "--frobnicate"},
            {"run", "quick"},
            {"run", "--dry-run", "--", "-foo"},
            {"env", "--out", "/proc/parbench-cannot-write-here/env.json"},
        };
        for (String[] args : bad) {
            err.reset();
            assertEquals(2, Main.execute(args), String.join(" ", args));
            String text = errText().strip();
            assertTrue(text.startsWith("parbench: "), text);
            assertFalse(text.contains("\n"), "more than one line for " + String.join(" ", args) + ":\n" + text);
        }
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.execute("run", "--profile", "smoke", "--dry-run", "--results-dir", dir.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("total: " + (dev.parbench.workload.WorkloadKind.values().length
                * (6 + RunSpecTest.defaultOutOfProcessModels()) + 7)
                + " configurations"), text);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void badResultsFileIsExitTwoAndTheExistingReportStays(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "good report");
        for (String bad : new String[] {"truncated.json", "empty.json", "not-jmh.json", "empty-array.json"}) {
            err.reset();
            Path file = Path.of(getClass().getResource("/jmh/" + bad).toURI());
            assertEquals(2, Main.execute("report", file.toString(), "--out", out.toString()), bad);
            String text = errText().strip();
            assertTrue(text.startsWith("parbench: ") && !text.contains("\n"), text);
            assertEquals("good report", Files.readString(out.resolve("index.html")));
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary folder left behind");
        }
        assertEquals(2, Main.execute("report", dir.resolve("missing.json").toString(), "--out", out.toString()));
    }

    @Test
    void reportDefaultsToTheRunsTimestampUnderCharts(@TempDir Path dir) {
        Path results = dir.resolve("results").resolve("2026-01-02T03-04-05").resolve("results.json");
        assertEquals(dir.resolve("charts").resolve("2026-01-02T03-04-05"), ReportCommand.defaultOut(results));
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertEquals(0, Main.execute("--help"));
        assertEquals(0, Main.execute("run", "--help"));
        assertEquals(0, Main.execute("env", "--help"));
        assertEquals(0, Main.execute("report", "--help"));
    }

    @Test
    void envDescribesTheMachine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("env.json");
        assertEquals(0, Main.execute("env", "--out", file.toString()));
        String json = Files.readString(file);
        for (String key : new String[] {"\"cpu\"", "\"cores\"", "\"memoryBytes\"", "\"os\"", "\"jdk\"", "\"git\"",
            "\"date\""}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
    }
}
