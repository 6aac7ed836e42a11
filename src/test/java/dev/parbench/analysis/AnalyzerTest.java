package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** {@code forks} forks per configuration, each with median {@code v} (they agree). */
    static double[][] forks(double v, int forks) {
        double[][] out = new double[forks][];
        for (int f = 0; f < forks; f++) {
            out[f] = around(v);
        }
        return out;
    }

    private static List<BenchmarkRecord> crossoverRun() {
        return crossoverRun(3);
    }

    private static List<BenchmarkRecord> crossoverRun(int n) {
        List<BenchmarkRecord> r = new ArrayList<>();
        // sequential: 10 us, 100 us, 1000 us
        r.add(rec("sequential", "us/op", seq(1024), forks(10, n)));
        r.add(rec("sequential", "us/op", seq(32768), forks(100, n)));
        r.add(rec("sequential", "us/op", seq(1048576), forks(1000, n)));
        // fork-join at p=2: slower at 1k, equal at 32k, twice as fast at 1M
        r.add(rec("parallel", "us/op", par("fork-join", 2, 1024), forks(40, n)));
        r.add(rec("parallel", "us/op", par("fork-join", 2, 32768), forks(100, n)));
        r.add(rec("parallel", "us/op", par("fork-join", 2, 1048576), forks(500, n)));
        // fork-join at p=1: 5% overhead
        r.add(rec("parallel", "us/op", par("fork-join", 1, 1048576), forks(1050, n)));
        // thread-per-task never wins
        r.add(rec("parallel", "us/op", par("thread-per-task", 2, 1048576), forks(1200, n)));
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
        assertTrue(fj.speedup().interval() && fj.claimable() && !fj.unstable());
        assertEquals(1048576, w.crossovers().get("fork-join").size());      // not at 32k: speedup 1 is not > 1
        assertEquals(2, w.crossovers().get("fork-join").parallelism());
        assertFalse(w.crossovers().get("fork-join").provisional());
        assertNull(w.crossovers().get("thread-per-task").size());
        assertFalse(w.crossovers().get("thread-per-task").provisional());
        Analysis.Best best = w.best().get(2);
        assertEquals("fork-join", best.strategy());
        assertFalse(best.provisional());
        assertEquals("sequential", w.best().get(0).strategy());
        // GB/s: 8 bytes x 2^20 elements in 500 us = 16.78 GB/s
        assertEquals(8.0 * 1048576 / 500e3, fj.gigabytesPerSecond().point(), 1e-9);
        // p = 1 and 2 only: two parallelisms are no Amdahl fit, and the basis says what there is
        assertFalse(w.amdahl().containsKey("fork-join"));
        assertEquals(List.of(1, 2), w.amdahlBasis().get("fork-join").usable());
        assertFalse(w.amdahlBasis().get("fork-join").fitted());
    }

    /** Two forks (the standard profile): ranges, and every claim provisional. */
    @Test
    void twoForksMakeRangesAndNoClaims() {
        Analysis.WorkloadResult w = new Analyzer().analyze(new RunData(crossoverRun(2), Map.of())).workloads().get(0);
        Analysis.Point fj = w.point("fork-join", 2, 1048576).orElseThrow();
        assertEquals(2.0, fj.speedup().point(), 1e-9);
        assertFalse(fj.speedup().interval());
        assertFalse(fj.claimable());
        assertFalse(fj.speedup().above(1), "a range is no evidence, however far above 1");
        Analysis.Crossover c = w.crossovers().get("fork-join");
        assertTrue(c.provisional());
        assertEquals(1048576, c.size());                                  // where it may lie
        assertTrue(w.crossovers().get("thread-per-task").provisional(), "no 'never' from two forks either");
        assertTrue(w.best().get(2).provisional());
    }

    /** The winner is claimable, but a 2-fork competitor's range reaches below it: "fastest" is provisional. */
    @Test
    void aCompetitorThatCannotBeJudgedMakesFastestProvisional() {
        List<BenchmarkRecord> r = new ArrayList<>(crossoverRun(3));
        assertFalse(new Analyzer().analyze(new RunData(r, Map.of())).workloads().get(0).best().get(2).provisional());
        r.add(rec("parallel", "us/op", par("executor", 2, 1048576), around(480), around(620)));
        Analysis a = new Analyzer().analyze(new RunData(r, Map.of()));
        Analysis.Best best = a.workloads().get(0).best().get(2);
        assertEquals("fork-join", best.strategy());                          // 500 us vs the executor's 545 us
        assertTrue(best.provisional());
        assertTrue(a.warnings().stream().anyMatch(x -> x.contains("rest on 2 forks")), a.warnings().toString());
    }

    /** One fork at twice the others' time: the configuration is unstable and no crossover rests on it. */
    @Test
    void aDisagreeingForkMakesThePointUnstable() {
        List<BenchmarkRecord> r = new ArrayList<>(crossoverRun(3));
        r.removeIf(x -> "fork-join".equals(x.param("strategy")) && "2".equals(x.param("parallelism"))
                && "1048576".equals(x.param("size")));
        r.add(rec("parallel", "us/op", par("fork-join", 2, 1048576), around(500), around(505), around(1000)));
        Analysis.WorkloadResult w = new Analyzer().analyze(new RunData(r, Map.of())).workloads().get(0);
        Analysis.Point fj = w.point("fork-join", 2, 1048576).orElseThrow();
        assertTrue(fj.unstable());
        assertTrue(fj.speedup().interval(), "three forks still give an interval");
        assertFalse(fj.claimable());
        assertTrue(w.crossovers().get("fork-join").provisional());
        assertFalse(w.point("fork-join", 1, 1048576).orElseThrow().unstable());
        // an unstable sequential baseline makes every speedup over it unstable
        r.removeIf(x -> x.method().equals("sequential") && "1048576".equals(x.param("size")));
        r.add(rec("sequential", "us/op", seq(1048576), around(1000), around(1000), around(2000)));
        w = new Analyzer().analyze(new RunData(r, Map.of())).workloads().get(0);
        assertTrue(w.unstableBaselines().contains(1048576));
        assertTrue(w.point("fork-join", 1, 1048576).orElseThrow().unstable());
    }

    private static List<BenchmarkRecord> scalingRun(String strategy) {
        List<BenchmarkRecord> r = new ArrayList<>();
        double f = 0.1;
        r.add(rec("sequential", "us/op", seq(1048576), forks(1000, 3)));
        for (int p : new int[] {1, 2, 4}) {
            r.add(rec("parallel", "us/op", par(strategy, p, 1048576), forks(1000 * (f + (1 - f) / p), 3)));
        }
        return r;
    }

    private static Map<String, Map<String, Object>> env(int cores) {
        return Map.of("env.json", Map.of("cpu", Map.of("cores", cores)));
    }

    @Test
    void amdahlNeedsThreeThreadCountsWithinTheCores() {
        Analysis.WorkloadResult four = new Analyzer().analyze(new RunData(scalingRun("fork-join"), env(4)))
                .workloads().get(0);
        assertEquals(4, four.cores());
        assertEquals(0.1, four.amdahl().get("fork-join").serialFraction(), 1e-3);
        assertEquals(List.of(1, 2, 4), four.amdahlBasis().get("fork-join").usable());
        assertEquals(0.1, four.point("fork-join", 4, 1048576).orElseThrow().karpFlatt(), 1e-3);

        // on 2 cores p = 4 is oversubscription: two usable values, no fit, no Karp-Flatt at p = 4
        Analysis.WorkloadResult two = new Analyzer().analyze(new RunData(scalingRun("fork-join"), env(2)))
                .workloads().get(0);
        assertFalse(two.amdahl().containsKey("fork-join"));
        assertEquals(List.of(1, 2), two.amdahlBasis().get("fork-join").usable());
        assertTrue(Double.isNaN(two.point("fork-join", 4, 1048576).orElseThrow().karpFlatt()));
        assertTrue(Double.isFinite(two.point("fork-join", 2, 1048576).orElseThrow().karpFlatt()));

        // cores unknown: every measured p counts, and the analysis says so
        Analysis unknown = new Analyzer().analyze(new RunData(scalingRun("fork-join"), Map.of()));
        assertTrue(unknown.workloads().get(0).amdahl().containsKey("fork-join"));
        assertTrue(unknown.warnings().stream().anyMatch(x -> x.contains("core count is unknown")));

        // parallel streams: p is not the thread count, so no fit and no Karp-Flatt whatever the p values
        Analysis.WorkloadResult ps = new Analyzer().analyze(new RunData(scalingRun("parallel-stream"), env(4)))
                .workloads().get(0);
        assertFalse(ps.amdahl().containsKey("parallel-stream"));
        assertFalse(ps.amdahlBasis().get("parallel-stream").threads());
        assertTrue(Double.isNaN(ps.point("parallel-stream", 2, 1048576).orElseThrow().karpFlatt()));
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
        // read against the probe at its own size: central figure = geometric mean of the fork medians (707 us)
        Analysis.ProbeLevel level = fj.probe();
        assertEquals(1048576, level.elements());
        assertEquals(8.0 * 1048576 / Math.sqrt(1000e3 * 500e3), level.central().point(), 1e-9);
        assertEquals(level.best().point(), a.probe().allCores().get(dev.parbench.workload.Ceiling.READ).point());
        // the model (500 us) equals the best fork: above the central figure, within the probe's spread, not above it
        assertFalse(fj.aboveProbe());
        assertEquals(100 * Math.sqrt(2), fj.percentOfProbe(), 1e-6);
    }

    @Test
    void eachSizeIsReadAgainstTheNearestProbeSizeAndAModelAboveItIsFlagged() {
        List<BenchmarkRecord> r = new ArrayList<>(crossoverRun());
        // the probe at 2^10 (fast: 8 KiB in 0.1 us, in cache) and 2^25 (slow: memory); no probe at 2^20
        for (String[] e : new String[][] {{"1024", "0.1"}, {"33554432", "50000"}}) {
            double us = Double.parseDouble(e[1]);
            r.add(new BenchmarkRecord("dev.parbench.bench.BandwidthProbe.read", "avgt",
                    new TreeMap<>(Map.of("elements", e[0], "threads", "all")), 3, 1,
                    new Metric(us, Double.NaN, "us/op", new TreeMap<>(), List.of(new double[] {us},
                            new double[] {us}, new double[] {us})), Map.of(), Map.of(), List.of(), "test"));
        }
        Analysis a = new Analyzer().analyze(new RunData(r, Map.of()));
        assertEquals(2, a.probe().sweep().size(), "two levels: read, all cores, two sizes");
        assertEquals(33554432, a.probe().elements(), "the one-figure ceiling is the largest size");
        Analysis.Point fj = a.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow();
        // 2^20 is nearer 2^25 than 2^10 on a log scale (5 vs 10 doublings); the model at 1M beats that probe
        assertEquals(33554432, fj.probe().elements());
        assertTrue(fj.aboveProbe(), "16.8 GB/s vs a 5.4 GB/s memory probe: in cache");
        assertTrue(Double.isNaN(fj.percentOfProbe()), "no 300%");
    }

    /** The same record as read from {@code source}. */
    private static BenchmarkRecord from(BenchmarkRecord r, String source) {
        return new BenchmarkRecord(r.benchmark(), r.mode(), r.params(), r.forks(), r.threads(), r.primary(),
                r.secondary(), r.jvm(), r.jvmArgs(), source);
    }

    private static Map<String, Object> env(String host, int cores) {
        return Map.of("host", host, "cpu", Map.of("model", "Xeon", "cores", cores), "memoryBytes", 1L << 34);
    }

    @Test
    void filesFromDifferentMachinesAreNotDividedAcross() {
        List<BenchmarkRecord> r = new ArrayList<>();
        for (BenchmarkRecord x : crossoverRun()) {
            // the baseline from one machine, the models from another
            r.add(from(x, x.benchmark().endsWith("sequential") ? "a/results.json" : "b/results.json"));
        }
        Analysis mixed = new Analyzer().analyze(new RunData(r, Map.of("a/results.json", env("a", 2),
                "b/results.json", env("b", 64))));
        Analysis.Point fj = mixed.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow();
        assertTrue(Double.isNaN(fj.speedup().point()), "no speedup across machines");
        assertTrue(mixed.warnings().get(0).contains("2 different conditions"), mixed.warnings().get(0));
        assertTrue(mixed.workloads().get(0).crossovers().values().stream().allMatch(c -> c.size() == null));
        // two files of one machine: divided as usual
        Analysis same = new Analyzer().analyze(new RunData(r, Map.of("a/results.json", env("a", 2),
                "b/results.json", env("a", 2))));
        assertEquals(2.0, same.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow().speedup().point(),
                1e-9);
        assertTrue(same.warnings().stream().noneMatch(w -> w.contains("different conditions")));
    }

    @Test
    void weakScalingPairsSequentialAtNWithTheModelAtPTimesN() {
        List<BenchmarkRecord> r = new ArrayList<>(crossoverRun());
        // sequential at 1M takes 1000 us; fork-join at p = 2 on 2M takes 1250 us: scaled efficiency 0.8
        r.add(rec("parallel", "us/op", par("fork-join", 2, 2097152), forks(1250, 3)));
        Analysis a = new Analyzer().analyze(new RunData(r, Map.of()));
        List<Analysis.WeakScaling> weak = a.workloads().get(0).weakScaling();
        assertEquals(1, weak.size(), weak.toString());
        assertEquals(1048576, weak.get(0).baseSize());
        assertEquals(2, weak.get(0).parallelism());
        assertEquals(0.8, weak.get(0).efficiency().point(), 1e-3);
        assertTrue(weak.get(0).efficiency().interval());
    }

    @Test
    void formattingIgnoresADecimalCommaLocale() {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.55 [1.49, 1.61]", new Estimate(1.55, 1.49, 1.61, 3).format(2));
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
