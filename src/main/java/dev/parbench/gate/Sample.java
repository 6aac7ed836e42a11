package dev.parbench.gate;

import java.util.Arrays;

/**
 * One benchmark's data on both sides, as costs (smaller is better: ns/op, or 1/score for throughputs), one value per
 * fork (its median iteration). Paired samples have fork i of the baseline run next to fork i of the candidate.
 */
public record Sample(String key, double[] baseline, double[] candidate, boolean paired) {

    public Sample {
        if (baseline.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException(key + ": no forks on one side");
        }
        if (paired && baseline.length != candidate.length) {
            throw new IllegalArgumentException(key + ": paired samples need as many baseline as candidate forks ("
                    + baseline.length + " vs " + candidate.length + ")");
        }
    }

    /** Divides every value by {@code by} (normalisation by a reference of the same run). */
    static double[] scale(double[] v, double by) {
        return Arrays.stream(v).map(x -> x / by).toArray();
    }
}
