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
        assertTrue(text.contains("total: 22 configurations"), text);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertEquals(0, Main.execute("--help"));
        assertEquals(0, Main.execute("run", "--help"));
        assertEquals(0, Main.execute("env", "--help"));
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
