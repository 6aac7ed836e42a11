package dev.parbench.cli;

import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateInput;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Sequential;
import dev.parbench.report.GateReport;
import dev.parbench.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare --against GIT_REF}: the paired gate. Builds GIT_REF in a temporary git worktree (the baseline) next
 * to the working tree's jar (the candidate), then runs the gate subset as single-fork JMH invocations interleaved
 * A B, B A, A B, ... so that the machine's drift hits both sides alike, with a reference benchmark on both sides.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Paired regression gate (what CI should use): build GIT_REF and the working tree, run the gate "
                + "subset interleaved A B B A ... one fork at a time, and decide per benchmark.",
            "Exit: 0 pass, 1 regression, 2 bad input, 3 inconclusive (--inconclusive-ok: 0)."},
        footer = {"", "Examples:", "  compare --against origin/main --out charts/gate",
            "  compare --baseline-jar old.jar --candidate-jar new.jar", "", dev.parbench.results.JsonInput.LIMITS})
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--against", paramLabel = "GIT_REF", description = "The baseline: a commit, branch or tag.")
    String against;

    @Option(names = "--baseline-jar", paramLabel = "JAR", description = "Use this benchmarks.jar as the baseline "
            + "instead of building --against.")
    Path baselineJar;

    @Option(names = "--candidate-jar", paramLabel = "JAR",
            description = "The candidate's benchmarks.jar (default: the jar running this command).")
    Path candidateJar;

    @Option(names = "--profile", defaultValue = "gate", paramLabel = "NAME",
            description = "Only 'gate' (the subset and iteration times of the config file).")
    String profile;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Paired forks per benchmark (default from the config, 10: fewer cannot reach α after Holm).")
    Integer rounds;

    @Mixin
    GateOptions options;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "The git work tree (default: .).")
    Path repo;



    @Option(names = "--candidate-jvm-args", paramLabel = "ARGS", hidden = true,
            description = "Extra JVM flags for the candidate's forks only (to plant a slowdown when testing the gate).")
    String candidateJvmArgs = "";

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    /** The forks' flags; the forks run on this JVM's java, so its version decides the Unsafe flag. */
    static final String FORK_ARGS = java.util.stream.Stream.concat(
            RunCommand.quietJvmArgs(Runtime.version().feature()).stream(),
            java.util.stream.Stream.of("--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"))
            .collect(java.util.stream.Collectors.joining(" "));
    static final double HOST_START_SECONDS = 0.8;
    static final double FORK_SECONDS = 0.5;

    @Override
    public Integer call() throws Exception {
        if (!"gate".equals(profile)) {
            throw new UsageException("compare only knows --profile gate (the subset is set in " + options.config + ")");
        }
        if (against == null && baselineJar == null) {
            throw new UsageException("say what to compare against: --against GIT_REF (or --baseline-jar JAR)");
        }
        GateConfig cfg = GateCommand.loadConfig(options.config);
        GateConfig.Compare c = cfg.compare() != null ? cfg.compare() : defaultCompare();
        int n = rounds != null ? rounds : c.forks() != null ? c.forks() : 10;
        if (n < 2) {
            throw new UsageException("--rounds must be at least 2");
        }
        Path cand = candidateJar != null ? candidateJar : ownJar();
        if (!Files.isRegularFile(cand)) {
            throw new UsageException("candidate jar " + cand + " not found; build it (./mvnw -DskipTests package)");
        }
        int configurations = countConfigurations(c) + (c.reference() != null ? 1 : 0);
        double perSide = (c.passes().size() + (c.reference() != null ? 1 : 0)) * HOST_START_SECONDS
                + configurations * (FORK_SECONDS
                + (orZero(c.warmupIterations()) * orZero(c.warmupMillis()) + orZero(c.iterations())
                        * orZero(c.iterationMillis())) / 1000.0);
        Duration estimate = Duration.ofMillis(Math.round(perSide * 2 * n * 1000));
        System.out.printf("parbench compare: baseline %s, candidate %s%n", against != null ? against : baselineJar,
                cand);
        System.out.printf("  plan: %d benchmark configurations (incl. the reference) x %d paired forks x 2 sides, "
                + "interleaved A B | B A | ...; estimated %s (plus building the baseline)%n", configurations, n,
                Plan.format(estimate));
        if (dryRun) {
            return 0;
        }
        Path work = Files.createTempDirectory("parbench-compare-");
        BaselineBuild build = new BaselineBuild(repo, work.resolve("baseline"));
        // Ctrl-C or a CI timeout (SIGTERM): kill the JMH children and remove the worktree before the JVM goes
        Thread cleanup = new Thread(() -> cleanUp(build, work), "parbench-compare-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path base = baselineJar != null ? baselineJar : build.build(against, System.out);
            if (!Files.isRegularFile(base)) {
                throw new UsageException("baseline jar " + base + " not found");
            }
            Comparison comparison = new Comparison(c, new JmhForkRunner(c), work, System.out);
            Comparison.Collected data = comparison.run(base, cand, n, FORK_ARGS, candidateJvmArgs, estimate);
            GateResult result = gate(comparison, data, c, d -> decide(cfg, c, n, d), System.out);
            return GateCommand.finish(result, options.out);
        } finally {
            cleanUp(build, work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: it does the same, idempotently
            }
        }
    }

    /**
     * Kills every child process of this JVM (JMH and its forks), removes the worktree (if {@code build} is not null)
     * and the work folder.
     */
    static synchronized void cleanUp(BaselineBuild build, Path work) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        ProcessHandle.current().descendants().forEach(p -> {
            try {
                p.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        try {
            if (build != null) {
                build.close();
            }
        } catch (Exception e) {
            System.err.println("parbench: could not remove the baseline worktree: " + e.getMessage());
        }
        try {
            ReportWriter.deleteTree(work);
        } catch (Exception e) {
            System.err.println("parbench: could not remove " + work + ": " + e.getMessage());
        }
    }

    /**
     * The gate of a paired comparison, after its fixed rounds: decide, then the sequential stage (more paired rounds
     * for the suspects only, {@link Sequential#BATCH} at a time, up to the cap and the time budget of {@code c}),
     * deciding again on all pairs after each batch. {@code compare} and {@code calibrate} both gate through this.
     */
    static GateResult gate(Comparison comparison, Comparison.Collected first, GateConfig.Compare c,
            java.util.function.Function<Comparison.Collected, GateResult> decide, java.io.PrintStream progress)
            throws IOException, InterruptedException {
        Comparison.Collected data = first;
        GateResult result = decide.apply(data);
        long deadline = System.nanoTime() + Duration.ofMinutes(c.extraMinutesOrDefault()).toNanos();
        int cap = c.extraRoundsOrDefault();
        List<String> references = c.reference() == null ? List.of() : first.baseline().keySet().stream()
                .filter(java.util.regex.Pattern.compile(c.reference()).asPredicate()).toList();
        int fixed = references.isEmpty() ? 0 : first.baseline().get(references.get(0)).length;
        java.util.Set<String> extended = new java.util.TreeSet<>();
        while (data.extraRounds() < cap && System.nanoTime() - deadline < 0) {
            List<String> suspects = Sequential.suspects(result.verdicts(), data.baseline(), data.candidate());
            if (suspects.isEmpty()) {
                break;
            }
            if (!extended.isEmpty()) {
                String moved = Sequential.drift(data.baseline(), data.candidate(), references, fixed);
                if (moved != null) {
                    break;
                }
            }
            extended.addAll(suspects);
            int batch = Math.min(Sequential.BATCH, cap - data.extraRounds());
            progress.printf("[parbench] sequential stage: %d suspect(s) past the threshold but not yet "
                    + "decided (%s): %d more paired rounds of just those (%d of at most %d extra, budget %d min)%n",
                    suspects.size(), String.join("; ", suspects.stream().map(GateReport::label).toList()), batch,
                    data.extraRounds() + batch, cap, c.extraMinutesOrDefault());
            data = comparison.extend(suspects, batch, deadline);
            result = decide.apply(data);
        }
        String moved = extended.isEmpty() ? null : Sequential.drift(data.baseline(), data.candidate(), references,
                fixed);
        if (moved != null) {
            progress.printf("[parbench] sequential stage stopped: %s%n", moved);
            result = new GateResult(result.mode(), result.notes(), Sequential.discard(result.verdicts(), extended,
                    moved), result.inconclusiveOk());
        }
        return result;
    }

    private GateResult decide(GateConfig cfg, GateConfig.Compare c, int n, Comparison.Collected data) {
        List<String> extra = candidateJvmArgs.isBlank() ? List.of()
                : List.of("The candidate's forks ran with extra JVM flags: " + candidateJvmArgs);
        return decidePaired(cfg, c, n, data, "paired mode: " + (against != null ? against : baselineJar)
                + " (A) vs " + (candidateJar != null ? candidateJar : "the working tree")
                + " (B), same machine, interleaved; Wilcoxon signed-rank on paired forks", extra,
                options.inconclusiveOk);
    }

    /** The decision on the pairs collected so far (units and keys checked, references taken out, notes). */
    static GateResult decidePaired(GateConfig cfg, GateConfig.Compare c, int n, Comparison.Collected data,
            String mode, List<String> extraNotes, boolean inconclusiveOk) {
        Map<String, double[]> av = new LinkedHashMap<>(data.baseline());
        Map<String, double[]> bv = new LinkedHashMap<>(data.candidate());
        av.keySet().removeIf(k -> cfg.settingsFor(k) == null);
        bv.keySet().removeIf(k -> cfg.settingsFor(k) == null);
        List<String> refKeys = List.of();
        try {
            GateInput.checkSameUnits(data.baselineUnits(), data.candidateUnits());
            GateInput.checkSameKeys(av, bv);
            if (c.reference() != null) {
                refKeys = GateInput.findAll(av, c.reference());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("Paired mode: %d forks per side, interleaved A B | B A%s; reference benchmarks: %s; "
                + "correction across benchmarks: %s at α = %s.", n, data.extraRounds() > 0 ? String.format(
                        ", plus %d extra paired rounds for the suspects (sequential stage)", data.extraRounds()) : "",
                refKeys.isEmpty() ? "none" : String.join(", ", refKeys), cfg.correctionOrDefault().label(),
                cfg.familyAlpha()));
        notes.addAll(extraNotes);
        return GateCommand.decide(av, bv, true, cfg, refKeys, mode, notes, inconclusiveOk);
    }

    private static long orZero(Integer v) {
        return JmhForkRunner.orZero(v);
    }

    static GateConfig.Compare defaultCompare() {
        return new GateConfig.Compare(10, 2, 100, 3, 100, "dev\\.parbench\\.bench\\.ReferenceBench",
                List.of(new GateConfig.Pass("dev\\.parbench\\.bench\\." + GateConfig.Pass.WORKLOAD_SHELLS
                        + "\\.(sequential|parallel)$",
                Map.of("size", List.of("1048576"), "parallelism", List.of("2"), "kernel", List.of("simd"),
                        "strategy", List.of("executor", "fork-join")))));
    }

    private static int countConfigurations(GateConfig.Compare c) {
        int total = 0;
        for (GateConfig.Pass p : c.passes()) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(p.includeRegex());
            for (var e : org.openjdk.jmh.runner.BenchmarkList.defaultList().getAll(
                    org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(
                            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                            org.openjdk.jmh.runner.options.VerboseMode.SILENT), List.of())) {
                if (re.matcher(e.getUsername()).find()) {
                    total += Plan.configurations(e, p.params() == null ? Map.of() : p.params());
                }
            }
        }
        return total;
    }

    private static Path ownJar() {
        String cp = System.getProperty("java.class.path");
        return Path.of(cp.contains(java.io.File.pathSeparator) ? "target/benchmarks.jar" : cp);
    }

}
