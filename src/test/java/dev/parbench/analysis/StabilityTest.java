package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The machine-stability figures: each reference fork's time over its benchmark's median fork, against the minute it
 * started; a planted slow round is found and named, a steady run has nothing beyond the band, and a run without
 * start times has no stability at all.
 */
class StabilityTest {
    private static final long T0 = 1_765_000_000_000L;

    /** One record whose fork {@code i} ran in round {@code i + 1}, started {@code 90 s} per round after T0 (+ skew). */
    private static BenchmarkRecord rec(String benchmark, Map<String, String> params, long skewMs, double... us) {
        List<double[]> forks = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < us.length; i++) {
            forks.add(new double[] {us[i] * 0.99, us[i], us[i] * 1.01});
            rounds.add(i + 1);
            started.add(T0 + skewMs + 90_000L * i);
        }
        return new BenchmarkRecord(benchmark, "avgt", new TreeMap<>(params), us.length, 1,
                new Metric(us[0], Double.NaN, "us/op", new TreeMap<>(), forks), Map.of(), Map.of(), List.of(), "run",
                rounds, started);
    }

    private static BenchmarkRecord reference(String method, long skewMs, double... us) {
        return rec("dev.parbench.bench.ReferenceBench." + method, Map.of(), skewMs, us);
    }

    private static Stability stability(BenchmarkRecord... records) {
        return new Analyzer().analyze(new RunData(List.of(records), Map.of())).stability();
    }

    @Test
    void aPlantedSlowRoundIsFoundAndNamed() {
        Stability s = stability(reference("lcg", 1_000, 50, 50.5, 49.8, 50.2, 50.1, 49.9),
                reference("stream", 30_000, 200, 202, 236, 199, 201, 200));
        assertTrue(s.present());
        assertEquals(Stability.Basis.REFERENCE, s.basis());
        assertEquals(2, s.lines().size());
        assertTrue(s.rounds());
        Stability.Deviation d = s.largest().orElseThrow();
        assertEquals("ReferenceBench.stream", d.line().benchmark());
        assertEquals(3, d.sample().round());
        assertEquals(236 / 200.5, d.sample().relative(), 1e-9, "over the median fork of the run (200 and 201)");
        assertEquals((30_000 + 2 * 90_000 - 1_000) / 60_000.0, d.sample().minutes(), 1e-9,
                "minutes since the run's first fork (lcg's, at T0 + 1 s)");
        assertEquals(List.of(d), s.outside(), "the one fork beyond 5%");
        Stability.Line lcg = s.lines().stream().filter(l -> l.benchmark().equals("ReferenceBench.lcg")).findFirst()
                .orElseThrow();
        assertEquals(0, lcg.samples().get(0).minutes(), 1e-9);
        assertEquals(50_050, lcg.typicalNanos(), 1e-6, "median of six: (50.0 + 50.1) / 2 us");
    }

    @Test
    void aSteadyRunHasNoForkBeyondTheBand() {
        Stability s = stability(reference("lcg", 0, 50, 50.5, 49.8, 50.2, 51.1, 49.9),
                reference("stream", 500, 200, 204, 197, 199, 206, 200));
        Stability.Deviation d = s.largest().orElseThrow();
        assertTrue(Math.abs(d.sample().deviation()) <= Stability.BAND, d.toString());
        assertEquals(5, d.sample().round(), "206 / 200 is the furthest");
        assertTrue(s.outside().isEmpty());
        // a fast round counts as much as a slow one
        Stability fast = stability(reference("lcg", 0, 50, 50.5, 40, 50.2, 51.1, 49.9));
        assertEquals(3, fast.largest().orElseThrow().sample().round());
        assertTrue(fast.largest().orElseThrow().sample().deviation() < -Stability.BAND);
    }

    @Test
    void withoutReferencesTheSequentialBaselinesAtTheLargestSizeStandIn() {
        Stability s = stability(
                rec("dev.parbench.bench.SumBench.sequential", Map.of("size", "1048576", "kernel", "simd"), 0, 10, 11,
                        10),
                rec("dev.parbench.bench.SumBench.sequential", Map.of("size", "33554432", "kernel", "simd"), 5_000, 300,
                        390, 301),
                rec("dev.parbench.bench.SumBench.parallel", Map.of("size", "33554432", "kernel", "simd", "strategy",
                        "fork-join", "parallelism", "2"), 10_000, 160, 200, 161));
        assertEquals(Stability.Basis.BASELINES, s.basis());
        assertEquals(1, s.lines().size(), "only the largest size, only sequential");
        assertEquals("33554432", s.lines().get(0).params().get("size"));
        assertEquals(2, s.largest().orElseThrow().sample().round());
    }

    @Test
    void noStartTimesNoStabilityAndNoError() {
        BenchmarkRecord plain = new BenchmarkRecord("dev.parbench.bench.ReferenceBench.lcg", "avgt", new TreeMap<>(),
                3, 1, new Metric(50, Double.NaN, "us/op", new TreeMap<>(), List.of(new double[] {50},
                        new double[] {51}, new double[] {49})), Map.of(), Map.of(), List.of(), "run");
        Stability s = stability(plain);
        assertSame(Stability.NONE, s);
        assertFalse(s.present());
        assertTrue(s.largest().isEmpty());
        assertFalse(stability(reference("lcg", 0, 50)).present(), "one fork: nothing to compare it with");
    }
}
