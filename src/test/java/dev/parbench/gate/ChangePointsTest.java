package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** E-divisive means on seeded synthetic series: a known step is found where it is; flat noise has none (or rarely). */
class ChangePointsTest {

    static double[] noisy(SplittableRandom r, int n, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sd * GateSimulationTest.gaussian(r);
        }
        return x;
    }

    @Test
    void aStepIsFoundAtItsIndex() {
        SplittableRandom r = new SplittableRandom(1);
        int exact = 0;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = noisy(r, 40, 0.02);
            for (int i = 25; i < 40; i++) {
                x[i] += Math.log(1.10); // 10% slower from run 25 on, noise 2%
            }
            List<ChangePoints.Change> c = ChangePoints.defaults(trial).find(x);
            assertEquals(1, c.size(), "trial " + trial + ": " + c);
            // a noisy point next to the step can sit on either side of it: off by one at most, exact mostly
            assertEquals(25, c.get(0).index(), 1, "trial " + trial + ": " + c);
            exact += c.get(0).index() == 25 ? 1 : 0;
            assertEquals(Math.log(1.10), c.get(0).after() - c.get(0).before(), 0.02);
        }
        assertTrue(exact >= 16, exact + " of 20 at the exact index");
    }

    @Test
    void twoStepsAreBothFound() {
        SplittableRandom r = new SplittableRandom(2);
        double[] x = noisy(r, 45, 0.01);
        for (int i = 15; i < 45; i++) {
            x[i] += 0.2;
        }
        for (int i = 30; i < 45; i++) {
            x[i] -= 0.1;
        }
        List<ChangePoints.Change> c = ChangePoints.defaults(3).find(x);
        assertEquals(List.of(15, 30), c.stream().map(ChangePoints.Change::index).toList(), c.toString());
    }

    @Test
    void flatNoiseRarelyHasAChangePoint() {
        SplittableRandom r = new SplittableRandom(4);
        int withChange = 0;
        int series = 100;
        for (int s = 0; s < series; s++) {
            if (!ChangePoints.defaults(s).find(noisy(r, 30, 0.05)).isEmpty()) {
                withChange++;
            }
        }
        System.out.println("flat noisy series with a change point: " + withChange + " / " + series);
        // each accepted split is a test at 0.01: a few per 100 at most
        assertTrue(withChange <= 5, withChange + " of " + series + " flat series had a change point");
    }

    @Test
    void tooShortSeriesHaveNone() {
        assertTrue(ChangePoints.defaults(1).find(new double[] {1, 2, 3, 4, 5}).isEmpty());
        assertTrue(ChangePoints.defaults(1).find(new double[0]).isEmpty());
    }
}
