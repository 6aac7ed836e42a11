package dev.parbench.cli;

import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateInput;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.ResultsFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paired comparison's orchestration: {@code rounds} rounds, each running every pass (and the reference) once on
 * each side, one fork per JMH invocation, interleaved A B | B A | A B ... so that the machine's drift hits both sides
 * alike; the fork medians are collected per benchmark and side. How one invocation runs is a {@link ForkRunner}, so
 * the orchestration is tested with fake jars.
 */
final class Comparison {

    /** Runs one single-fork JMH invocation of {@code pass} from {@code jar}, writing JMH JSON to {@code json}. */
    @FunctionalInterface
    interface ForkRunner {
        void run(Path jar, GateConfig.Pass pass, Path json, String jvmArgs) throws IOException, InterruptedException;
    }

    /**
     * Per benchmark key, one cost per fork, for side A (baseline) and side B (candidate); how each key was measured
     * ("mode unit") per side; the extra rounds the sequential stage added.
     */
    record Collected(Map<String, double[]> baseline, Map<String, double[]> candidate,
            Map<String, String> baselineUnits, Map<String, String> candidateUnits, int extraRounds) {
        Collected(Map<String, double[]> baseline, Map<String, double[]> candidate) {
            this(baseline, candidate, Map.of(), Map.of(), 0);
        }
    }

    private final GateConfig.Compare config;
    private final ForkRunner runner;
    private final Path work;
    private final PrintStream progress;
    private final Map<String, List<Double>> a = new TreeMap<>();
    private final Map<String, List<Double>> b = new TreeMap<>();
    private final Map<String, String> unitsA = new TreeMap<>();
    private final Map<String, String> unitsB = new TreeMap<>();
    /** Per key, a pass that runs just that benchmark with just its params (for the sequential stage). */
    private final Map<String, GateConfig.Pass> single = new TreeMap<>();
    private int roundsDone;
    private int extraRounds;
    private Path baselineJar;
    private Path candidateJar;
    private String forkArgs;
    private String candidateExtraArgs;

    Comparison(GateConfig.Compare config, ForkRunner runner, Path work, PrintStream progress) {
        this.config = config;
        this.runner = runner;
        this.work = work;
        this.progress = progress;
    }

    /**
     * Runs the rounds. The candidate's passes get {@code candidateExtraArgs} after the fork flags; the reference
     * always runs with the plain flags on both sides (its code is the same: it measures the machine).
     */
    Collected run(Path baselineJar, Path candidateJar, int rounds, String forkArgs, String candidateExtraArgs,
            Duration estimate) throws IOException, InterruptedException {
        this.baselineJar = baselineJar;
        this.candidateJar = candidateJar;
        this.forkArgs = forkArgs;
        this.candidateExtraArgs = candidateExtraArgs;
        rounds(config.passes(), rounds, estimate, Long.MAX_VALUE, "round");
        return collected();
    }

    /**
     * The sequential stage: {@code rounds} more paired rounds of just the benchmarks {@code keys} (each as its own
     * single-benchmark pass), with the reference, continuing the A B | B A alternation; stops early (between rounds)
     * once {@code deadlineNanos} (System.nanoTime) has passed. Returns everything collected so far.
     */
    Collected extend(List<String> keys, int rounds, long deadlineNanos) throws IOException, InterruptedException {
        if (baselineJar == null) {
            throw new IllegalStateException("extend before run");
        }
        List<GateConfig.Pass> passes = new ArrayList<>();
        for (String k : keys) {
            GateConfig.Pass p = single.get(k);
            if (p == null) {
                throw new IllegalArgumentException("no benchmark " + k + " in this comparison");
            }
            passes.add(p);
        }
        rounds(passes, rounds, Duration.ZERO, deadlineNanos, "extra round");
        return collected();
    }

    private void rounds(List<GateConfig.Pass> passes, int rounds, Duration estimate, long deadlineNanos,
            String what) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (System.nanoTime() - deadlineNanos > 0) {
                progress.printf("[parbench] %s: the time budget is spent; stopping after %d of %d%n", what, i,
                        rounds);
                return;
            }
            int r = roundsDone;
            boolean aFirst = r % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isA = aFirst == (side == 0);
                double done = i * 2 + side;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                Duration eta = done == 0 ? estimate
                        : Duration.ofMillis((long) (elapsed.toMillis() * (2 * rounds - done) / done));
                progress.printf("[parbench] %s %d/%d: %s, elapsed %s, ETA ~%s%n", what, i + 1, rounds,
                        isA ? "baseline (A)" : "candidate (B)", Plan.format(elapsed), Plan.format(eta));
                Path jar = isA ? baselineJar : candidateJar;
                String tag = "r" + r + (isA ? "-a-" : "-b-");
                for (int p = 0; p < passes.size(); p++) {
                    Path json = work.resolve(tag + p + ".json");
                    runner.run(jar, passes.get(p), json,
                            isA ? forkArgs : (forkArgs + " " + candidateExtraArgs).trim());
                    collect(json, isA);
                }
                if (config.reference() != null) {
                    Path json = work.resolve(tag + "ref.json");
                    runner.run(jar, new GateConfig.Pass(config.reference(), Map.of()), json, forkArgs);
                    collect(json, isA);
                }
            }
            roundsDone++;
            if (!"round".equals(what)) {
                extraRounds++;
            }
        }
    }

    private Collected collected() {
        return new Collected(toArrays(a), toArrays(b), Map.copyOf(unitsA), Map.copyOf(unitsB), extraRounds);
    }

    private void collect(Path json, boolean isA) {
        Map<String, List<Double>> into = isA ? a : b;
        Map<String, String> units = isA ? unitsA : unitsB;
        try {
            List<BenchmarkRecord> records = JmhJsonReader.readFile(json);
            GateInput.costs(records).forEach((k, v) -> {
                for (double x : v) {
                    into.computeIfAbsent(k, key -> new ArrayList<>()).add(x);
                }
            });
            for (BenchmarkRecord r : records) {
                String k = GateInput.key(r);
                String u = r.mode() + " " + r.primary().unit();
                String before = units.putIfAbsent(k, u);
                if (before != null && !before.equals(u)) {
                    throw new UsageException(k + " changed from " + before + " to " + u + " between forks of the "
                            + (isA ? "baseline" : "candidate"));
                }
                Map<String, List<String>> params = new TreeMap<>();
                r.params().forEach((pk, pv) -> params.put(pk, List.of(pv)));
                single.putIfAbsent(k, new GateConfig.Pass("^" + java.util.regex.Pattern.quote(r.benchmark()) + "$",
                        params));
            }
        } catch (ResultsFormatException e) {
            throw new UsageException("JMH wrote unreadable results: " + e.getMessage());
        }
    }

    private static Map<String, double[]> toArrays(Map<String, List<Double>> m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
