package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The decision's correctness on hand-made samples: normalisation, one α per family, units, references, BH. */
class GateCorrectnessTest {
    static final GateConfig.Settings ST = new GateConfig.Settings(0.10, 0.02, 0.05);

    private static double[] forks(SplittableRandom r, double centre, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre * (1 + 0.005 * GateSimulationTest.gaussian(r));
        }
        return v;
    }

    @Test
    void geometricMeanLeavesTheTestedBenchmarkOut() {
        SplittableRandom r = new SplittableRandom(7);
        Map<String, double[]> base = new TreeMap<>();
        Map<String, double[]> cand = new TreeMap<>();
        double[] centres = {100, 200, 50, 400, 80};
        for (int b = 0; b < 5; b++) {
            base.put("b" + b, forks(r, centres[b], 12));
            cand.put("b" + b, forks(r, centres[b] * (b == 0 ? 1.3 : 1.0), 12));
        }
        // the candidate machine is also 20% slower overall: stored mode must not care
        cand.replaceAll((k, v) -> java.util.Arrays.stream(v).map(x -> x * 1.2).toArray());
        Map<String, double[]> nb = base;
        Map<String, double[]> nc = GateInput.relativeToOthers(base, cand);
        List<Sample> samples = new ArrayList<>();
        List<GateConfig.Settings> settings = new ArrayList<>();
        for (String k : nb.keySet()) {
            samples.add(new Sample(k, nb.get(k), nc.get(k), false));
            settings.add(ST);
        }
        List<BenchmarkVerdict> v = GateDecision.decide(samples, settings, List.of(), null,
                new GateConfig.Family(0.05, GateConfig.Correction.HOLM), 1, 200);
        assertEquals(Verdict.REGRESSION, v.get(0).verdict(), v.get(0).reason());
        // the regression keeps its full size: the others' geometric mean does not contain it
        assertEquals(1.3, v.get(0).ratio(), 0.02);
        for (int i = 1; i < 5; i++) {
            // the machine factor of each other benchmark is the median of its others' ratios: the regressed one is
            // one of four and does not move it; the others read unchanged, not improved
            assertEquals(Verdict.PASS, v.get(i).verdict(), v.get(i).key() + ": " + v.get(i).reason());
            assertEquals(1.0, v.get(i).ratio(), 0.015, v.get(i).key() + " looks changed: " + v.get(i).ratio());
        }
    }

    @Test
    void theFamilyUsesTheGlobalAlphaWhateverARuleSays() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("gate", ".json");
        java.nio.file.Files.writeString(f, """
                {"alpha": 0.01, "rules": [{"match": "loose", "alpha": 0.5, "threshold": 0.2}]}""");
        GateConfig cfg = GateConfig.load(f);
        assertEquals(0.01, cfg.settingsFor("x.loose").alpha());
        assertEquals(0.2, cfg.settingsFor("x.loose").threshold());
        assertEquals(1, cfg.notes().size());
        assertTrue(cfg.notes().get(0).contains("ignored"), cfg.notes().get(0));
        // p = 2^-6 = 0.0156 for 6 clean pairs: below 0.05, above 0.01 -> not a regression at the family's alpha
        double[] b = {100, 100.5, 99.5, 100.2, 99.8, 100.1};
        double[] c = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            c[i] = b[i] * (1.3 + 0.001 * i);
        }
        BenchmarkVerdict v = GateDecision.decide(List.of(new Sample("x.loose", b, c, true)),
                List.of(cfg.settingsFor("x.loose")), List.of(), null, cfg.family(), 1, 100).get(0);
        assertTrue(v.verdict() != Verdict.REGRESSION, v.reason());
        java.nio.file.Files.delete(f);
    }

    @Test
    void aUnitOrModeChangeIsOneClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateInput.checkSameUnits(
                Map.of("a.Bench.x", "avgt us/op"), Map.of("a.Bench.x", "avgt ms/op")));
        assertTrue(e.getMessage().contains("avgt us/op") && e.getMessage().contains("avgt ms/op"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertThrows(IllegalArgumentException.class, () -> GateInput.checkSameUnits(
                Map.of("a.Bench.x", "avgt us/op"), Map.of("a.Bench.x", "thrpt ops/us")));
        GateInput.checkSameUnits(Map.of("a.Bench.x", "avgt us/op"), Map.of("a.Bench.x", "avgt us/op"));
    }

    @Test
    void aMovedReferenceSaysWhichOneMoved() {
        SplittableRandom r = new SplittableRandom(11);
        double[] b = forks(r, 100, 10);
        double[] c = forks(r, 130, 10);
        Sample alu = new Sample("ReferenceBench.lcg", forks(r, 50, 10), forks(r, 50, 10), true);
        Sample mem = new Sample("ReferenceBench.stream", forks(r, 20, 10), forks(r, 26, 10), true);
        List<BenchmarkVerdict> v = GateDecision.decide(List.of(new Sample("x", b, c, true)), List.of(ST),
                List.of(alu, mem), ST, new GateConfig.Family(0.05, GateConfig.Correction.BH), 1, 100);
        assertEquals(Verdict.INCONCLUSIVE, v.get(0).verdict());
        assertTrue(v.get(0).reason().contains("ReferenceBench.stream"), v.get(0).reason());
        assertTrue(!v.get(0).reason().contains("ReferenceBench.lcg"), v.get(0).reason());
        // both unchanged: the regression stands
        Sample memStill = new Sample("ReferenceBench.stream", forks(r, 20, 10), forks(r, 20, 10), true);
        assertEquals(Verdict.REGRESSION, GateDecision.decide(List.of(new Sample("x", b, c, true)), List.of(ST),
                List.of(alu, memStill), ST, new GateConfig.Family(0.05, GateConfig.Correction.BH), 1, 100).get(0)
                .verdict());
    }

    @Test
    void benjaminiHochbergMatchesTheTextbook() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        double[] adj = RankTests.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});
        assertEquals(0.02, adj[0], 1e-12);
        assertEquals(0.04, adj[1], 1e-12);
        assertEquals(0.04, adj[2], 1e-12);
        assertEquals(0.02, adj[3], 1e-12);
        // never larger than Holm's
        double[] p = {0.001, 0.002, 0.003, 0.02, 0.2};
        double[] holm = RankTests.holm(p);
        double[] bh = RankTests.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(bh[i] <= holm[i] + 1e-15);
        }
        assertEquals(GateConfig.Correction.BH, GateConfig.Correction.parse("bh"));
        assertThrows(IllegalArgumentException.class, () -> GateConfig.Correction.parse("bonferroni"));
    }
}
