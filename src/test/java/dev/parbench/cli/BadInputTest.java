package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.results.JsonInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input through the real command line: exit 2, exactly one line on stderr naming the file and the field,
 * no stack trace, nothing written to {@code --out}.
 */
class BadInputTest {
    private static final String RESULT = """
            [{"jmhVersion": "1.37", "benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1,
              "params": {%s},
              "primaryMetric": {"score": 1.5, "scoreError": 0.1, "scoreUnit": "us/op",
                "scorePercentiles": {%s},
                "rawData": [[1.4, 1.6]]},
              "secondaryMetrics": {}}]
            """;

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(args);
        } finally {
            System.setErr(old);
        }
        return new Outcome(code, err.toString(StandardCharsets.UTF_8).strip());
    }

    /** Exit 2, one line starting "parbench: " holding every one of {@code names}, no trace, no report. */
    private static void assertOneLine(Path out, Outcome o, String... names) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("parbench: "), o.err());
        assertFalse(o.err().contains("\n") || o.err().contains("\tat ") || o.err().contains("Exception"), o.err());
        for (String n : names) {
            assertTrue(o.err().contains(n), "names " + n + ": " + o.err());
        }
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    private static Path results(Path dir, String benchmark, String params, String percentiles) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Files.writeString(f, RESULT.formatted(benchmark, params, percentiles));
        return f;
    }

    private static Outcome report(Path results, Path out) {
        return run("report", results.toString(), "--out", out.toString());
    }

    @Test
    void anEnvSectionOfTheWrongKindIsOneLine(@TempDir Path dir) throws Exception {
        Path f = results(dir.resolve("run"), "dev.parbench.bench.SumBench.sequential",
                "\"kernel\": \"simd\", \"size\": \"1024\"", "\"50.0\": 1.5");
        Files.writeString(f.resolveSibling("env.json"), "{\"cpu\": 1, \"date\": \"2026-01-01\"}");
        Path out = dir.resolve("out");
        assertOneLine(out, report(f, out), "env.json", "'cpu'", "object");
    }

    @Test
    void aPercentileKeyThatIsNotANumberIsOneLine(@TempDir Path dir) throws Exception {
        Path f = results(dir, "dev.parbench.bench.SumBench.sequential", "\"kernel\": \"simd\", \"size\": \"1024\"",
                "\"abc\": 1.5");
        Path out = dir.resolve("out");
        assertOneLine(out, report(f, out), f.toString(), "scorePercentiles", "'abc'");
    }

    @Test
    void aTransferProbeSizeThatIsNotANumberIsOneLine(@TempDir Path dir) throws Exception {
        Path f = results(dir, "dev.parbench.bench.TransferProbe.loopback", "\"megabytes\": \"abc\"", "\"50.0\": 1.5");
        Path out = dir.resolve("out");
        assertOneLine(out, report(f, out), f.toString(), "'megabytes'", "'abc'", "whole number");
    }

    @Test
    void aDeeplyNestedDocumentSaysSoNotTruncated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.json");
        Files.writeString(f, "[".repeat(100_000) + "]".repeat(100_000));
        Path out = dir.resolve("out");
        Outcome o = report(f, out);
        assertOneLine(out, o, f.toString(), "nested more than " + JsonInput.MAX_NESTING + " levels");
        assertFalse(o.err().contains("truncated"), o.err());
        Outcome gate = run("gate", "--baseline", f.toString(), "--candidate", f.toString(), "--out", out.toString());
        assertOneLine(out, gate, f.toString(), "nested more than");
    }

    @Test
    void aLongStringIsRefusedByTheLimit(@TempDir Path dir) throws Exception {
        Path f = results(dir, "dev.parbench.bench.SumBench.sequential",
                "\"kernel\": \"" + "x".repeat(JsonInput.MAX_STRING_CHARS + 1) + "\", \"size\": \"1024\"",
                "\"50.0\": 1.5");
        Path out = dir.resolve("out");
        assertOneLine(out, report(f, out), f.toString(), "string longer than");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("results.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        Path out = dir.resolve("out");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> report(fifo, out));
        assertOneLine(out, o, fifo.toString(), "not a regular file");
    }

    @Test
    void everyReadingCommandStatesTheLimitsInItsHelp() {
        for (String command : new String[] {"report", "gate", "history", "compare"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream old = System.out;
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, Main.execute(command, "--help"));
            } finally {
                System.setOut(old);
            }
            String help = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(help.contains(JsonInput.LIMITS), command + " --help: " + help);
        }
    }
}
