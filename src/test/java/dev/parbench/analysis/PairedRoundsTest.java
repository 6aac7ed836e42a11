package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.Metric;
import dev.parbench.results.ResultsFormatException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Speedups paired by round: a machine that drifts from round to round moves a model and its baseline together, so
 * the paired interval is narrow where Welch's (which sees only the spread of each side) is wide.
 */
class PairedRoundsTest {

    private static BenchmarkRecord rec(String method, Map<String, String> params, String source, List<Integer> rounds,
            double... forkValues) {
        List<double[]> forks = new java.util.ArrayList<>();
        for (double v : forkValues) {
            forks.add(new double[] {v * 0.995, v, v * 1.005});
        }
        return new BenchmarkRecord("dev.parbench.bench.SumBench." + method, "avgt", new TreeMap<>(params),
                forks.size(), 1, new Metric(forkValues[0], Double.NaN, "us/op", new TreeMap<>(), forks), Map.of(),
                Map.of(), List.of(), source, rounds, List.of());
    }

    /** Rounds 1-4 run at 100, 150, 120, 180 us for sequential: a machine that drifts by up to 1.8x. */
    private static List<BenchmarkRecord> drifting(String modelSource) {
        List<Integer> rounds = List.of(1, 2, 3, 4);
        return List.of(
                rec("sequential", AnalyzerTest.seq(1 << 20), "run", rounds, 100, 150, 120, 180),
                rec("parallel", AnalyzerTest.par("fork-join", 2, 1 << 20), modelSource, rounds, 52, 77, 61, 93));
    }

    private static Analysis.Point point(List<BenchmarkRecord> records) {
        Analysis a = new Analyzer().analyze(new dev.parbench.results.RunData(records, Map.of()));
        return a.workloads().get(0).points().get(0);
    }

    @Test
    void aDriftingMachineCancelsOutWhenTheForksArePaired() {
        Estimate paired = point(drifting("run")).speedup();
        assertTrue(paired.interval());
        assertTrue(paired.above(1.8), "paired: every round says ~1.94x, so the interval excludes 1.8: " + paired);
        assertTrue(paired.high() / paired.low() < 1.1, "paired interval narrow: " + paired);

        Estimate welch = point(drifting("other-run")).speedup(); // rounds of two runs do not pair
        assertFalse(welch.above(1.8), "unpaired: the drift is noise, the interval is wide: " + welch);
        assertTrue(welch.high() / welch.low() > 1.3, "Welch interval wide: " + welch);
        assertEquals(paired.point(), welch.point(), 0.05, "the same centre either way");
    }

    @Test
    void fewerThanThreeSharedRoundsFallBackToWelch() {
        RoundForks a = new RoundForks("run", new TreeMap<>(Map.of(1, 100.0, 2, 150.0, 3, 120.0)));
        RoundForks b = new RoundForks("run", new TreeMap<>(Map.of(1, 50.0, 2, 75.0, 4, 60.0)));
        assertTrue(ForkIntervals.paired(a, b).isEmpty(), "only rounds 1 and 2 are shared");
        RoundForks c = new RoundForks("run", new TreeMap<>(Map.of(1, 50.0, 2, 75.0, 3, 60.0)));
        Estimate e = ForkIntervals.paired(a, c).orElseThrow();
        assertEquals(2.0, e.point(), 1e-9);
        assertEquals(3, e.forks());
    }

    @Test
    void theReaderTakesRoundsAndStartsAndRefusesMarksThatDoNotFitTheForks() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String ok = "[{\"benchmark\":\"b.X.m\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"us/op\","
                + "\"rawData\":[[1,1],[2,2]]},\"rounds\":[1,3],\"forkStarted\":[1700000000000,1700000060000]}]";
        BenchmarkRecord r = JmhJsonReader.parse(json.readTree(ok), "t").get(0);
        assertEquals(List.of(1, 3), r.rounds());
        assertEquals(List.of(1700000000000L, 1700000060000L), r.forkStarted());

        String plain = ok.replace(",\"rounds\":[1,3],\"forkStarted\":[1700000000000,1700000060000]", "");
        assertTrue(JmhJsonReader.parse(json.readTree(plain), "t").get(0).rounds().isEmpty());

        for (String bad : List.of("\"rounds\":[1]", "\"rounds\":[1,-2]", "\"rounds\":[1,\"x\"]", "\"rounds\":[1,2.5]",
                "\"rounds\":7")) {
            String text = ok.replace("\"rounds\":[1,3]", bad);
            ResultsFormatException e = assertThrows(ResultsFormatException.class,
                    () -> JmhJsonReader.parse(json.readTree(text), "t"), bad);
            assertTrue(e.getMessage().contains("rounds"), e.getMessage());
        }
    }

    @Test
    void modelsThatTieWithTheBestWithinTheNoiseAreNamedBesideIt() {
        List<Integer> rounds = List.of(1, 2, 3, 4);
        List<BenchmarkRecord> records = List.of(
                rec("sequential", AnalyzerTest.seq(1 << 20), "run", rounds, 100, 100, 100, 100),
                rec("parallel", AnalyzerTest.par("fork-join", 2, 1 << 20), "run", rounds, 50, 56, 47, 53),
                rec("parallel", AnalyzerTest.par("executor", 2, 1 << 20), "run", rounds, 53, 49, 55, 50),
                rec("parallel", AnalyzerTest.par("thread-per-task", 2, 1 << 20), "run", rounds, 80, 81, 79, 80));
        Analysis a = new Analyzer().analyze(new dev.parbench.results.RunData(records, Map.of()));
        Analysis.Best b = a.workloads().get(0).best().get(0);
        assertEquals(1, b.ties().size(), "fork-join and executor tie; thread-per-task is slower: " + b.ties());
        String other = b.strategy().equals("fork-join") ? "executor" : "fork-join";
        assertEquals(other, b.ties().get(0).strategy());
        assertTrue(dev.parbench.report.Advice.use(b).startsWith("any of "), dev.parbench.report.Advice.use(b));
        assertTrue(dev.parbench.report.Advice.use(b).contains("executor (p=2)"));
        assertFalse(dev.parbench.report.Advice.use(b).contains("thread-per-task"));
    }
}
