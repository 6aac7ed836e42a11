package dev.parbench.analysis;

import dev.parbench.results.BenchmarkRecord;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A configuration's forks by the round they ran in: the fork medians (ns/op) keyed by round, and the run they came
 * from. {@code run} measures in rounds (one fork of every configuration per round, in a fresh random order), so a
 * model's fork and its baseline's fork of the same round ran minutes apart at most, on the same machine state: their
 * ratio is a paired observation ({@link ForkIntervals#paired}). Rounds pair only within one run (the same file).
 *
 * @param source the file the record came from
 * @param medians round -> the median of that fork's iterations, in ns/op (forks with no finite value left out)
 */
public record RoundForks(String source, SortedMap<Integer, Double> medians) {

    public RoundForks {
        medians = Collections.unmodifiableSortedMap(new TreeMap<>(medians));
    }

    /** The record's forks by round; empty when the record carries no rounds (plain JMH output). */
    static Optional<RoundForks> of(BenchmarkRecord r) {
        List<Integer> rounds = r.rounds();
        List<double[]> raw = r.primary().iterations();
        if (rounds.isEmpty() || rounds.size() != raw.size()) {
            return Optional.empty();
        }
        SortedMap<Integer, Double> medians = new TreeMap<>();
        for (int i = 0; i < raw.size(); i++) {
            double[] ns = java.util.Arrays.stream(raw.get(i)).filter(Double::isFinite)
                    .map(v -> TimeUnits.toNanosPerOp(v, r.primary().unit())).toArray();
            if (ns.length > 0 && medians.putIfAbsent(rounds.get(i), Stats.median(ns)) != null) {
                return Optional.empty(); // a round twice: not a run's own marks
            }
        }
        return Optional.of(new RoundForks(r.source(), medians));
    }
}
