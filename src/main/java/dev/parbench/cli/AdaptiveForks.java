package dev.parbench.cli;

import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.ForkIntervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code run --adaptive}: after the planned configurations, more forks for the headline speedups that are not settled
 * yet. A headline is a model configuration at the largest size its workload runs in this run (where "fastest model",
 * "beats sequential" and the serial fraction are read); it is settled when both it and its sequential baseline have
 * at least {@link ForkIntervals#MIN_FORKS} forks, neither side's forks disagree, and the 95% interval of the speedup
 * (Welch's t on the logs of the fork medians, as in the report) is within {@code ±width} of its centre.
 *
 * <p>Each step adds {@link #STEP} forks to one side of the widest unsettled headline: the side whose forks disagree,
 * or else the side that adds more to the interval's width (its variance of log fork medians over its fork count),
 * until the side has {@code maxForks}. The phase ends when every headline is settled or capped, or its time budget is
 * spent (a step is not started past the budget). The added forks are merged into the configuration's JMH result
 * (JMH computes the score over all forks), so results.json has one entry per configuration as always.
 *
 * <p>What it does not do: a fork that is far off stays in the data, so a configuration whose forks disagree may stay
 * flagged unstable after the cap (the report then says so); only configurations measured in this session can be
 * extended (a resumed run leaves the earlier ones as they are).
 */
final class AdaptiveForks {
    /** Forks added to one side in one step. */
    static final int STEP = 2;

    /** What "settled" means and what may be spent on it. */
    record Target(double width, int maxForks, Duration budget) {
        String describe() {
            return String.format(Locale.ROOT, "speedup interval within +/-%s%%, at most %d forks a side, at most %s",
                    trim(100 * width), maxForks, Plan.format(budget));
        }
    }

    /** A model configuration and the sequential baseline its speedup is divided by. */
    record Pair(Configuration model, Configuration baseline) {
        String label() {
            Map<String, String> p = model.params();
            String cls = model.benchmark().substring(0, model.benchmark().lastIndexOf('.'));
            return String.format(Locale.ROOT, "%s %s p=%s %s", cls.substring(cls.lastIndexOf('.') + 1),
                    p.get("strategy"), p.get("parallelism"), p.get("size"));
        }
    }

    /** Which side of a pair needs forks next, and why (null side: settled). */
    record Need(Configuration side, String why, double halfWidth) {
    }

    private AdaptiveForks() {
    }

    /**
     * The headline pairs of a plan: every configuration with a {@code strategy} parameter at the largest
     * {@code size} of its benchmark (other parameters, such as the kernel, equal), with the baseline of its class
     * ({@code sequential}, the same parameters but strategy and parallelism). Those without a baseline in the plan
     * are left out (there is no speedup to settle).
     */
    static List<Pair> headline(List<Configuration> planned) {
        Map<String, Long> largest = new TreeMap<>();
        for (Configuration c : planned) {
            if (c.params().containsKey("strategy") && c.params().containsKey("size")) {
                largest.merge(group(c), Long.parseLong(c.params().get("size")), Math::max);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Configuration c : planned) {
            if (!c.params().containsKey("strategy") || !c.params().containsKey("size")
                    || Long.parseLong(c.params().get("size")) != largest.get(group(c))) {
                continue;
            }
            Map<String, String> want = new TreeMap<>(c.params());
            want.remove("strategy");
            want.remove("parallelism");
            String cls = c.benchmark().substring(0, c.benchmark().lastIndexOf('.'));
            Optional<Configuration> base = planned.stream().filter(b -> b.benchmark().equals(cls + ".sequential")
                    && b.params().equals(want)).findFirst();
            base.ifPresent(b -> out.add(new Pair(c, b)));
        }
        return out;
    }

    /** A model configuration's benchmark and its parameters but strategy, parallelism and size. */
    private static String group(Configuration c) {
        Map<String, String> p = new TreeMap<>(c.params());
        p.remove("strategy");
        p.remove("parallelism");
        p.remove("size");
        return c.benchmark() + p;
    }

    /**
     * What the pair needs: more forks of the model or of the baseline, or nothing ({@code side} null) when the
     * speedup is settled or both sides are at the cap. {@code model} and {@code baseline}: iteration values per fork.
     */
    static Need need(Pair pair, List<double[]> model, List<double[]> baseline, Target t) {
        return need(pair, model, List.of(), baseline, List.of(), t);
    }

    /**
     * As {@link #need(Pair, List, List, Target)}, with each fork's round: where both sides share rounds, the
     * speedup's interval is the paired one the report shows ({@link ForkIntervals#paired}).
     */
    static Need need(Pair pair, List<double[]> model, List<Integer> modelRounds, List<double[]> baseline,
            List<Integer> baselineRounds, Target t) {
        boolean modelRoom = model.size() < t.maxForks();
        boolean baseRoom = baseline.size() < t.maxForks();
        if (model.size() < ForkIntervals.MIN_FORKS || baseline.size() < ForkIntervals.MIN_FORKS) {
            return pick(pair, model.size() <= baseline.size() ? modelRoom : !baseRoom, modelRoom || baseRoom,
                    "fewer than " + ForkIntervals.MIN_FORKS + " forks", Double.POSITIVE_INFINITY);
        }
        Estimate r = ForkIntervals.paired(byRound(baseline, baselineRounds), byRound(model, modelRounds))
                .orElseGet(() -> ForkIntervals.ratio(baseline, model));
        double half = Math.sqrt(r.high() / r.low()) - 1;
        boolean modelOff = ForkIntervals.disagree(model);
        boolean baseOff = ForkIntervals.disagree(baseline);
        if (modelOff || baseOff) {
            // the odd fork stays (and the configuration stays flagged), but more forks of that side dilute it in the
            // geometric mean and narrow the interval; the other side's forks would not help
            String why = (modelOff ? "the model's" : "the baseline's") + " forks disagree";
            if (!(modelOff && modelRoom || baseOff && baseRoom)) {
                return new Need(null, why + ", at the cap", half);
            }
            return new Need(modelOff && modelRoom ? pair.model() : pair.baseline(), why, half);
        }
        if (half <= t.width()) {
            return new Need(null, String.format(Locale.ROOT, "settled at +/-%.1f%%", 100 * half), half);
        }
        boolean toModel = ForkIntervals.logMeanVariance(model) >= ForkIntervals.logMeanVariance(baseline) ? modelRoom
                : !baseRoom;
        return pick(pair, toModel, modelRoom || baseRoom, String.format(Locale.ROOT, "+/-%.1f%%", 100 * half), half);
    }

    private static Need pick(Pair pair, boolean toModel, boolean room, String why, double half) {
        if (!room) {
            return new Need(null, why + ", at the cap", half);
        }
        return new Need(toModel ? pair.model() : pair.baseline(), why, half);
    }

    /** Fork medians by round (null without rounds), as the analysis pairs them. */
    private static dev.parbench.analysis.RoundForks byRound(List<double[]> forks, List<Integer> rounds) {
        if (rounds.size() != forks.size() || rounds.isEmpty()) {
            return null;
        }
        Map<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < forks.size(); i++) {
            m.put(rounds.get(i), dev.parbench.analysis.Stats.median(forks.get(i)));
        }
        return new dev.parbench.analysis.RoundForks("session", new TreeMap<>(m));
    }

    /** The primary metric's iteration values of each fork of a JMH result. */
    static List<double[]> forks(RunResult r) {
        List<double[]> out = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            out.add(fork.getIterationResults().stream().map(IterationResult::getPrimaryResult)
                    .mapToDouble(x -> x.getScore()).toArray());
        }
        return out;
    }

    /** One JMH result with the forks of both (JMH aggregates the score over all of them). */
    static RunResult merge(RunResult a, RunResult b) {
        List<BenchmarkResult> all = new ArrayList<>(a.getBenchmarkResults());
        all.addAll(b.getBenchmarkResults());
        return new RunResult(a.getParams(), all);
    }

    /** Measures {@code forks} more forks of a configuration. */
    @FunctionalInterface
    interface Measure {
        Optional<RunResult> run(Configuration c, int forks) throws Exception;
    }

    /** Where the merged results go, and whether to stop. */
    interface Sink {
        void finished(Configuration c, Measured merged) throws Exception;

        boolean stopping();
    }

    /**
     * The phase: steps until every headline of {@code pairs} is settled or capped, or the budget is spent. A step adds
     * {@link #STEP} rounds to the widest unsettled headline, each round one fork of the model and one of its baseline
     * in a random order, under a round number no fork of the run has yet: the added forks pair as the planned ones do.
     * {@code measured}: this session's forks by configuration key (updated with the added ones). Returns one line per
     * headline, its final state.
     */
    static List<String> run(List<Pair> pairs, Map<String, Measured> measured, Target t, Measure measure, Sink sink,
            java.io.PrintStream out, long seed) throws Exception {
        long start = System.nanoTime();
        long deadline = start + t.budget().toNanos();
        java.util.Random order = new java.util.Random(seed);
        int round = measured.values().stream().flatMap(m -> m.rounds().stream()).mapToInt(Integer::intValue).max()
                .orElse(0);
        List<Pair> usable = pairs.stream().filter(p -> measured.containsKey(p.model().key())
                && measured.containsKey(p.baseline().key())).toList();
        if (usable.size() < pairs.size()) {
            out.printf("[parbench] adaptive: %d headline configuration(s) measured before this session are left as "
                    + "they are%n", pairs.size() - usable.size());
        }
        while (!sink.stopping() && System.nanoTime() < deadline) {
            Pair next = null;
            Need nextNeed = null;
            for (Pair p : usable) {
                Need n = need(p, measured.get(p.model().key()), measured.get(p.baseline().key()), t);
                boolean room = measured.get(p.model().key()).rounds().size() < t.maxForks(); // the baseline rides
                if (n.side() != null && room && (nextNeed == null || n.halfWidth() > nextNeed.halfWidth())) {
                    next = p;
                    nextNeed = n;
                }
            }
            if (next == null) {
                break;
            }
            int have = measured.get(next.model().key()).rounds().size();
            int add = Math.min(STEP, t.maxForks() - have);
            out.printf(Locale.ROOT, "[parbench] adaptive: %s: %s -> %d more round(s) of the model and its baseline "
                    + "(%d so far); %s of %s spent%n", next.label(), nextNeed.why(), add, have,
                    Plan.format(Duration.ofNanos(System.nanoTime() - start)), Plan.format(t.budget()));
            boolean ok = true;
            for (int i = 0; i < add && ok && !sink.stopping(); i++) {
                round++;
                List<Configuration> sides = new ArrayList<>(List.of(next.model(), next.baseline()));
                java.util.Collections.shuffle(sides, order);
                for (Configuration side : sides) {
                    long started = System.currentTimeMillis();
                    Optional<RunResult> more = measure.run(side, 1);
                    if (more.isEmpty()) {
                        ok = false;
                        break;
                    }
                    Measured merged = measured.get(side.key()).plus(more.get(), round, started);
                    measured.put(side.key(), merged);
                    sink.finished(side, merged);
                }
            }
            if (!ok) {
                if (sink.stopping()) {
                    break;
                }
                out.printf("[parbench] adaptive: %s: the added forks failed; left as it is%n", next.label());
                Pair failed = next;
                usable = usable.stream().filter(p -> p != failed).toList();
            }
        }
        List<String> summary = new ArrayList<>();
        for (Pair p : usable.stream().sorted(Comparator.comparing(Pair::label)).toList()) {
            Measured m = measured.get(p.model().key());
            Measured b = measured.get(p.baseline().key());
            Need n = need(p, m, b, t);
            summary.add(String.format(Locale.ROOT, "%s: %d + %d forks, %s", p.label(), m.rounds().size(),
                    b.rounds().size(), n.side() == null ? n.why() : m.rounds().size() >= t.maxForks()
                            ? n.why() + ", at the cap" : n.why() + ", budget spent"));
        }
        return summary;
    }

    /** {@link #need} of a pair from this session's forks, with their rounds. */
    private static Need need(Pair p, Measured model, Measured baseline, Target t) {
        return need(p, forks(model.result()), model.rounds(), forks(baseline.result()), baseline.rounds(), t);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
