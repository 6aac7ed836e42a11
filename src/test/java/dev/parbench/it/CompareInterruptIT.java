package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare never leaks: a real {@code compare --against} (its baseline "built" by a fake ./mvnw that copies the real
 * jar, in a real git worktree) is stopped with SIGTERM, as Ctrl-C or a CI timeout would, while a JMH fork runs; every
 * child process is gone, the worktree is removed from disk and from git, and the work folder is deleted. And a JMH
 * that cannot start is one line and exit 2.
 */
class CompareInterruptIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"))
            .toAbsolutePath();

    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.invalid"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private static Process compare(Path dir, String log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djmh.ignoreLock=true", "-cp", JAR.toString(), "dev.parbench.cli.Main", "compare"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve(log).toFile())
                .redirectError(dir.resolve(log + ".err").toFile()).start();
    }

    private static void config(Path file, int iterationMillis) throws Exception {
        Files.writeString(file, """
                {"compare": {"forks": 10, "warmupIterations": 1, "warmupMillis": %d, "iterations": 20,
                  "iterationMillis": %d, "reference": null,
                  "passes": [{"include": "dev\\\\.parbench\\\\.bench\\\\.CalibrationBench\\\\.sum$",
                              "params": {"planted": ["0"], "copy": ["1"]}}]}}
                """.formatted(iterationMillis, iterationMillis));
    }

    @Test
    void sigtermKillsTheForksAndRemovesTheWorktree(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Path mvnw = repo.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\nmkdir -p target && cp '" + JAR + "' target/benchmarks.jar\n");
        mvnw.toFile().setExecutable(true);
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "one");
        Path cfg = dir.resolve("gate.json");
        config(cfg, 1000); // 21 s per fork: the fork is surely running when the signal comes
        Process p = compare(dir, "compare.log", "--against", "HEAD", "--repo", repo.toString(), "--candidate-jar",
                JAR.toString(), "--config", cfg.toString());
        Path log = dir.resolve("compare.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.readString(log).contains("round 1/") && p.descendants().count() >= 2)) {
            assertTrue(p.isAlive(), Files.readString(log) + Files.readString(dir.resolve("compare.log.err")));
            assertTrue(System.nanoTime() < deadline, "no JMH fork within 3 minutes: " + Files.readString(log));
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        List<ProcessHandle> tree = p.descendants().toList();
        Matcher m = Pattern.compile("in (\\S+parbench-compare-\\S+)/baseline").matcher(Files.readString(log));
        assertTrue(m.find(), Files.readString(log));
        Path work = Path.of(m.group(1));
        assertTrue(Files.isDirectory(work.resolve("baseline")));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "compare did not stop");
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        assertFalse(tree.stream().anyMatch(ProcessHandle::isAlive), "a JMH process outlived compare");
        assertFalse(Files.exists(work), work + " is left behind");
        assertFalse(git(repo, "worktree", "list").contains("parbench-compare-"), git(repo, "worktree", "list"));
    }

    @Test
    void aJmhThatCannotStartIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("bogus.jar");
        Files.writeString(bogus, "not a jar");
        Path cfg = dir.resolve("gate.json");
        config(cfg, 10);
        Process p = compare(dir, "fail.log", "--baseline-jar", bogus.toString(), "--candidate-jar", JAR.toString(),
                "--config", cfg.toString());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        String err = Files.readString(dir.resolve("fail.log.err")).strip();
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("parbench: JMH failed on " + bogus), err);
    }
}
