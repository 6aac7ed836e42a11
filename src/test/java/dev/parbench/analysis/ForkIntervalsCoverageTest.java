package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Coverage by simulation of the fork-level 95% intervals, at the fork counts the profiles use (2, 3) and may use
 * (5, 8), and at 20. Each experiment draws forks the way this kind of machine behaves: each fork's level is log-normal
 * around the truth (sigma 3% or 10%: JIT and memory layout differ per JVM), iterations inside a fork vary by 2%, and in
 * the "slow mode" scenario each fork has a 10% chance of running 1.5 to 2 times slower (the machine, not the model).
 * The truth is the undisturbed level: 1 ms for a time, 2 for a speedup (sequential 2 ms, model 1 ms).
 * <p>
 * Each cell reports: coverage over all experiments; coverage over the experiments whose forks agree
 * ({@link ForkIntervals#disagree} false on both sides: the only ones the report makes claims from); the share flagged
 * as disagreeing; the median width, high/low - 1.
 * <p>
 * Asserted: from {@link ForkIntervals#MIN_FORKS} forks on, the t method's result is an interval and covers at least
 * {@link #TOLERANCE} over the experiments whose forks agree, in every scenario, and over all experiments in the two
 * scenarios without slow forks; below MIN_FORKS it is a range; a slow fork is flagged. Seeded; a few seconds of CPU.
 * Prints the table in docs/METHOD.md.
 */
class ForkIntervalsCoverageTest {
    static final double TOLERANCE = 0.90;
    static final int ITERATIONS = 5;
    static final double ITERATION_SIGMA = 0.02;
    static final int[] NS = {2, 3, 5, 8, 20};

    record Scenario(String name, double sigma, double slowP) {
    }

    static final List<Scenario> SCENARIOS = List.of(new Scenario("quiet (3%)", 0.03, 0),
            new Scenario("noisy (10%)", 0.10, 0), new Scenario("slow mode (5%, 10% slow forks)", 0.05, 0.10));

    record Cell(Scenario scenario, String quantity, int n, String method, double coverage, double agreeing,
            double flagged, double width, boolean allIntervals) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f%% | %s | %.1f%% | %.1f%% |", scenario.name(),
                    quantity, n, allIntervals ? method : method + " -> range (below minimum)", 100 * coverage, Double.isNaN(agreeing) ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * agreeing), 100 * flagged, 100 * width);
        }
    }

    static List<double[]> forks(SplittableRandom rnd, double level, Scenario s, int n) {
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double forkLevel = level * Math.exp(s.sigma() * gaussian(rnd));
            if (rnd.nextDouble() < s.slowP()) {
                forkLevel *= 1.5 + 0.5 * rnd.nextDouble();
            }
            double[] it = new double[ITERATIONS];
            for (int i = 0; i < it.length; i++) {
                it[i] = forkLevel * Math.exp(ITERATION_SIGMA * gaussian(rnd));
            }
            forks.add(it);
        }
        return forks;
    }

    /** One cell: {@code sides} = 1 for a time (truth 1 ms), 2 for a speedup (truth 2). */
    static Cell cell(Scenario s, int n, String method, int sides,
            BiFunction<List<double[]>, List<double[]>, Estimate> interval, int experiments, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double truth = sides == 1 ? 1e6 : 2.0;
        int covered = 0;
        int agree = 0;
        int coveredAgreeing = 0;
        boolean all = true;
        double[] widths = new double[experiments];
        for (int x = 0; x < experiments; x++) {
            List<double[]> a = forks(rnd, sides == 1 ? 1e6 : 2e6, s, n);
            List<double[]> b = sides == 1 ? null : forks(rnd, 1e6, s, n);
            Estimate e = interval.apply(a, b);
            boolean in = e.low() <= truth && truth <= e.high();
            boolean agrees = !ForkIntervals.disagree(a) && (b == null || !ForkIntervals.disagree(b));
            covered += in ? 1 : 0;
            agree += agrees ? 1 : 0;
            coveredAgreeing += in && agrees ? 1 : 0;
            widths[x] = e.high() / e.low() - 1;
            all &= e.interval();
        }
        return new Cell(s, sides == 1 ? "time" : "speedup", n, method, covered / (double) experiments,
                agree == 0 ? Double.NaN : coveredAgreeing / (double) agree, 1 - agree / (double) experiments,
                Stats.median(widths), all);
    }

    @Test
    void studentTOnLogsCoversAtTheForkCountsProfilesUse() {
        List<Cell> cells = new ArrayList<>();
        long seed = 20261122L;
        for (Scenario s : SCENARIOS) {
            for (int n : NS) {
                cells.add(cell(s, n, "t on log fork medians", 1, (a, b) -> ForkIntervals.level(a), 1500, seed++));
                cells.add(cell(s, n, "Welch t on logs", 2, ForkIntervals::ratio, 1500, seed++));
            }
        }
        System.out.println("| scenario | quantity | forks per side | method | coverage | coverage, forks agree "
                + "| flagged | median width |\n|---|---|---:|---|---:|---:|---:|---:|");
        cells.forEach(c -> System.out.println(c.row()));

        for (Cell c : cells) {
            if (c.n() >= ForkIntervals.MIN_FORKS) {
                assertTrue(c.allIntervals(), c.row() + ": should be an interval");
                assertTrue(c.agreeing() >= TOLERANCE, c.row() + ": undercovers where the forks agree");
                if (c.scenario().slowP() == 0) {
                    assertTrue(c.coverage() >= TOLERANCE, c.row() + ": undercovers");
                }
            } else {
                assertTrue(!c.allIntervals(), c.row() + ": below the minimum this must be a range");
            }
            if (c.scenario().slowP() > 0) {
                // P(at least one slow fork among all forks drawn) is the least share that must be flagged
                int drawn = c.quantity().equals("time") ? c.n() : 2 * c.n();
                double anySlow = 1 - Math.pow(1 - c.scenario().slowP(), drawn);
                assertTrue(c.flagged() >= anySlow - 0.05, c.row() + ": slow forks not flagged");
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
