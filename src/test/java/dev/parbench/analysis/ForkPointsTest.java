package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each fork's value beside its interval: a model's fork times by round, and its speedups paired by round with the
 * baseline's fork of the same round when the two ran in the same rounds of one run, else each fork against the
 * baseline's geometric mean. Hand-made records, hand-computed values.
 */
class ForkPointsTest {
    private static final int SIZE = 1 << 20;

    /** Fork medians {@code us} (us/op), each fork three iterations around its median. */
    private static BenchmarkRecord rec(String method, Map<String, String> params, String source, List<Integer> rounds,
            double... us) {
        List<double[]> forks = new java.util.ArrayList<>();
        for (double v : us) {
            forks.add(new double[] {v * 0.99, v, v * 1.02});
        }
        return new BenchmarkRecord("dev.parbench.bench.SumBench." + method, "avgt", new TreeMap<>(params),
                forks.size(), 1, new Metric(us[0], Double.NaN, "us/op", new TreeMap<>(), forks), Map.of(), Map.of(),
                List.of(), source, rounds, List.of());
    }

    private static Analysis.WorkloadResult analyse(BenchmarkRecord... records) {
        return new Analyzer().analyze(new RunData(List.of(records), Map.of())).workloads().get(0);
    }

    private static Analysis.Point model(Analysis.WorkloadResult w) {
        return w.point("fork-join", 2, SIZE).orElseThrow();
    }

    /** The sequential baseline: rounds 1-4 at 100, 150, 120, 180 us (a drifting machine). */
    private static BenchmarkRecord baseline(String source, List<Integer> rounds) {
        return rec("sequential", AnalyzerTest.seq(SIZE), source, rounds, 100, 150, 120, 180);
    }

    @Test
    void sameRunWithRoundsGivesOnePairedSpeedupPerRound() {
        // the model's forks are written in another order than its rounds: pairing goes by round, not by position
        Analysis.WorkloadResult w = analyse(baseline("run", List.of(1, 2, 3, 4)),
                rec("parallel", AnalyzerTest.par("fork-join", 2, SIZE), "run", List.of(3, 1, 4, 2), 60, 50, 95, 75));
        ForkPoints f = model(w).forks();
        assertTrue(f.paired());
        assertTrue(f.rounds());
        assertEquals(List.of(new ForkPoints.Fork(1, 1, 50_000), new ForkPoints.Fork(2, 2, 75_000),
                new ForkPoints.Fork(3, 3, 60_000), new ForkPoints.Fork(4, 4, 95_000)), f.times());
        double[] expected = {100.0 / 50, 150.0 / 75, 120.0 / 60, 180.0 / 95};
        assertEquals(4, f.speedups().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, f.speedups().get(i).round());
            assertEquals(expected[i], f.speedups().get(i).value(), 1e-12, "round " + (i + 1));
        }
        // the dots are what the interval rests on: their geometric mean is its point
        double logMean = f.speedups().stream().mapToDouble(x -> Math.log(x.value())).average().orElseThrow();
        assertEquals(model(w).speedup().point(), Math.exp(logMean), 1e-9);
        // the baseline's own forks, by round, for the time chart
        assertEquals(List.of(100_000.0, 150_000.0, 120_000.0, 180_000.0), w.baselineForks().get(SIZE).times()
                .stream().map(ForkPoints.Fork::value).toList());
        assertTrue(w.baselineForks().get(SIZE).speedups().isEmpty());
    }

    @Test
    void roundsOfAnotherRunAreNotPairedEachForkIsAgainstTheBaselinesGeometricMean() {
        Analysis.WorkloadResult w = analyse(baseline("run", List.of(1, 2, 3, 4)),
                rec("parallel", AnalyzerTest.par("fork-join", 2, SIZE), "other", List.of(3, 1, 4, 2), 60, 50, 95, 75));
        ForkPoints f = model(w).forks();
        assertFalse(f.paired());
        double centre = Math.pow(100.0 * 150 * 120 * 180, 0.25) * 1000; // ns
        assertEquals(4, f.speedups().size());
        double[] byRound = {50, 75, 60, 95};
        for (int i = 0; i < 4; i++) {
            ForkPoints.Fork s = f.speedups().get(i);
            assertEquals(i + 1, s.round(), "the model's own round still names the fork");
            assertEquals(centre / (byRound[i] * 1000), s.value(), 1e-9);
        }
    }

    @Test
    void fewerThanThreeSharedRoundsAreNotPairedEither() {
        Analysis.WorkloadResult w = analyse(baseline("run", List.of(1, 2, 3, 4)),
                rec("parallel", AnalyzerTest.par("fork-join", 2, SIZE), "run", List.of(1, 2, 7, 8), 50, 75, 60, 90));
        ForkPoints f = model(w).forks();
        assertFalse(f.paired(), "only rounds 1 and 2 are shared: the interval is Welch's, and so are the dots");
        assertEquals(List.of(1, 2, 7, 8), f.speedups().stream().map(ForkPoints.Fork::round).toList());
    }

    @Test
    void plainJmhOutputNumbersTheForksInFileOrder() {
        Analysis.WorkloadResult w = analyse(rec("sequential", AnalyzerTest.seq(SIZE), "a", List.of(), 100, 100, 100),
                rec("parallel", AnalyzerTest.par("fork-join", 2, SIZE), "a", List.of(), 40, 50, 80));
        ForkPoints f = model(w).forks();
        assertFalse(f.paired());
        assertFalse(f.rounds());
        assertEquals(List.of(1, 2, 3), f.speedups().stream().map(ForkPoints.Fork::fork).toList());
        assertEquals(List.of(0, 0, 0), f.speedups().stream().map(ForkPoints.Fork::round).toList());
        double[] expected = {2.5, 2.0, 1.25};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], f.speedups().get(i).value(), 1e-9);
        }
        assertEquals(List.of(40_000.0, 50_000.0, 80_000.0), f.times().stream().map(ForkPoints.Fork::value).toList());
    }

    @Test
    void noBaselineNoSpeedupDotsButTheTimesStay() {
        Analysis.WorkloadResult w = analyse(
                rec("parallel", AnalyzerTest.par("fork-join", 2, SIZE), "a", List.of(1, 2, 3), 40, 50, 80));
        ForkPoints f = model(w).forks();
        assertTrue(f.speedups().isEmpty());
        assertEquals(3, f.times().size());
    }
}
