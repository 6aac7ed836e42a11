package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung configuration does not hang the run, on the built jar: a real {@code run} (three tiny configurations, one
 * fork each, {@code --config-timeout 20s}) has the JMH fork of its second configuration frozen with SIGSTOP, which
 * JMH alone would wait for for ever. The bound kills the fork, failures.json names the configuration, the third
 * configuration still runs, and the console stays quiet: JMH's log is in jmh.log.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConfigTimeoutIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"))
            .toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFIGURATIONS = 3; // random: sequential, executor, fork-join
    /**
     * Long enough for a tiny configuration on a loaded 2-core machine, short enough for a test: the three of this run
     * took 4 s together (about 1.3 s each, fork start included) at load 5.5 on 2 cores, so 20 s is 15 times one; the
     * test waits the bound out once (it was 40 s).
     */
    private static final int BOUND_SECONDS = 20;

    private static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path runDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("results"))) {
            return s.filter(p -> !p.getFileName().toString().equals("latest") && Files.isDirectory(p)).findFirst()
                    .orElseThrow();
        }
    }

    private static Set<String> configurations(Path runDir) throws IOException {
        Set<String> out = new TreeSet<>();
        Path f = runDir.resolve("results.json");
        if (Files.isRegularFile(f)) {
            for (JsonNode n : JSON.readTree(f.toFile())) {
                out.add(n.get("benchmark").asText() + " " + n.path("params"));
            }
        }
        return out;
    }

    @Test
    void aFrozenForkIsKilledAtItsBoundRecordedFailedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Djmh.ignoreLock=true", "-cp", JAR.toString(),
                "dev.parbench.cli.Main", "run", "--profile", "smoke", "--workloads", "random", "--strategies",
                "executor,fork-join", "--no-report", "--results-dir", "results", "--config-timeout",
                BOUND_SECONDS + "s", "--", "-wi", "1", "-i", "1", "-w", "100ms", "-r", "100ms"));
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        List<ProcessHandle> frozen = new ArrayList<>();
        try {
            await("the first configuration's result", 120, () -> {
                try {
                    return Files.isDirectory(dir.resolve("results")) && configurations(runDir(dir)).size() == 1;
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
            await("the second configuration's fork", 60, () -> p.descendants().findAny().isPresent()); // the first result is saved once its fork is gone
            frozen.addAll(p.descendants().toList());
            for (ProcessHandle h : frozen) {
                Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(h.pid())).start();
                assertTrue(stop.waitFor(10, TimeUnit.SECONDS));
            }
            long frozenAt = System.nanoTime();
            assertTrue(p.waitFor(BOUND_SECONDS + 120, TimeUnit.SECONDS), "the run hung on a frozen fork:\n"
                    + text(log));
            String out = text(log);
            assertTrue(System.nanoTime() - frozenAt >= TimeUnit.SECONDS.toNanos(BOUND_SECONDS / 2),
                    "stopped well before its bound?\n" + out);
            assertEquals(1, p.exitValue(), "a failed configuration makes the run fail:\n" + out);
            assertFalse(p.descendants().findAny().isPresent(), "a process of the run survived it");
            await("the frozen fork to be gone", 15, () -> frozen.stream().noneMatch(ProcessHandle::isAlive));
            Path runDir = runDir(dir);
            JsonNode failures = JSON.readTree(runDir.resolve("failures.json").toFile());
            assertEquals("incomplete", failures.get("status").asText(), failures.toString());
            assertEquals(1, failures.get("failed").size(), failures.toString());
            JsonNode failed = failures.get("failed").get(0);
            assertTrue(failed.get("reason").asText().contains("over its wall-clock bound of " + BOUND_SECONDS + "s"),
                    failures.toString());
            Set<String> kept = configurations(runDir);
            assertEquals(CONFIGURATIONS - 1, kept.size(), "the third configuration ran after the bound:\n" + out);
            assertFalse(kept.contains(failed.get("benchmark").asText() + " " + failed.path("params")), kept
                    + " holds the failed one");
            assertEquals(0, failures.get("notRun").size(), failures.toString());
            // the console: one line for the failure, naming jmh.log; JMH's own lines only in jmh.log
            assertEquals(1, out.lines().filter(l -> l.startsWith("parbench: configuration failed: ")
                    && l.contains("wall-clock bound") && l.contains("jmh.log")).count(), out);
            assertFalse(out.contains("# Warmup Iteration"), "JMH's log on the quiet console:\n" + out);
            String jmh = text(runDir.resolve("jmh.log"));
            assertTrue(jmh.contains("# Warmup Iteration") && jmh.contains("# Fork: 1 of 1"), jmh);
        } finally {
            for (ProcessHandle h : frozen) {
                h.destroyForcibly();
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
