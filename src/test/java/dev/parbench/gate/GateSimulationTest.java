package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gate proved on seeded synthetic fork data. Noise model (stated, since the rates depend on it): each benchmark
 * has a fork-to-fork coefficient of variation c drawn from [3%, 8%]; a fork's log cost is the truth plus a
 * machine-state term shared by the baseline and candidate forks of one interleaved round (variance SHARED * c^2)
 * plus a JVM-level term of its own (variance (1 - SHARED) * c^2). Each side alone thus varies by c; the paired
 * log-ratio by c * sqrt(2 (1 - SHARED)). On a shared machine most fork-to-fork variation is the machine's state,
 * which A B B A interleaving puts on both sides of a pair; SHARED = 0.75 here (ratio noise 2.1% to 5.7%). With
 * SHARED = 0.5 (ratio noise = c, up to 8%) the rates are worse: see the closing note of the gate issue.
 * 20 benchmarks per gate, 10 paired forks, and the gate as it ships: the family (α and correction) and the default
 * threshold and δ of {@code .ci/gate.json} (α 0.05, Benjamini-Hochberg across the 20, threshold 10%, δ 2%), which
 * are also the built-in defaults ({@link #theSimulatedGateIsTheShippedOne}).
 */
class GateSimulationTest {
    static final int BENCHMARKS = 20;
    /** The configuration CI gates with. */
    static final GateConfig SHIPPED = GateConfig.load(Path.of(".ci", "gate.json"));
    static final int FORKS = Integer.getInteger("gate.sim.forks", 10);
    static final double DELTA = Double.parseDouble(System.getProperty("gate.sim.delta",
            String.valueOf(SHIPPED.settingsFor("b0").delta())));
    static final double SHARED = Double.parseDouble(System.getProperty("gate.sim.shared", "0.75"));

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** One simulated gate; {@code shifted} benchmarks get the candidate slower by {@code shift}. Returns verdicts. */
    static List<Verdict> gate(SplittableRandom rnd, int shifted, double shift) {
        return gate(rnd, shifted, shift, FORKS);
    }

    static List<Verdict> gate(SplittableRandom rnd, int shifted, double shift, int forks) {
        List<Sample> samples = new ArrayList<>();
        List<GateConfig.Settings> settings = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            double c = 0.03 + 0.05 * rnd.nextDouble();
            double sharedSd = c * Math.sqrt(SHARED);
            double ownSd = c * Math.sqrt(1 - SHARED);
            double truth = Math.log(1000 + 1000 * rnd.nextDouble());
            double[] base = new double[forks];
            double[] cand = new double[forks];
            for (int f = 0; f < forks; f++) {
                double shared = sharedSd * gaussian(rnd);
                base[f] = Math.exp(truth + shared + ownSd * gaussian(rnd));
                cand[f] = Math.exp(truth + Math.log1p(b < shifted ? shift : 0) + shared + ownSd * gaussian(rnd));
            }
            samples.add(new Sample("b" + b, base, cand, true));
            GateConfig.Settings shipped = SHIPPED.settingsFor("b" + b);
            settings.add(new GateConfig.Settings(shipped.threshold(), DELTA, shipped.alpha()));
        }
        return GateDecision.decide(samples, settings, List.of(), null, SHIPPED.family(), rnd.nextLong(), 0).stream()
                .map(BenchmarkVerdict::verdict).toList();
    }

    /** The simulation's numbers hold for what ships: CI's config and the defaults agree on everything simulated. */
    @Test
    void theSimulatedGateIsTheShippedOne() {
        assertEquals(GateConfig.Correction.BH, SHIPPED.family().correction());
        assertEquals(GateConfig.defaults().family(), SHIPPED.family());
        assertEquals(GateConfig.defaults().settingsFor("b0"), SHIPPED.settingsFor("b0"));
        assertEquals(new GateConfig.Settings(0.10, 0.02, 0.05), SHIPPED.settingsFor("b0"));
    }

    @Test
    void aaRunsAlmostNeverCryWolf() {
        SplittableRandom rnd = new SplittableRandom(1);
        int gatesWithRegression = 0;
        for (int g = 0; g < 1000; g++) {
            if (gate(rnd, 0, 0).contains(Verdict.REGRESSION)) {
                gatesWithRegression++;
            }
        }
        System.out.println("A/A: gates with a false REGRESSION: " + gatesWithRegression + " / 1000");
        assertTrue(gatesWithRegression <= 10, gatesWithRegression + " of 1000 A/A gates cried wolf");
    }

    @Test
    void aFifteenPercentSlowdownIsCaught() {
        SplittableRandom rnd = new SplittableRandom(2);
        int caught = 0;
        int trials = 1000;
        for (int g = 0; g < trials; g++) {
            if (gate(rnd, 1, 0.15).get(0) == Verdict.REGRESSION) {
                caught++;
            }
        }
        System.out.println("15% slowdown caught: " + caught + " / " + trials);
        assertTrue(caught >= 950, "caught only " + caught + " of " + trials);
    }

    /**
     * A 5% slowdown must not be called a 10% regression. It almost never is, but "never" is not attainable with this
     * noise: with 10 forks and ratio noise up to 5.7% the effect estimate is itself uncertain by about 1.8%, so a true
     * 5% reads as 10% or more in roughly 1 of 1,000 benchmarks (1 of 20,000 with 20 forks). Measured with the
     * shipped BH correction: 21 of 20,000 with 10 forks, 1 with 20 (the README's "11 of 20,000" was measured with
     * Holm, which rejects fewer of these truly-slower-than-δ benchmarks); asserted at most 25 (0.125%) and 5.
     */
    @Test
    void aFivePercentSlowdownIsNotARegressionAtTenPercent() {
        SplittableRandom rnd = new SplittableRandom(3);
        int flagged20 = 0;
        int flagged10 = 0;
        for (int g = 0; g < 1000; g++) {
            flagged20 += Collections.frequency(gate(rnd, BENCHMARKS, 0.05, 20), Verdict.REGRESSION);
            flagged10 += Collections.frequency(gate(rnd, BENCHMARKS, 0.05, 10), Verdict.REGRESSION);
        }
        System.out.println("5% slowdowns flagged as REGRESSION: " + flagged20 + " / " + 1000 * BENCHMARKS
                + " with 20 forks, " + flagged10 + " / " + 1000 * BENCHMARKS + " with 10 forks");
        assertTrue(flagged20 <= 5, flagged20 + " of 20000 with 20 forks");
        assertTrue(flagged10 <= 25, flagged10 + " of 20000 with 10 forks");
    }

    @Test
    void tooFewForksIsInconclusiveNotPass() {
        Sample s = new Sample("x", new double[] {1, 1.01, 0.99}, new double[] {2, 2.02, 1.98}, true);
        List<BenchmarkVerdict> v = GateDecision.decide(List.of(s, s), List.of(new GateConfig.Settings(0.1, 0.02,
                0.05), new GateConfig.Settings(0.1, 0.02, 0.05)), null, null, 1);
        assertEquals(Verdict.INCONCLUSIVE, v.get(0).verdict(), v.get(0).reason());
    }

    @Test
    void aMovedReferenceMakesEverythingInconclusive() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] b = new double[FORKS];
        double[] c = new double[FORKS];
        double[] rb = new double[FORKS];
        double[] rc = new double[FORKS];
        for (int f = 0; f < FORKS; f++) {
            b[f] = 100 * (1 + 0.01 * gaussian(rnd));
            c[f] = 130 * (1 + 0.01 * gaussian(rnd));
            rb[f] = 50 * (1 + 0.01 * gaussian(rnd));
            rc[f] = 65 * (1 + 0.01 * gaussian(rnd)); // the unchanged reference got 30% slower: the machine did
        }
        GateConfig.Settings st = new GateConfig.Settings(0.1, 0.02, 0.05);
        List<BenchmarkVerdict> v = GateDecision.decide(List.of(new Sample("x", b, c, true)), List.of(st),
                new Sample("ref", rb, rc, true), st, 1);
        assertEquals(Verdict.INCONCLUSIVE, v.get(0).verdict());
        assertTrue(v.get(0).reason().contains("reference"), v.get(0).reason());
        // the same data without the reference: a clear regression
        assertEquals(Verdict.REGRESSION, GateDecision.decide(List.of(new Sample("x", b, c, true)), List.of(st), null,
                null, 1).get(0).verdict());
    }

    @Test
    void improvementsAreReportedAsSuch() {
        double[] b = {100, 101, 99, 100, 102, 98, 100, 101, 99, 100};
        double[] c = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            c[i] = b[i] * 0.7 * (1 + 0.001 * i);
        }
        BenchmarkVerdict v = GateDecision.decide(List.of(new Sample("x", b, c, true)),
                List.of(new GateConfig.Settings(0.1, 0.02, 0.05)), null, null, 1).get(0);
        assertEquals(Verdict.IMPROVED, v.verdict(), v.reason());
        assertEquals(0.7, v.ratio(), 0.01);
    }

    @Test
    void exitCodes() {
        assertEquals(0, Verdict.exitCode(List.of(Verdict.PASS, Verdict.IMPROVED), false));
        assertEquals(1, Verdict.exitCode(List.of(Verdict.INCONCLUSIVE, Verdict.REGRESSION), false));
        assertEquals(3, Verdict.exitCode(List.of(Verdict.PASS, Verdict.INCONCLUSIVE), false));
        assertEquals(0, Verdict.exitCode(List.of(Verdict.PASS, Verdict.INCONCLUSIVE), true));
    }
}
