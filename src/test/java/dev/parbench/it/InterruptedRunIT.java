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
 * No run is lost, on the built jar: a real {@code run} (three tiny configurations, one fork each) is interrupted
 * with SIGINT (what Ctrl-C sends) while its second configuration runs, or has that configuration's JMH fork killed.
 * The finished configurations stay in results.json, failures.json says what happened, no process of the run
 * survives it, and {@code --resume} completes the same results.json with every configuration.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InterruptedRunIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"))
            .toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFIGURATIONS = 3; // random: sequential, executor, fork-join

    /**
     * A shell's background job starts with SIGINT ignored, and a JVM started so inherits that and never sees Ctrl-C
     * (HotSpot leaves an ignored SIGINT alone, as nohup expects): the test would then measure how it was launched.
     * When this JVM has SIGINT ignored (Linux: /proc/self/status, SigIgn) the run starts under
     * {@code env --default-signal=INT} (GNU coreutils), which gives it the default disposition a terminal would.
     */
    private static List<String> defaultSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2) != 0) {
                    return List.of("env", "--default-signal=INT");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to undo
        }
        return List.of();
    }

    private static Process run(Path dir, String log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(defaultSigint());
        cmd.addAll(List.of(JAVA, "-Djmh.ignoreLock=true", "-cp", JAR.toString(), "dev.parbench.cli.Main", "run"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).start();
    }

    private static Process tinyRun(Path dir) throws IOException {
        return run(dir, "run.log", "--profile", "smoke", "--workloads", "random", "--strategies", "executor,fork-join",
                "--no-report", "--results-dir", "results", "--", "-wi", "1", "-i", "1", "-w", "100ms", "-r", "100ms");
    }

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

    /** Benchmark + params of every entry of results.json, or an empty set while it does not exist. */
    private static Set<String> configurations(Path runDir) {
        Set<String> out = new TreeSet<>();
        try {
            Path f = runDir.resolve("results.json");
            if (Files.isRegularFile(f)) {
                for (JsonNode n : JSON.readTree(f.toFile())) {
                    out.add(n.get("benchmark").asText() + " " + n.path("params"));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("results.json unreadable (half-written?): " + e.getMessage(), e);
        }
        return out;
    }

    /** Waits until the run works on its second configuration and its JMH fork is up; returns the process tree. */
    private static List<ProcessHandle> whileSecondConfigurationRuns(Path dir, Process p) throws Exception {
        await("the first configuration's result", 90, () -> {
            try {
                return Files.isDirectory(dir.resolve("results")) && configurations(runDir(dir)).size() == 1;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        await("the second configuration's fork", 30, () -> p.descendants().findAny().isPresent()); // the first result is saved once its fork is gone
        assertTrue(p.isAlive(), text(dir.resolve("run.log")));
        return p.descendants().toList();
    }

    private static void assertAllGone(List<ProcessHandle> tree) throws InterruptedException {
        await("every fork and worker to be gone", 15, () -> tree.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static void resumeCompletes(Path dir, Path runDir) throws Exception {
        Process r = run(dir, "resume.log", "--resume", dir.relativize(runDir).toString(), "--no-report");
        assertTrue(r.waitFor(120, TimeUnit.SECONDS), "--resume did not finish");
        String log = text(dir.resolve("resume.log"));
        assertEquals(0, r.exitValue(), log);
        Set<String> all = configurations(runDir);
        assertEquals(CONFIGURATIONS, all.size(), "one results.json with every configuration once: " + all);
        JsonNode failures = JSON.readTree(runDir.resolve("failures.json").toFile());
        assertEquals("complete", failures.get("status").asText(), failures.toString());
        assertEquals(0, failures.get("failed").size(), failures.toString());
        try (Stream<Path> s = Files.list(dir.resolve("results"))) {
            assertEquals(2, s.count(), "the resume wrote into the same run folder (plus 'latest')");
        }
    }

    @Test
    void ctrlCKeepsTheFinishedConfigurationsStopsEveryProcessAndResumeCompletesTheRun(@TempDir Path dir)
            throws Exception {
        Process p = tinyRun(dir);
        try {
            List<ProcessHandle> tree = whileSecondConfigurationRuns(dir, p);
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run did not stop on SIGINT");
            String log = text(dir.resolve("run.log"));
            assertEquals(130, p.exitValue(), log);
            assertAllGone(tree);
            Path runDir = runDir(dir);
            Set<String> kept = configurations(runDir);
            assertTrue(!kept.isEmpty() && kept.size() < CONFIGURATIONS, "kept " + kept + "\n" + log);
            assertTrue(log.contains("parbench: interrupted;") && log.contains("resume with ./run-benchmarks.sh "
                    + "--resume results/" + runDir.getFileName()), log);
            JsonNode failures = JSON.readTree(runDir.resolve("failures.json").toFile());
            assertEquals("interrupted", failures.get("status").asText(), failures.toString());
            assertTrue(failures.toString().contains("interrupted (Ctrl-C"), failures.toString());
            resumeCompletes(dir, runDir);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aKilledForkFailsOnlyItsConfigurationAndResumeRerunsIt(@TempDir Path dir) throws Exception {
        Process p = tinyRun(dir);
        try {
            List<ProcessHandle> tree = whileSecondConfigurationRuns(dir, p);
            tree.forEach(ProcessHandle::destroyForcibly); // the JMH fork of configuration 2 (and anything it runs)
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the run did not finish after a fork was killed");
            String log = text(dir.resolve("run.log"));
            assertEquals(1, p.exitValue(), "a failed configuration makes the run fail:\n" + log);
            assertFalse(p.descendants().findAny().isPresent());
            Path runDir = runDir(dir);
            assertEquals(CONFIGURATIONS - 1, configurations(runDir).size(), "the others went on:\n" + log);
            JsonNode failures = JSON.readTree(runDir.resolve("failures.json").toFile());
            assertEquals("incomplete", failures.get("status").asText(), failures.toString());
            assertEquals(1, failures.get("failed").size(), failures.toString());
            assertTrue(failures.get("failed").get(0).get("reason").asText().contains("exit code"),
                    failures.toString());
            assertTrue(log.contains("parbench: configuration failed:"), log);
            resumeCompletes(dir, runDir);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
