package dev.parbench.gate;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided rank tests with exact p-values for small samples without ties (normal approximation with tie correction
 * otherwise). Commons Math offers these only two-sided; the gate needs "greater than".
 */
public final class RankTests {
    /** Exact distributions are enumerated up to this sample size. */
    static final int EXACT_MAX = 30;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private RankTests() {
    }

    /**
     * Wilcoxon signed-rank, H1: the values are centred above 0. Zeros are dropped (Wilcoxon's convention).
     * Returns P(W+ >= observed) under H0; 1 for no non-zero values.
     */
    public static double wilcoxonGreater(double[] z) {
        double[] nz = Arrays.stream(z).filter(v -> v != 0 && !Double.isNaN(v)).toArray();
        int n = nz.length;
        if (n == 0) {
            return 1.0;
        }
        double[] abs = Arrays.stream(nz).map(Math::abs).toArray();
        double[] ranks = ranks(abs);
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (nz[i] > 0) {
                wPlus += ranks[i];
            }
        }
        boolean ties = hasTies(abs);
        if (!ties && n <= EXACT_MAX) {
            // count subsets of {1..n} by rank sum: W+ under H0 is the sum of a uniformly random subset
            int max = n * (n + 1) / 2;
            double[] count = new double[max + 1];
            count[0] = 1;
            for (int r = 1; r <= n; r++) {
                for (int s = max; s >= r; s--) {
                    count[s] += count[s - r];
                }
            }
            double total = Math.pow(2, n);
            double tail = 0;
            for (int s = (int) Math.round(wPlus); s <= max; s++) {
                tail += count[s];
            }
            return tail / total;
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - tieCorrection(abs) / 48.0;
        double zScore = (wPlus - mean - 0.5) / Math.sqrt(var); // continuity correction
        return 1 - NORMAL.cumulativeProbability(zScore);
    }

    /**
     * Mann-Whitney U, H1: {@code x} is stochastically greater than {@code y}. Returns P(U_x >= observed) under H0.
     */
    public static double mannWhitneyGreater(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double[] all = new double[n + m];
        System.arraycopy(x, 0, all, 0, n);
        System.arraycopy(y, 0, all, n, m);
        double[] ranks = ranks(all);
        double rx = 0;
        for (int i = 0; i < n; i++) {
            rx += ranks[i];
        }
        double u = rx - n * (n + 1) / 2.0;
        if (!hasTies(all) && n <= EXACT_MAX && m <= EXACT_MAX) {
            // f[k][s]: number of ways to choose k of the first items with U contribution s; classic recursion on (n, m)
            double[][] f = uCounts(n, m);
            double total = 0;
            double tail = 0;
            for (int s = 0; s < f[n].length; s++) {
                total += f[n][s];
                if (s >= Math.round(u)) {
                    tail += f[n][s];
                }
            }
            return tail / total;
        }
        double mean = n * m / 2.0;
        int big = n + m;
        double var = n * m / 12.0 * ((big + 1) - tieCorrection(all) / (big * (big - 1.0)));
        double zScore = (u - mean - 0.5) / Math.sqrt(var);
        return 1 - NORMAL.cumulativeProbability(zScore);
    }

    /** Distribution of U for sample sizes n and m: counts[n][u] over all C(n+m, n) arrangements. */
    private static double[][] uCounts(int n, int m) {
        // dp over items of the combined sorted order: g[i][j] = counts vector for i x-items and j y-items placed
        double[][][] g = new double[n + 1][m + 1][];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double[] v = new double[i * j + 1];
                if (i == 0 || j == 0) {
                    v[0] = 1;
                } else {
                    // the largest item is an x (it beats all j y's: U += j) or a y (U unchanged)
                    double[] a = g[i - 1][j];
                    double[] b = g[i][j - 1];
                    for (int s = 0; s < a.length; s++) {
                        v[s + j] += a[s];
                    }
                    for (int s = 0; s < b.length; s++) {
                        v[s] += b[s];
                    }
                }
                g[i][j] = v;
            }
        }
        double[][] out = new double[n + 1][];
        out[n] = g[n][m];
        return out;
    }

    /** Average ranks (1-based) of the values. */
    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static boolean hasTies(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 1; i < s.length; i++) {
            if (s[i] == s[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Sum over tie groups of (t^3 - t). */
    private static double tieCorrection(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double c = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            c += t * t * t - t;
            i = j + 1;
        }
        return c;
    }

    /** The smallest p-value the exact one-sided signed-rank test can give with n pairs: 2^-n. */
    public static double smallestWilcoxonP(int n) {
        return Math.pow(2, -n);
    }

    /** The smallest exact one-sided Mann-Whitney p-value for sizes n, m: 1 / C(n+m, n). */
    public static double smallestMannWhitneyP(int n, int m) {
        double c = 1;
        for (int k = 1; k <= n; k++) {
            c = c * (m + k) / k;
        }
        return 1 / c;
    }

    /**
     * Holm's step-down adjustment: sort p ascending, p'_(i) = max over j <= i of min(1, (m - j + 1) p_(j)).
     * Returns the adjusted values in the input order.
     */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double[] adj = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            double v = Math.min(1, (m - k) * p[idx[k]]);
            running = Math.max(running, v);
            adj[idx[k]] = running;
        }
        return adj;
    }

    /**
     * Benjamini-Hochberg step-up adjustment: sort p ascending, p'_(i) = min over j >= i of min(1, m p_(j) / j).
     * Rejecting p' < α controls the false discovery rate at α for independent (or positively dependent) tests, and
     * the family-wise error rate when every null hypothesis is true. Returns the adjusted values in input order.
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double[] adj = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            double v = Math.min(1, m * p[idx[k]] / (k + 1));
            running = Math.min(running, v);
            adj[idx[k]] = running;
        }
        return adj;
    }
}
