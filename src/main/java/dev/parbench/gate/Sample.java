package dev.parbench.gate;

import java.util.Arrays;
import java.util.List;

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

    /** The median iteration of each fork. */
    public static double[] forkMedians(List<double[]> forks) {
        return forks.stream().mapToDouble(f -> median(f)).toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Divides every value by {@code by} (normalisation by a reference of the same run). */
    static double[] scale(double[] v, double by) {
        return Arrays.stream(v).map(x -> x / by).toArray();
    }
}
