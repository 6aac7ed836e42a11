package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class RankTestsTest {

    /** n values whose negative ranks are exactly {@code negativeRanks}; the rest positive. */
    static double[] withNegativeRanks(int n, int... negativeRanks) {
        double[] z = new double[n];
        for (int r = 1; r <= n; r++) {
            z[r - 1] = r;
        }
        for (int r : negativeRanks) {
            z[r - 1] = -r;
        }
        return z;
    }

    /**
     * Published critical values of the signed-rank statistic T (the smaller rank sum), n = 10 (e.g. the tables in
     * Siegel and Castellan, or any statistics text): one-sided 0.05 -> T <= 10 (exact P = 43/1024 = 0.0420),
     * 0.025 -> 8 (25/1024), 0.01 -> 5 (10/1024), 0.005 -> 3 (5/1024); and n = 8: 0.05 -> 5 (10/256 = 0.0391).
     */
    @Test
    void exactWilcoxonMatchesPublishedTables() {
        assertEquals(43 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10, 1, 2, 3, 4)), 1e-12); // T = 10
        assertEquals(54 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10, 1, 2, 3, 5)), 1e-12); // T = 11
        assertEquals(25 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10, 1, 3, 4)), 1e-12);    // T = 8
        assertEquals(10 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10, 5)), 1e-12);          // T = 5
        assertEquals(5 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10, 1, 2)), 1e-12);        // T = 3
        assertEquals(1 / 1024.0, RankTests.wilcoxonGreater(withNegativeRanks(10)), 1e-12);              // T = 0
        assertEquals(10 / 256.0, RankTests.wilcoxonGreater(withNegativeRanks(8, 5)), 1e-12);
        assertEquals(RankTests.smallestWilcoxonP(10), 1 / 1024.0, 1e-15);
    }

    /** Commons Math's exact two-sided p is twice the smaller one-sided tail. */
    @Test
    void agreesWithCommonsMathTwoSided() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30, 2.01};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29, 1.71};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        double two = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true);
        double one = RankTests.wilcoxonGreater(d);
        assertEquals(two, 2 * Math.min(one, 1 - one + countEqualTail(d)), 1e-9);
    }

    /** P(W+ = observed), so that P(W+ <= observed) = 1 - P(W+ >= observed) + P(W+ = observed). */
    private static double countEqualTail(double[] d) {
        double[] neg = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            neg[i] = -d[i];
        }
        // P(W- >= w-) = P(W+ <= w+); so 1 - P(W+ >= w+) + P(W+ = w+) = P(W- >= w-)
        return RankTests.wilcoxonGreater(neg) - (1 - RankTests.wilcoxonGreater(d));
    }

    /** Mann-Whitney, n1 = n2 = 4: complete separation has P = 1/70; U = 15 has P(U >= 15) = 2/70 (tables). */
    @Test
    void exactMannWhitneyMatchesTables() {
        assertEquals(1 / 70.0, RankTests.mannWhitneyGreater(new double[] {5, 6, 7, 8}, new double[] {1, 2, 3, 4}),
                1e-12);
        assertEquals(2 / 70.0, RankTests.mannWhitneyGreater(new double[] {4, 6, 7, 8}, new double[] {1, 2, 3, 5}),
                1e-12);
        assertEquals(1 / 20.0, RankTests.smallestMannWhitneyP(3, 3), 1e-12);
        assertTrue(RankTests.mannWhitneyGreater(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}) > 0.99);
    }

    /** R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02 (checked by hand). */
    @Test
    void holmMatchesHandComputation() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, RankTests.holm(new double[] {0.01, 0.04, 0.03,
            0.005}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, RankTests.holm(new double[] {0.6, 0.9}), 1e-12);
    }
}
