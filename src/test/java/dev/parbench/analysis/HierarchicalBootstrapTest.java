package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HierarchicalBootstrapTest {

    @Test
    void constantDataGiveAPointInterval() {
        Estimate e = new HierarchicalBootstrap(1).mean(List.of(new double[] {5, 5, 5}, new double[] {5, 5}));
        assertEquals(5, e.point());
        assertEquals(5, e.low());
        assertEquals(5, e.high());
        assertEquals(2, e.forks());
    }

    /**
     * Worked by hand: numerator forks {10} and {12}, denominator forks {5} and {5}, one iteration each. A
     * resample of two forks has mean 10 (prob 1/4), 11 (1/2) or 12 (1/4); divided by 5: 2.0, 2.2, 2.4. The point is
     * 11/5 = 2.2; the 2.5% and 97.5% percentiles of that distribution are 2.0 and 2.4.
     */
    @Test
    void ratioIntervalMatchesTheHandEnumeratedDistribution() {
        Estimate e = new HierarchicalBootstrap(7).ratio(List.of(new double[] {10}, new double[] {12}),
                List.of(new double[] {5}, new double[] {5}));
        assertEquals(2.2, e.point(), 1e-12);
        assertEquals(2.0, e.low(), 1e-12);
        assertEquals(2.4, e.high(), 1e-12);
    }

    /** A fork's value is the median of its iterations: one wild iteration does not move it. */
    @Test
    void forkValueIsTheMedianIteration() {
        assertEquals(10, HierarchicalBootstrap.center(List.of(new double[] {10, 10, 600})), 1e-12);
        assertEquals(11, HierarchicalBootstrap.center(List.of(new double[] {10, 12}, new double[] {11})), 1e-12);
    }

    @Test
    void sameSeedSameInterval() {
        List<double[]> a = List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4}, new double[] {3, 3, 5});
        assertEquals(new HierarchicalBootstrap(3).mean(a), new HierarchicalBootstrap(3).mean(a));
    }

    /** With many forks the 95% interval of the mean covers the true mean in about 95% of experiments. */
    @Test
    void coverageIsNearNominalWithManyForks() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int covered = 0;
        int experiments = 300;
        for (int x = 0; x < experiments; x++) {
            List<double[]> forks = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                double forkMean = 100 + 5 * gaussian(rnd);
                double[] it = new double[5];
                for (int i = 0; i < it.length; i++) {
                    it[i] = forkMean + gaussian(rnd) * 0.5;
                }
                forks.add(it);
            }
            Estimate e = new HierarchicalBootstrap(x, 1000).mean(forks);
            if (e.low() <= 100 && 100 <= e.high()) {
                covered++;
            }
        }
        double rate = covered / (double) experiments;
        assertTrue(rate > 0.88 && rate < 0.99, "coverage " + rate);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void quantileIsRsTypeSeven() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.075, Stats.quantile(v, 0.025), 1e-12); // R: quantile(1:4, .025) = 1.075
        assertEquals(3.925, Stats.quantile(v, 0.975), 1e-12);
    }

    @Test
    void emptyDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HierarchicalBootstrap(1).mean(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalBootstrap(1).mean(List.of(new double[0])));
    }
}
