package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.gate.GateConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's orchestration with fake jars: a fork runner that writes JMH JSON whose score says which jar ran,
 * and a git repository whose "build" is a shell script. No JMH, no Maven.
 */
class ComparisonTest {
    static final String REF = "dev\\.parbench\\.bench\\.ReferenceBench";

    /** A fork runner that records each call and writes one result: 100 us/op from a.jar, 110 from b.jar. */
    static final class FakeRunner implements Comparison.ForkRunner {
        final List<String> calls = new ArrayList<>();

        @Override
        public void run(Path jar, GateConfig.Pass pass, Path json, String jvmArgs) throws IOException {
            String side = jar.getFileName().toString().startsWith("a") ? "A" : "B";
            boolean reference = pass.include().equals(REF);
            calls.add(side + (reference ? " ref" : " pass") + " [" + jvmArgs + "]");
            double score = reference ? 50 : side.equals("A") ? 100 : 110;
            String bench = reference ? "dev.parbench.bench.ReferenceBench.lcg" : "dev.parbench.bench.SumBench.parallel";
            Files.writeString(json, String.format(Locale.ROOT, """
                    [{"benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, "params": {"size": "1024"},
                      "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "us/op",
                                        "rawData": [[%s, %s, %s]]},
                      "secondaryMetrics": {}}]
                    """, bench, score, score, score, score));
        }
    }

    private static GateConfig.Compare config() {
        return new GateConfig.Compare(4, 1, 10, 1, 10, REF, List.of(new GateConfig.Pass(
                "dev\\.parbench\\.bench\\." + GateConfig.Pass.WORKLOAD_SHELLS + "\\.parallel$", Map.of())));
    }

    @Test
    void roundsInterleaveTheSidesAndTheReferenceRunsWithPlainFlags(@TempDir Path dir) throws Exception {
        FakeRunner runner = new FakeRunner();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Comparison.Collected data = new Comparison(config(), runner, dir, new PrintStream(progress, true,
                StandardCharsets.UTF_8)).run(dir.resolve("a.jar"), dir.resolve("b.jar"), 3, "-Xflags", "-Xslow",
                Duration.ofSeconds(1));
        assertEquals(List.of(
                "A pass [-Xflags]", "A ref [-Xflags]", "B pass [-Xflags -Xslow]", "B ref [-Xflags]",
                "B pass [-Xflags -Xslow]", "B ref [-Xflags]", "A pass [-Xflags]", "A ref [-Xflags]",
                "A pass [-Xflags]", "A ref [-Xflags]", "B pass [-Xflags -Xslow]", "B ref [-Xflags]"), runner.calls);
        assertEquals(Set.of("dev.parbench.bench.SumBench.parallel [size=1024]",
                "dev.parbench.bench.ReferenceBench.lcg [size=1024]"), data.baseline().keySet());
        assertArrayEquals(new double[] {100, 100, 100},
                data.baseline().get("dev.parbench.bench.SumBench.parallel [size=1024]"), 1e-6);
        assertArrayEquals(new double[] {110, 110, 110},
                data.candidate().get("dev.parbench.bench.SumBench.parallel [size=1024]"), 1e-6);
        String text = progress.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("round 3/3: candidate (B)"), text);
    }

    @Test
    void aFailingForkStopsTheComparison(@TempDir Path dir) {
        Comparison c = new Comparison(config(), (jar, pass, json, args) -> {
            throw new IllegalStateException("JMH failed on " + jar);
        }, dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.run(dir.resolve("a.jar"), dir.resolve("b.jar"), 2, "", "", Duration.ZERO));
        assertTrue(e.getMessage().contains("a.jar"), e.getMessage());
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.invalid"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    /** A repository whose ./mvnw writes target/benchmarks.jar holding the commit's marker file. */
    private static Path fakeRepo(Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Path mvnw = repo.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\nmkdir -p target && cp marker target/benchmarks.jar\n");
        mvnw.toFile().setExecutable(true);
        Files.writeString(repo.resolve("marker"), "old");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "old");
        Files.writeString(repo.resolve("marker"), "new");
        git(repo, "commit", "-q", "-am", "new");
        return repo;
    }

    @Test
    void theBaselineIsBuiltInAWorktreeThatIsRemovedAfterwards(@TempDir Path dir) throws Exception {
        Path repo = fakeRepo(dir);
        Path worktree = dir.resolve("work/baseline");
        Files.createDirectories(worktree.getParent());
        try (BaselineBuild build = new BaselineBuild(repo, worktree)) {
            Path jar = build.build("HEAD~1", new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            assertEquals("old", Files.readString(jar));
        }
        assertFalse(Files.exists(worktree), "the worktree outlived the comparison");
        assertFalse(git(repo, "worktree", "list").contains(worktree.toString()));
    }

    @Test
    void anUnknownRefIsAUsageError(@TempDir Path dir) throws Exception {
        Path repo = fakeRepo(dir);
        try (BaselineBuild build = new BaselineBuild(repo, dir.resolve("wt"))) {
            UsageException e = assertThrows(UsageException.class, () -> build.build("no-such-ref",
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("unknown git ref 'no-such-ref'"), e.getMessage());
        }
    }

    @Test
    void theSequentialStageRunsOnlyTheSuspectsWithTheReferenceAndKeepsPairing(@TempDir Path dir) throws Exception {
        FakeRunner runner = new FakeRunner();
        List<GateConfig.Pass> seen = new ArrayList<>();
        Comparison c = new Comparison(config(), (jar, pass, json, args) -> {
            seen.add(pass);
            runner.run(jar, pass, json, args);
        }, dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        c.run(dir.resolve("a.jar"), dir.resolve("b.jar"), 2, "", "", Duration.ZERO);
        seen.clear();
        runner.calls.clear();
        String key = "dev.parbench.bench.SumBench.parallel [size=1024]";
        Comparison.Collected data = c.extend(List.of(key), 3, System.nanoTime() + Duration.ofMinutes(1).toNanos());
        assertEquals(3, data.extraRounds());
        // round 2 continues the alternation: A first again (rounds 0 A-B, 1 B-A, 2 A-B, 3 B-A, 4 A-B)
        assertEquals(List.of("A pass []", "A ref []", "B pass []", "B ref []", "B pass []", "B ref []",
                "A pass []", "A ref []", "A pass []", "A ref []", "B pass []", "B ref []"), runner.calls);
        GateConfig.Pass only = seen.get(0);
        assertTrue(java.util.regex.Pattern.compile(only.includeRegex()).matcher("dev.parbench.bench.SumBench.parallel")
                .find());
        assertFalse(java.util.regex.Pattern.compile(only.includeRegex())
                .matcher("dev.parbench.bench.SumBench.parallelX").find());
        assertEquals(Map.of("size", List.of("1024")), only.params());
        assertEquals(5, data.baseline().get(key).length);
        assertEquals(5, data.candidate().get(key).length);
        assertEquals("avgt us/op", data.baselineUnits().get(key));
        // a spent budget stops before the next round
        assertEquals(3, c.extend(List.of(key), 2, System.nanoTime() - 1).extraRounds());
    }

    @Test
    void aJmhFailureIsOneLine() {
        String line = JmhForkRunner.failure(Path.of("b.jar"), 1, List.of("# JMH version: 1.37", "# Run progress",
                "<failure>", "java.lang.IllegalStateException: boom", "\tat x.y(Z.java:1)", "", "ERROR: done"));
        assertTrue(line.startsWith("JMH failed on b.jar (exit 1): ") && !line.contains("\n"), line);
        assertTrue(line.contains("<failure>") || line.contains("boom"), line);
        assertTrue(JmhForkRunner.failure(Path.of("b.jar"), 1, List.of()).endsWith("no output"));
    }

    @Test
    void cleanUpKillsTheChildrenAndRemovesTheWorktree(@TempDir Path dir) throws Exception {
        Path repo = fakeRepo(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path worktree = work.resolve("baseline");
        BaselineBuild build = new BaselineBuild(repo, worktree);
        build.build("HEAD~1", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Process child = new ProcessBuilder("sleep", "120").start();
        CompareCommand.cleanUp(build, work);
        assertTrue(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the child outlived the clean-up");
        assertFalse(Files.exists(worktree));
        assertFalse(Files.exists(work));
        assertFalse(git(repo, "worktree", "list").contains(worktree.toString()));
        CompareCommand.cleanUp(build, work); // idempotent: the hook and the finally block may both run it
    }

    /**
     * A candidate 20% slower (a suspect after 2 fixed rounds: no test on 2 pairs is decisive) gets extra rounds;
     * when the reference's level moves between the fixed and the extra rounds, the suspect's verdict is
     * INCONCLUSIVE naming the reference, and with a steady reference it is decided (REGRESSION).
     */
    @Test
    void theSequentialStageDiscardsSuspectsWhenTheReferenceMoved(@TempDir Path dir) throws Exception {
        for (boolean drift : new boolean[] {true, false}) {
            int[] referenceRuns = {0};
            Comparison.ForkRunner runner = (jar, pass, json, args) -> {
                boolean reference = pass.include().equals(REF);
                boolean a = jar.getFileName().toString().startsWith("a");
                double score = reference ? (drift && referenceRuns[0]++ >= 4 ? 80 : 50) : a ? 100 : 120;
                String bench = reference ? "dev.parbench.bench.ReferenceBench.lcg"
                        : "dev.parbench.bench.SumBench.parallel";
                Files.writeString(json, String.format(Locale.ROOT, """
                        [{"benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, "params": {"size": "1024"},
                          "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "us/op",
                                            "rawData": [[%s]]},
                          "secondaryMetrics": {}}]
                        """, bench, score, score));
            };
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
            Path work = Files.createDirectories(dir.resolve(drift ? "drift" : "steady"));
            Comparison c = new Comparison(config(), runner, work, out);
            Comparison.Collected first = c.run(dir.resolve("a.jar"), dir.resolve("b.jar"), 2, "", "",
                    Duration.ZERO);
            dev.parbench.gate.GateConfig cfg = dev.parbench.gate.GateConfig.defaults();
            dev.parbench.gate.GateResult r = CompareCommand.gate(c, first, config(), d -> CompareCommand
                    .decidePaired(cfg, config(), 2, d, "test", List.of(), false), out);
            dev.parbench.gate.BenchmarkVerdict v = r.verdicts().stream()
                    .filter(b -> b.key().startsWith("dev.parbench.bench.SumBench")).findFirst().orElseThrow();
            String log = progress.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("sequential stage:"), log);
            if (drift) {
                assertEquals(dev.parbench.gate.Verdict.INCONCLUSIVE, v.verdict(), v.reason());
                assertTrue(v.reason().contains("ReferenceBench.lcg [size=1024] ran 60% slower in the extra rounds"), v.reason());
                assertTrue(log.contains("sequential stage stopped"), log);
            } else {
                assertEquals(dev.parbench.gate.Verdict.REGRESSION, v.verdict(), v.reason());
                assertFalse(log.contains("sequential stage stopped"), log);
            }
        }
    }
}
