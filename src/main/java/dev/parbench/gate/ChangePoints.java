package dev.parbench.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points in a series of benchmark results by E-divisive means (Matteson and James, "A Nonparametric Approach
 * for Multiple Change Point Analysis of Multivariate Data", JASA 2014), the method Hunter and its successor Apache
 * Otava use on performance histories (Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance
 * Regressions", ICPE 2023; Daly et al., "The Use of Change Point Detection to Identify Software Performance
 * Regressions in a Continuous Integration System", ICPE 2020).
 *
 * <p>For a segment and a split τ into left X and right Y, the energy divergence is
 * {@code E = 2/(|X||Y|) Σ|x-y| - 1/C(|X|,2) Σ|x-x'| - 1/C(|Y|,2) Σ|y-y'|} and the statistic
 * {@code Q = |X||Y| / (|X|+|Y|) · E}. The best split over every current segment (each side at least
 * {@code minSegment} points) is tested by a permutation test: the segment's values shuffled {@code permutations}
 * times (seeded), p = (1 + #{max Q of a shuffle >= observed}) / (1 + permutations). If p is below
 * {@code significance} the split is kept and the search goes on in the pieces; otherwise it stops. Deterministic for
 * a seed. Values are used as given (callers pass log costs, so a step is relative).
 */
public final class ChangePoints {

    /**
     * One change: the first index of the new segment, the means of the segments either side (in the values given),
     * and the permutation p-value.
     */
    public record Change(int index, double before, double after, double p) {
    }

    private final int minSegment;
    private final double significance;
    private final int permutations;
    private final long seed;

    public ChangePoints(int minSegment, double significance, int permutations, long seed) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2");
        }
        this.minSegment = minSegment;
        this.significance = significance;
        this.permutations = permutations;
        this.seed = seed;
    }

    /** Defaults: segments of at least 3 runs, p < 0.01, 999 permutations (199 cannot resolve p near 0.01). */
    public static ChangePoints defaults(long seed) {
        return new ChangePoints(3, 0.01, 999, seed);
    }

    /** The change points of {@code x}, in index order. */
    public List<Change> find(double[] x) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> cuts = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        while (true) {
            List<Integer> bounds = new ArrayList<>(cuts);
            bounds.add(0);
            bounds.add(x.length);
            bounds.sort(Comparator.naturalOrder());
            double bestQ = -1;
            int bestTau = -1;
            int bestLo = 0;
            int bestHi = 0;
            for (int s = 0; s + 1 < bounds.size(); s++) {
                int lo = bounds.get(s);
                int hi = bounds.get(s + 1);
                double[] seg = java.util.Arrays.copyOfRange(x, lo, hi);
                double[] best = best(seg);
                if (best != null && best[1] > bestQ) {
                    bestQ = best[1];
                    bestTau = lo + (int) best[0];
                    bestLo = lo;
                    bestHi = hi;
                }
            }
            if (bestTau < 0) {
                break;
            }
            double[] seg = java.util.Arrays.copyOfRange(x, bestLo, bestHi);
            int atLeast = 0;
            for (int r = 0; r < permutations; r++) {
                shuffle(seg, rnd);
                double[] b = best(seg);
                if (b != null && b[1] >= bestQ) {
                    atLeast++;
                }
            }
            double p = (1.0 + atLeast) / (1.0 + permutations);
            if (p >= significance) {
                break;
            }
            cuts.add(bestTau);
            ps.add(p);
        }
        List<Integer> sorted = new ArrayList<>(cuts);
        sorted.sort(Comparator.naturalOrder());
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int c = sorted.get(i);
            int lo = i == 0 ? 0 : sorted.get(i - 1);
            int hi = i + 1 < sorted.size() ? sorted.get(i + 1) : x.length;
            out.add(new Change(c, mean(x, lo, c), mean(x, c, hi), ps.get(cuts.indexOf(c))));
        }
        return out;
    }

    /** {τ, Q} of the best split of {@code v} (each side >= minSegment), or null if it is too short. */
    double[] best(double[] v) {
        int n = v.length;
        if (n < 2 * minSegment) {
            return null;
        }
        // all pairwise distances; the split moves one point at a time from the right to the left: O(n^2) in all
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = Math.abs(v[i] - v[j]);
                d[j][i] = d[i][j];
            }
        }
        double withinL = 0;
        double withinR = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                withinR += d[i][j];
            }
        }
        double between = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        for (int t = 0; t < n - minSegment; t++) {
            // move point t from the right segment to the left: the left is [0, t], the right [t+1, n)
            double toLeft = 0;
            double toRight = 0;
            for (int i = 0; i < t; i++) {
                toLeft += d[i][t];
            }
            for (int j = t + 1; j < n; j++) {
                toRight += d[t][j];
            }
            withinL += toLeft;
            withinR -= toRight;
            between += toRight - toLeft;
            int nl = t + 1;
            int nr = n - nl;
            if (nl < minSegment) {
                continue;
            }
            double e = 2 * between / ((double) nl * nr) - withinL / (nl * (nl - 1) / 2.0)
                    - withinR / (nr * (nr - 1) / 2.0);
            double q = (double) nl * nr / n * e;
            if (q > bestQ) {
                bestQ = q;
                bestTau = nl;
            }
        }
        return bestTau < 0 ? null : new double[] {bestTau, bestQ};
    }

    private static void shuffle(double[] v, SplittableRandom rnd) {
        for (int i = v.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    private static double mean(double[] x, int lo, int hi) {
        double s = 0;
        for (int i = lo; i < hi; i++) {
            s += x[i];
        }
        return s / (hi - lo);
    }
}
