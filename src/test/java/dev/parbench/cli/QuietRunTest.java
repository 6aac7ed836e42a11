package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quiet runs: the Unsafe flag only where the JDK has it, the incubator warning once per run. */
class QuietRunTest {

    @Test
    void theUnsafeFlagIsGivenOnlyToJdksThatKnowIt() {
        assertEquals(List.of(), RunCommand.quietJvmArgs(21));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), RunCommand.quietJvmArgs(22));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"),
                RunCommand.quietJvmArgs(23));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"),
                RunCommand.quietJvmArgs(25));
    }

    @Test
    void thisJdkAcceptsWhatItIsGiven() throws Exception {
        List<String> flags = RunCommand.quietJvmArgs(Runtime.version().feature());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(p.exitValue() == 0, flags.contains(RunCommand.UNSAFE_ALLOW),
                "JDK " + Runtime.version() + " and the flag disagree");
        List<String> all = new java.util.ArrayList<>(List.of(java));
        all.addAll(flags);
        all.add("-version");
        Process q = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, q.exitValue(), "this JDK rejects " + flags);
        assertTrue(CompareCommand.FORK_ARGS.contains("--add-modules=jdk.incubator.vector"));
        flags.forEach(f -> assertTrue(CompareCommand.FORK_ARGS.contains(f), f));
    }

    private static void writeInChunks(OutputStream out, String s, int chunk) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += chunk) {
            out.write(b, i, Math.min(chunk, b.length - i));
        }
    }

    @Test
    void theIncubatorWarningIsShownOncePerRunAndEverythingElseAsItComes() throws Exception {
        String warning = "WARNING: Using incubator modules: jdk.incubator.vector\n";
        StringBuilder in = new StringBuilder();
        for (int fork = 1; fork <= 3; fork++) {
            in.append("# Fork: ").append(fork).append(" of 3\n").append(warning)
                    .append("# Warmup Iteration   1: 12.5 us/op\n")
                    .append("WARNING: Using incubator modules: something else\n")
                    .append("WARNING: Forked process returned code: 1\n");
        }
        for (int chunk : new int[] {1, 7, 4096}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            OncePerRun once = new OncePerRun(sink);
            writeInChunks(once, in.toString(), chunk);
            String out = sink.toString(StandardCharsets.UTF_8);
            assertEquals(in.toString().replace(warning, "").replaceFirst("(# Fork: 1 of 3\n)", "$1" + warning), out,
                    "chunk " + chunk);
        }
        // a progress line without its newline yet is shown at once
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OncePerRun once = new OncePerRun(sink);
        writeInChunks(once, "# Warmup Iteration   1: ", 3);
        assertEquals("# Warmup Iteration   1: ", sink.toString(StandardCharsets.UTF_8));
        writeInChunks(once, "1.5 us/op\nµs ünïcode\r\n", 2);
        assertEquals("# Warmup Iteration   1: 1.5 us/op\nµs ünïcode\r\n", sink.toString(StandardCharsets.UTF_8));
    }
}
