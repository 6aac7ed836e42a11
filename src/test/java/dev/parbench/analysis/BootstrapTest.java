package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shipped statistics core: {@link Bootstrap} (the gate's interval machinery) and {@link Stats} (medians and
 * R's type-7 quantile). These replace the tests of the old two-level bootstrap, a class that lived only in the tests.
 */
class BootstrapTest {

    /**
     * Worked by hand: the mean of a resample of two values {10, 12}, divided by 5, is 2.0 (probability 1/4), 2.2 (1/2)
     * or 2.4 (1/4); the 2.5% and 97.5% percentiles of that distribution are 2.0 and 2.4.
     */
    @Test
    void percentileIntervalMatchesTheHandEnumeratedDistribution() {
        double[] v = {10, 12};
        double[] ci = Bootstrap.percentile(7, 4000, rnd -> {
            double[] r = Bootstrap.resample(v, new double[2], rnd);
            return (r[0] + r[1]) / 2 / 5;
        });
        assertEquals(2.0, ci[0], 1e-12);
        assertEquals(2.4, ci[1], 1e-12);
    }

    @Test
    void constantDataGiveAPointInterval() {
        double[] v = {5, 5, 5};
        assertArrayEquals(new double[] {5, 5},
                Bootstrap.percentile(1, 500, rnd -> Stats.median(Bootstrap.resample(v, new double[3], rnd))));
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        double[] v = {1.5, 2.25, 3.125, 4.0625, 5.03125, 6.5, 7.75, 8.875, 9.9375, 30.0};
        assertArrayEquals(meanInterval(v, 3), meanInterval(v, 3));
        double[] a = meanInterval(v, 3);
        double[] c = meanInterval(v, 4);
        assertTrue(a[0] < a[1], "a non-degenerate interval: " + a[0] + " .. " + a[1]);
        assertTrue(a[0] != c[0] || a[1] != c[1], "seeds 3 and 4 drew the same interval");
    }

    private static double[] meanInterval(double[] v, long seed) {
        return Bootstrap.percentile(seed, 999, rnd -> java.util.Arrays.stream(
                Bootstrap.resample(v, new double[v.length], rnd)).average().orElseThrow());
    }

    @Test
    void noReplicatesGiveNoInterval() {
        double[] ci = Bootstrap.percentile(1, 0, rnd -> 1);
        assertTrue(Double.isNaN(ci[0]) && Double.isNaN(ci[1]));
    }

    @Test
    void resampleDrawsOnlyFromTheData() {
        double[] v = {1, 2, 3};
        double[] r = Bootstrap.resample(v, new double[1000], new SplittableRandom(9));
        for (double x : r) {
            assertTrue(x == 1 || x == 2 || x == 3, "drew " + x);
        }
        for (double x : v) {
            assertTrue(java.util.Arrays.stream(r).anyMatch(y -> y == x), x + " never drawn in 1000");
        }
    }

    /** A fork's value is the median of its iterations: one wild iteration does not move it. */
    @Test
    void medianIgnoresOneWildValueAndAveragesTheMiddleTwo() {
        assertEquals(10, Stats.median(new double[] {10, 600, 10}), 1e-12);
        assertEquals(11, Stats.median(new double[] {12, 10}), 1e-12);
        assertArrayEquals(new double[] {10, 11}, Stats.forkMedians(List.of(new double[] {10, 10, 600},
                new double[] {11})));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
    }

    @Test
    void quantileIsRsTypeSeven() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.075, Stats.quantile(v, 0.025), 1e-12); // R: quantile(1:4, .025) = 1.075
        assertEquals(3.925, Stats.quantile(v, 0.975), 1e-12);
        assertEquals(2.5, Stats.quantile(v, 0.5), 1e-12);
    }
}
