package dev.parbench.results;

import java.util.List;
import java.util.SortedMap;

/**
 * One JMH metric (primary or secondary) as written.
 *
 * @param score         JMH's score
 * @param scoreError    JMH's half-width (pools iterations across forks: not the fork-level interval)
 * @param unit          e.g. {@code us/op}, {@code ops/s}, {@code MB/sec}
 * @param percentiles   JMH's percentiles (percent -> value); empty if absent
 * @param iterations    per fork, per measurement iteration values (sample mode: the mean of each iteration's
 *                      histogram; single-shot: each shot); empty if JMH wrote no raw data
 */
public record Metric(double score, double scoreError, String unit, SortedMap<Double, Double> percentiles,
        List<double[]> iterations) {

    public Metric {
        percentiles = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(percentiles));
        iterations = List.copyOf(iterations);
    }

    public int forks() {
        return iterations.size();
    }
}
