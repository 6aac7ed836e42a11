package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Change points on seeded synthetic histories given as the log fork scores of each run: a planted step is found at
 * its run even in 6 runs, steady histories raise none, and too few runs are told apart from "no change".
 */
class ChangePointsTest {
    /** Fork-to-fork noise: 1% standard deviation (forks of a run within about 3% of each other). */
    private static final double FORK_SD = 0.01;
    /** Run-to-run wander on top of it: 0.5%. */
    private static final double RUN_SD = 0.005;

    /**
     * {@code n} runs of 2 or 3 forks (chosen at random) about a base cost of 18.5 ms, from run {@code at} on
     * {@code step} times slower.
     */
    static double[][] history(SplittableRandom r, int n, int at, double step) {
        double[][] runs = new double[n][];
        for (int i = 0; i < n; i++) {
            double level = Math.log(18.5) + (i >= at ? Math.log(step) : 0) + RUN_SD * GateSimulationTest.gaussian(r);
            runs[i] = new double[2 + r.nextInt(2)];
            for (int f = 0; f < runs[i].length; f++) {
                runs[i][f] = level + FORK_SD * GateSimulationTest.gaussian(r);
            }
        }
        return runs;
    }

    @Test
    void aTwentyPercentStepInSixRunsIsFoundAtItsRun() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            List<ChangePoints.Change> c = ChangePoints.defaults().find(history(r, 6, 3, 1.20));
            assertEquals(1, c.size(), "trial " + trial + ": " + c);
            assertEquals(3, c.get(0).index(), "trial " + trial + ": " + c);
            assertEquals(Math.log(1.20), c.get(0).after() - c.get(0).before(), 0.03, "trial " + trial);
            assertTrue(c.get(0).p() < 0.01, c.toString());
        }
    }

    @Test
    void aTenPercentStepInSixRunsIsFoundAtItsRunMostly() {
        SplittableRandom r = new SplittableRandom(2);
        int found = 0;
        for (int trial = 0; trial < 50; trial++) {
            List<ChangePoints.Change> c = ChangePoints.defaults().find(history(r, 6, 3, 1.10));
            assertTrue(c.size() <= 1, c.toString());
            if (c.size() == 1) {
                assertEquals(3, c.get(0).index(), c.toString());
                found++;
            }
        }
        System.out.println("10% step in 6 runs of 2-3 forks, 1% fork noise, 0.5% run wander: found in " + found
                + " of 50");
        assertTrue(found >= 45, found + " of 50");
    }

    @Test
    void twentySteadyRunsRaiseNoChangePoint() {
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<ChangePoints.Change> c = ChangePoints.defaults().find(history(r, 20, 20, 1.0));
            assertTrue(c.isEmpty(), "seed " + seed + ": " + c);
        }
    }

    @Test
    void runsThatWanderMoreThanTheirForksAreNotTakenForAChange() {
        // run-to-run wander 2%, forks of a run within 0.5%: over the forks alone, wander looks like steps
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = new double[20][3];
            for (double[] run : x) {
                double level = 0.02 * GateSimulationTest.gaussian(r);
                for (int f = 0; f < run.length; f++) {
                    run[f] = level + 0.005 * GateSimulationTest.gaussian(r);
                }
            }
            assertTrue(ChangePoints.defaults().find(x).isEmpty(), "seed " + seed);
        }
    }

    @Test
    void twoStepsInALongHistoryAreBothFound() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = history(r, 18, 6, 1.2);
        for (int i = 12; i < 18; i++) {
            for (int f = 0; f < x[i].length; f++) {
                x[i][f] -= Math.log(1.1);
            }
        }
        List<ChangePoints.Change> c = ChangePoints.defaults().find(x);
        assertEquals(List.of(6, 12), c.stream().map(ChangePoints.Change::index).toList(), c.toString());
    }

    @Test
    void tooFewRunsOrForksCannotBeTestedAtAll() {
        ChangePoints cp = ChangePoints.defaults();
        assertEquals(6, cp.minRuns());
        assertFalse(cp.canFind(history(new SplittableRandom(4), 5, 3, 1.5)));
        assertTrue(cp.canFind(history(new SplittableRandom(4), 6, 3, 1.5)));
        // one fork per run is enough once a side pools two runs
        assertTrue(new ChangePoints(2, 0.01).canFind(new double[][] {{1}, {1.01}, {2}, {2.01}}));
        assertFalse(new ChangePoints(1, 0.01).canFind(new double[][] {{1}, {2}}));
        assertTrue(cp.find(new double[0][]).isEmpty());
    }
}
