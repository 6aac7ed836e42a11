package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Analysis of hand-made records whose answers are known. */
class AnalyzerTest {

    static BenchmarkRecord rec(String method, String unit, Map<String, String> params, double[]... forks) {
        return new BenchmarkRecord("dev.parbench.bench.SumBench." + method, "avgt", new TreeMap<>(params),
                forks.length, 1, new Metric(forks[0][0], Double.NaN, unit, new TreeMap<>(), List.of(forks)), Map.of(),
                Map.of(), List.of(), "test");
    }

    static double[] around(double v) {
        return new double[] {v * 0.99, v, v * 1.01};
    }

    static Map<String, String> par(String strategy, int p, int size) {
        return Map.of("strategy", strategy, "parallelism", String.valueOf(p), "size", String.valueOf(size),
                "kernel", "simd");
    }

    static Map<String, String> seq(int size) {
        return Map.of("size", String.valueOf(size), "kernel", "simd");
    }

    private static List<BenchmarkRecord> crossoverRun() {
        List<BenchmarkRecord> r = new ArrayList<>();
        // sequential: 10 us, 100 us, 1000 us
        r.add(rec("sequential", "us/op", seq(1024), around(10), around(10)));
        r.add(rec("sequential", "us/op", seq(32768), around(100), around(100)));
        r.add(rec("sequential", "us/op", seq(1048576), around(1000), around(1000)));
        // fork-join at p=2: slower at 1k, equal at 32k, twice as fast at 1M
        r.add(rec("parallel", "us/op", par("fork-join", 2, 1024), around(40), around(40)));
        r.add(rec("parallel", "us/op", par("fork-join", 2, 32768), around(100), around(100)));
        r.add(rec("parallel", "us/op", par("fork-join", 2, 1048576), around(500), around(500)));
        // fork-join at p=1: 5% overhead
        r.add(rec("parallel", "us/op", par("fork-join", 1, 1048576), around(1050), around(1050)));
        // thread-per-task never wins
        r.add(rec("parallel", "us/op", par("thread-per-task", 2, 1048576), around(1200), around(1200)));
        return r;
    }

    @Test
    void speedupCrossoverAndBestAreWhatTheDataSay() {
        Analysis a = new Analyzer().analyze(new RunData(crossoverRun(), Map.of()));
        assertEquals(1, a.workloads().size());
        Analysis.WorkloadResult w = a.workloads().get(0);
        assertEquals("sum", w.workload());
        assertEquals(List.of(1024, 32768, 1048576), w.sizes());
        assertEquals(List.of("thread-per-task", "fork-join"), w.strategies()); // StrategyKind order
        Analysis.Point fj = w.point("fork-join", 2, 1048576).orElseThrow();
        assertEquals(2.0, fj.speedup().point(), 1e-9);
        assertTrue(fj.speedup().low() > 1.9 && fj.speedup().high() < 2.1, fj.speedup().toString());
        assertEquals(1.0, fj.efficiency(), 1e-9);
        assertEquals(0.0, fj.karpFlatt(), 1e-9);
        assertEquals(1048576, w.crossovers().get("fork-join").size());      // not at 32k: speedup 1 is not > 1
        assertEquals(2, w.crossovers().get("fork-join").parallelism());
        assertNull(w.crossovers().get("thread-per-task").size());
        Analysis.Best best = w.best().get(2);
        assertEquals("fork-join", best.strategy());
        assertEquals("sequential", w.best().get(0).strategy());
        // GB/s: 8 bytes x 2^20 elements in 500 us = 16.78 GB/s
        assertEquals(8.0 * 1048576 / 500e3, fj.gigabytesPerSecond().point(), 1e-9);
        // Amdahl over p = 1 (S = 1000/1050) and p = 2 (S = 2): f from one informative point
        assertTrue(Double.isNaN(w.amdahl().get("fork-join").rSquared()));
    }

    @Test
    void throughputAndTimeUnitsAreReconciled() {
        List<BenchmarkRecord> r = new ArrayList<>();
        // 100 ops/ms = 10 us/op sequential; parallel 5 us/op: speedup 2
        r.add(rec("sequential", "ops/ms", seq(1024), new double[] {100, 100}, new double[] {100, 100}));
        r.add(rec("parallel", "ns/op", par("executor", 2, 1024), new double[] {5000, 5000},
                new double[] {5000, 5000}));
        Analysis.WorkloadResult w = new Analyzer().analyze(new RunData(r, Map.of())).workloads().get(0);
        assertEquals(2.0, w.point("executor", 2, 1024).orElseThrow().speedup().point(), 1e-12);
        assertEquals(10_000, w.baseline().get(1024).point(), 1e-9);
    }

    @Test
    void aMissingBaselineIsAWarningNotACrash() {
        List<BenchmarkRecord> r = List.of(rec("parallel", "us/op", par("executor", 2, 1024), around(5)));
        Analysis a = new Analyzer().analyze(new RunData(r, Map.of()));
        assertTrue(a.warnings().stream().anyMatch(s -> s.contains("no sequential baseline")), a.warnings().toString());
        assertTrue(a.warnings().stream().anyMatch(s -> s.contains("single fork")), a.warnings().toString());
    }

    @Test
    void probeCeilingIsTheBestFork() {
        List<BenchmarkRecord> r = new ArrayList<>(crossoverRun());
        // read of 2^20 longs: forks at 1000 us and 500 us -> best 8 MiB / 500 us = 16.78 GB/s
        r.add(new BenchmarkRecord("dev.parbench.bench.BandwidthProbe.read", "avgt",
                new TreeMap<>(Map.of("elements", "1048576", "threads", "all")), 2, 1,
                new Metric(750, Double.NaN, "us/op", new TreeMap<>(),
                        List.of(new double[] {1000, 1000}, new double[] {500, 500})), Map.of(), Map.of(), List.of(),
                "test"));
        Analysis a = new Analyzer().analyze(new RunData(r, Map.of()));
        assertEquals(8.0 * 1048576 / 500e3, a.probe().allCores().get(dev.parbench.workload.Ceiling.READ).point(), 1e-9);
        assertEquals(8.0 * 1048576 / 1000e3, a.probe().allCores().get(dev.parbench.workload.Ceiling.READ).low(), 1e-9);
        Analysis.Point fj = a.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow();
        assertEquals(100.0, fj.percentOfProbe(), 1e-9);
    }

    @Test
    void formattingIgnoresADecimalCommaLocale() {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.55 [1.49, 1.61]", new Estimate(1.55, 1.49, 1.61, 2).format(2));
            assertEquals("12.5 ms", TimeUnits.format(12.5e6));
            Analysis a = new Analyzer().analyze(new RunData(crossoverRun(), Map.of()));
            assertEquals(2.0, a.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow().speedup().point(),
                    1e-9);
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void unitsConvert() {
        assertEquals(1500, TimeUnits.toNanosPerOp(1.5, "us/op"), 1e-12);
        assertEquals(1e6, TimeUnits.toNanosPerOp(1000, "ops/s"), 1e-6);
        assertEquals(2e6, TimeUnits.toNanosPerOp(2, "ms/op"), 1e-6);
        assertTrue(TimeUnits.isThroughput("ops/min"));
        assertTrue(!TimeUnits.isTimePerOp("MB/sec"));
    }
}
