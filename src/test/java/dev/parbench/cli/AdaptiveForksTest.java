package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which speedups --adaptive works on, and which side of one gets the next forks. */
class AdaptiveForksTest {
    private static final AdaptiveForks.Target TARGET = new AdaptiveForks.Target(0.05, 8, Duration.ofMinutes(5));

    private static Configuration c(String method, Map<String, String> params) {
        return new Configuration("p", "dev.parbench.bench.SumBench." + method, new TreeMap<>(params), 3, 0,
                List.of());
    }

    private static Configuration model(String strategy, String p, String size) {
        return c("parallel", Map.of("strategy", strategy, "parallelism", p, "size", size, "kernel", "simd"));
    }

    private static Configuration seq(String size) {
        return c("sequential", Map.of("size", size, "kernel", "simd"));
    }

    /** {@code n} forks of 3 iterations each, fork k at level {@code levels[k]}. */
    private static List<double[]> forks(double... levels) {
        List<double[]> out = new ArrayList<>();
        for (double l : levels) {
            out.add(new double[] {l, l * 1.001, l * 0.999});
        }
        return out;
    }

    @Test
    void headlinesAreTheModelsAtTheLargestSizeWithTheirBaseline() {
        List<Configuration> plan = List.of(seq("1024"), seq("33554432"), model("fork-join", "1", "1024"),
                model("fork-join", "2", "33554432"), model("executor", "2", "33554432"),
                model("executor", "2", "1024"));
        List<AdaptiveForks.Pair> h = AdaptiveForks.headline(plan);
        assertEquals(2, h.size());
        for (AdaptiveForks.Pair p : h) {
            assertEquals("33554432", p.model().params().get("size"));
            assertEquals(seq("33554432"), p.baseline());
        }
        assertEquals("SumBench fork-join p=2 33554432", h.get(0).label());
        // no baseline in the plan: no speedup to settle
        assertEquals(List.of(), AdaptiveForks.headline(List.of(model("fork-join", "2", "1024"))));
    }

    @Test
    void aNarrowSpeedupFromAgreeingForksIsSettled() {
        AdaptiveForks.Pair p = AdaptiveForks.headline(List.of(seq("1024"), model("fork-join", "2", "1024"))).get(0);
        AdaptiveForks.Need n = AdaptiveForks.need(p, forks(50, 50.5, 49.5), forks(100, 101, 99), TARGET);
        assertNull(n.side(), n.why());
        assertTrue(n.why().startsWith("settled at +/-"), n.why());
    }

    @Test
    void theNoisierSideGetsTheForks() {
        AdaptiveForks.Pair p = AdaptiveForks.headline(List.of(seq("1024"), model("fork-join", "2", "1024"))).get(0);
        AdaptiveForks.Need n = AdaptiveForks.need(p, forks(50, 56, 45), forks(100, 101, 99), TARGET);
        assertSame(p.model(), n.side(), n.why());
        n = AdaptiveForks.need(p, forks(50, 50.5, 49.5), forks(100, 112, 90), TARGET);
        assertSame(p.baseline(), n.side(), n.why());
    }

    @Test
    void forksThatDisagreeGetForksOfTheirSideAndTooFewComeFirst() {
        AdaptiveForks.Pair p = AdaptiveForks.headline(List.of(seq("1024"), model("fork-join", "2", "1024"))).get(0);
        AdaptiveForks.Need n = AdaptiveForks.need(p, forks(50, 50, 50), forks(100, 100, 180), TARGET);
        assertSame(p.baseline(), n.side());
        assertEquals("the baseline's forks disagree", n.why());
        n = AdaptiveForks.need(p, forks(50, 50), forks(100, 100, 100), TARGET);
        assertSame(p.model(), n.side());
        assertTrue(n.why().startsWith("fewer than 3 forks"), n.why());
    }

    @Test
    void atTheCapNothingMoreIsAsked() {
        AdaptiveForks.Pair p = AdaptiveForks.headline(List.of(seq("1024"), model("fork-join", "2", "1024"))).get(0);
        AdaptiveForks.Target two = new AdaptiveForks.Target(0.05, 3, Duration.ofMinutes(1));
        AdaptiveForks.Need n = AdaptiveForks.need(p, forks(50, 60, 42), forks(100, 120, 85), two);
        assertNull(n.side());
        assertTrue(n.why().endsWith(", at the cap"), n.why());
        n = AdaptiveForks.need(p, forks(50, 50, 50), forks(100, 100, 180), two);
        assertNull(n.side());
        assertEquals("the baseline's forks disagree, at the cap", n.why());
    }

    @Test
    void badAdaptiveOptionsAreOneLineAndExitTwo() {
        for (String[] bad : new String[][] {{"--adaptive-width", "0"}, {"--adaptive-width", "150"},
            {"--adaptive-max-forks", "2"}, {"--adaptive-minutes", "0"}, {"--adaptive-minutes", "3", "alone"}}) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream e = System.err;
            java.io.PrintStream o = System.out;
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            int exit;
            try {
                exit = bad.length > 2 // without --adaptive, an --adaptive-* option is a mistake, not a no-op
                        ? Main.execute("run", "--profile", "smoke", "--workloads", "sum", bad[0], bad[1], "--dry-run")
                        : Main.execute("run", "--profile", "smoke", "--workloads", "sum", "--adaptive", bad[0], bad[1],
                                "--dry-run");
            } finally {
                System.setErr(e);
                System.setOut(o);
            }
            String msg = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(2, exit, String.join(" ", bad) + ": " + msg);
            assertEquals(1, msg.strip().lines().count(), msg);
            assertTrue(msg.contains(bad[0]), msg);
        }
    }
}
