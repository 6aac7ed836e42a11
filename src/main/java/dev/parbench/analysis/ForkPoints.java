package dev.parbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every fork of one configuration, one value each, so that a chart can show them beside the interval they make: each
 * fork's median time and, for a model with a baseline, each fork's speedup. The speedups are paired exactly when the
 * speedup's interval is ({@link ForkIntervals#paired}: model and baseline ran in at least
 * {@link ForkIntervals#MIN_FORKS} shared rounds of one run): then one value per shared round, the baseline's fork
 * median over the model's of that round; otherwise one per model fork, the baseline's geometric mean (the centre of
 * its interval) over that fork's median.
 *
 * @param times    each fork's median time in ns/op: by round when the run marked rounds, else in the file's order
 * @param speedups each round's (paired) or each fork's (unpaired) speedup; empty when there is no speedup
 * @param paired   the speedups are per-round ratios
 */
public record ForkPoints(List<Fork> times, List<Fork> speedups, boolean paired) {

    /** Nothing per fork (a configuration built by hand, or no data). */
    public static final ForkPoints NONE = new ForkPoints(List.of(), List.of(), false);

    public ForkPoints {
        times = List.copyOf(times);
        speedups = List.copyOf(speedups);
    }

    /**
     * One fork's value.
     *
     * @param fork  1, 2, ...: its place among the configuration's forks (by round when rounds are known)
     * @param round the round it ran in; 0 when the run did not say (plain JMH output, or forks pooled from files)
     * @param value the fork's median time in ns/op, or its speedup
     */
    public record Fork(int fork, int round, double value) {
        /** The run said in which round this fork ran. */
        public boolean hasRound() {
            return round > 0;
        }
    }

    /** Whether the times say in which round each fork ran. */
    public boolean rounds() {
        return !times.isEmpty() && times.stream().allMatch(Fork::hasRound);
    }

    /** The forks of a configuration with no speedup: the baseline itself, or a model without one. */
    static ForkPoints times(List<double[]> forks, RoundForks rounds) {
        return new ForkPoints(forkTimes(forks, rounds), List.of(), false);
    }

    /**
     * A model's forks and their speedups over its baseline ({@code baseline} null: no speedup, times only).
     *
     * @param model          the model's forks, ns/op per fork and iteration
     * @param modelRounds    its forks by round (null: the run did not mark rounds, or they do not pair)
     * @param baseline       the baseline's forks
     * @param baselineRounds the baseline's forks by round (null: none)
     */
    static ForkPoints of(List<double[]> model, RoundForks modelRounds, List<double[]> baseline,
            RoundForks baselineRounds) {
        List<Fork> times = forkTimes(model, modelRounds);
        if (baseline == null || baseline.isEmpty()) {
            return new ForkPoints(times, List.of(), false);
        }
        List<Fork> speedups = new ArrayList<>();
        if (ForkIntervals.paired(baselineRounds, modelRounds).isPresent()) {
            int k = 0;
            for (Map.Entry<Integer, Double> e : modelRounds.medians().entrySet()) {
                Double base = baselineRounds.medians().get(e.getKey());
                if (base != null && base > 0 && e.getValue() > 0) {
                    speedups.add(new Fork(++k, e.getKey(), base / e.getValue()));
                }
            }
            return new ForkPoints(times, speedups, true);
        }
        double centre = ForkIntervals.center(baseline);
        for (Fork t : times) {
            if (t.value() > 0) {
                speedups.add(new Fork(t.fork(), t.round(), centre / t.value()));
            }
        }
        return new ForkPoints(times, speedups, false);
    }

    /** Each fork's median: by round when {@code rounds} has them, else in the order of {@code forks}. */
    private static List<Fork> forkTimes(List<double[]> forks, RoundForks rounds) {
        List<Fork> out = new ArrayList<>();
        if (rounds != null && !rounds.medians().isEmpty()) {
            rounds.medians().forEach((round, median) -> out.add(new Fork(out.size() + 1, round, median)));
            return out;
        }
        if (forks != null) {
            for (double median : Stats.forkMedians(forks)) {
                out.add(new Fork(out.size() + 1, 0, median));
            }
        }
        return out;
    }
}
