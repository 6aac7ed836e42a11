package dev.parbench.cli;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.results.JmhJsonReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code run --settle RUN_DIR}: more rounds for exactly the open rows of a run's decision table (the provisional
 * ones), merged into its results.json. An open row's configurations are its pick, the configurations that tie with it
 * or run up to it, and the sequential baseline of its size; each added round runs one fork of each of them, in a
 * random order, under round numbers the run has not used (so the added forks pair with each other as the planned
 * ones do).
 */
final class Settle {
    /** Rounds added by default: with the run's 3, six forks a side (what the coverage simulation likes). */
    static final int DEFAULT_ROUNDS = 3;

    private Settle() {
    }

    /** The planned configurations behind the provisional rows of the analysis of {@code results}. */
    static List<Configuration> open(Path results, List<Configuration> plan) {
        Analysis analysis = new Analyzer().analyze(JmhJsonReader.read(List.of(results)));
        Set<Configuration> out = new LinkedHashSet<>();
        for (Analysis.WorkloadResult w : analysis.workloads()) {
            for (Analysis.Best b : w.best()) {
                if (!b.provisional()) {
                    continue;
                }
                List<String[]> wanted = new ArrayList<>();
                wanted.add(new String[] {"sequential", null});
                if (!b.strategy().equals("sequential")) {
                    wanted.add(new String[] {b.strategy(), String.valueOf(b.parallelism())});
                }
                b.ties().forEach(t -> wanted.add(new String[] {t.strategy(), String.valueOf(t.parallelism())}));
                if (b.runnerUp() != null && !b.runnerUp().equals("sequential")) {
                    wanted.add(new String[] {b.runnerUp(), String.valueOf(b.runnerUpParallelism())});
                }
                for (String[] s : wanted) {
                    plan.stream().filter(c -> matches(c, w, b.size(), s[0], s[1])).forEach(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean matches(Configuration c, Analysis.WorkloadResult w, int size, String strategy,
            String parallelism) {
        Map<String, String> p = c.params();
        String cls = c.benchmark().substring(0, c.benchmark().lastIndexOf('.'));
        boolean workload = dev.parbench.workload.WorkloadKind.ofBenchClass(cls.substring(cls.lastIndexOf('.') + 1))
                .map(k -> k.id().equals(w.workload())).orElse(false);
        if (!workload || !String.valueOf(size).equals(p.get("size"))
                || !w.kernel().isEmpty() && p.containsKey("kernel") && !w.kernel().equals(p.get("kernel"))) {
            return false;
        }
        if (strategy.equals("sequential")) {
            return c.benchmark().endsWith(".sequential");
        }
        return strategy.equals(p.get("strategy")) && parallelism.equals(p.get("parallelism"));
    }

    /**
     * {@code rounds} more rounds of {@code configs}, numbered from {@code firstRound}, each in a fresh random order.
     */
    static List<Rounds.Step> steps(List<Configuration> configs, int firstRound, int rounds, long seed) {
        List<Rounds.Step> steps = new ArrayList<>();
        int last = firstRound + rounds - 1;
        for (int r = firstRound; r <= last; r++) {
            List<Configuration> round = new ArrayList<>(configs);
            Collections.shuffle(round, new Random(seed * 1_000_003L + r));
            for (Configuration c : round) {
                steps.add(new Rounds.Step(c.withForks(1), r, last));
            }
        }
        return steps;
    }
}
