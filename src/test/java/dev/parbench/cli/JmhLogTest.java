package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMH's output: all of it in jmh.log; on the quiet console only each distinct warning, once. */
class JmhLogTest {
    private static final String FORK = "# Fork: 1 of 2\n"
            + "WARNING: Using incubator modules: jdk.incubator.vector\n"
            + "# Warmup Iteration   1: 12.5 us/op\n"
            + "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes\n"
            + "Iteration   1: 11.0 us/op\n"
            + "# WARNING: Forked process returned code: 1\n";

    @Test
    void theLogHasEverythingAndTheQuietConsoleEachWarningOnce() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> warnings = new ArrayList<>();
        try (JmhLog j = new JmhLog(log, null, warnings::add)) {
            byte[] b = (FORK + FORK + "WARNING: " + "z".repeat(500)).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length; i += 7) {
                j.write(b, i, Math.min(7, b.length - i));
            }
        }
        assertEquals(FORK + FORK + "WARNING: " + "z".repeat(500), log.toString(StandardCharsets.UTF_8));
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals("OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes",
                warnings.get(0));
        assertEquals("# WARNING: Forked process returned code: 1", warnings.get(1));
        assertEquals(JmhLog.MAX_WARNING, warnings.get(2).length(), "a long warning is cut: the log has it whole");
    }

    @Test
    void verboseShowsEverythingOnTheConsoleWithTheIncubatorWarningOnce() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> warnings = new ArrayList<>();
        try (JmhLog j = new JmhLog(log, console, warnings::add)) {
            j.write((FORK + FORK).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FORK + FORK, log.toString(StandardCharsets.UTF_8));
        assertEquals(FORK + FORK.replace("WARNING: Using incubator modules: jdk.incubator.vector\n", ""),
                console.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), warnings, "with the whole log on the console, no warning is repeated");
    }
}
