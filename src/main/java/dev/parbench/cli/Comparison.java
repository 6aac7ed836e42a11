package dev.parbench.cli;

import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateInput;
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

    /** Per benchmark key, one cost per fork, for side A (baseline) and side B (candidate). */
    record Collected(Map<String, double[]> baseline, Map<String, double[]> candidate) {
    }

    private final GateConfig.Compare config;
    private final ForkRunner runner;
    private final Path work;
    private final PrintStream progress;

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
        Map<String, List<Double>> a = new TreeMap<>();
        Map<String, List<Double>> b = new TreeMap<>();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isA = aFirst == (side == 0);
                double done = r * 2 + side;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                Duration eta = done == 0 ? estimate
                        : Duration.ofMillis((long) (elapsed.toMillis() * (2 * rounds - done) / done));
                progress.printf("[parbench] round %d/%d: %s, elapsed %s, ETA ~%s%n", r + 1, rounds,
                        isA ? "baseline (A)" : "candidate (B)", Plan.format(elapsed), Plan.format(eta));
                Path jar = isA ? baselineJar : candidateJar;
                String tag = "r" + r + (isA ? "-a-" : "-b-");
                for (int p = 0; p < config.passes().size(); p++) {
                    Path json = work.resolve(tag + p + ".json");
                    runner.run(jar, config.passes().get(p), json,
                            isA ? forkArgs : (forkArgs + " " + candidateExtraArgs).trim());
                    collect(json, isA ? a : b);
                }
                if (config.reference() != null) {
                    Path json = work.resolve(tag + "ref.json");
                    runner.run(jar, new GateConfig.Pass(config.reference(), Map.of()), json, forkArgs);
                    collect(json, isA ? a : b);
                }
            }
        }
        return new Collected(toArrays(a), toArrays(b));
    }

    private static void collect(Path json, Map<String, List<Double>> into) {
        try {
            GateInput.costs(JmhJsonReader.readFile(json)).forEach((k, v) -> {
                for (double x : v) {
                    into.computeIfAbsent(k, key -> new ArrayList<>()).add(x);
                }
            });
        } catch (ResultsFormatException e) {
            throw new IllegalStateException("JMH wrote unreadable results: " + e.getMessage());
        }
    }

    private static Map<String, double[]> toArrays(Map<String, List<Double>> m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
