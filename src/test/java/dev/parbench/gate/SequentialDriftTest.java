package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Stats;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sequential stage's drift guard: a reference whose level moves between the fixed and the extra rounds. */
class SequentialDriftTest {
    private static final String REF = "dev.parbench.bench.ReferenceBench.lcg";

    @Test
    void aSteadyReferenceIsNoDrift() {
        double[] a = {50, 51, 49, 50, 52, 50, 49};
        double[] b = {50, 49, 51, 50, 50, 51, 50};
        assertNull(Sequential.drift(Map.of(REF, a), Map.of(REF, b), List.of(REF), 4));
    }

    @Test
    void noExtraRoundsIsNoDrift() {
        double[] a = {50, 51, 49, 50};
        assertNull(Sequential.drift(Map.of(REF, a), Map.of(REF, a), List.of(REF), 4));
    }

    @Test
    void aReferenceThatSpedUpIsNamedWithHowMuch() {
        // fixed rounds at 50, extra rounds at 35 (the load fell): 30% faster
        double[] a = {50, 50, 50, 50, 35, 35, 35};
        double[] b = {50, 50, 50, 50, 35, 35, 35};
        String s = Sequential.drift(Map.of(REF, a), Map.of(REF, b), List.of(REF), 4);
        assertNotNull(s);
        assertTrue(s.startsWith(GateDecision.MACHINE_MOVED + REF + " ran 30% faster"), s);
    }

    @Test
    void aSlowerReferenceJustPastTheLimitIsDriftAndJustInsideIsNot() {
        double[] fixed = {100, 100, 100, 100};
        assertNotNull(Sequential.drift(Map.of(REF, concat(fixed, 111)), Map.of(REF, concat(fixed, 111)),
                List.of(REF), 4));
        assertNull(Sequential.drift(Map.of(REF, concat(fixed, 109)), Map.of(REF, concat(fixed, 109)),
                List.of(REF), 4));
    }

    /**
     * A reference whose forks land in one of two speeds from one JVM to the next (memory bandwidth here): the extra
     * rounds drew the slow one 9 times in 10, so its median moved by 20%, but the sets overlap: no drift. (A
     * calibration on this machine stopped its stage on exactly this before the rank test was added.)
     */
    @Test
    void aBimodalReferenceWhoseMedianMovedByChanceIsNoDrift() {
        double[] a = new double[15];
        double[] b = new double[15];
        for (int i = 0; i < 10; i++) { // fixed rounds: 12 fast forks, 8 slow (median in the fast mode)
            a[i] = i < 6 ? 100 + i : 120 + i;
            b[i] = i < 6 ? 100.5 + i : 120.5 + i;
        }
        for (int i = 10; i < 15; i++) { // extra rounds: 9 slow, 1 fast
            a[i] = 120.25 + i - 10;
            b[i] = i == 12 ? 103.25 : 121.75 + i - 10;
        }
        assertTrue(Stats.median(java.util.Arrays.copyOfRange(a, 10, 15)) > 1.1 * Stats.median(
                java.util.Arrays.copyOfRange(a, 0, 10)), "the median did move by more than 10%");
        assertNull(Sequential.drift(Map.of(REF, a), Map.of(REF, b), List.of(REF), 10));
    }

    @Test
    void discardMakesOnlyTheExtendedBenchmarksInconclusive() {
        GateConfig.Settings s = GateConfig.defaults().settingsFor("x");
        BenchmarkVerdict x = new BenchmarkVerdict("x", 10, 10, 1, 1.2, 1.2, 1.1, 1.3, 0.001, 0.01, 1, 1,
                Verdict.REGRESSION, "slower", s);
        BenchmarkVerdict y = new BenchmarkVerdict("y", 10, 10, 1, 1, 1, 0.98, 1.02, 0.5, 1, 0.5, 1, Verdict.PASS,
                "same", s);
        List<BenchmarkVerdict> out = Sequential.discard(List.of(x, y), Set.of("x"), "moved");
        assertEquals(Verdict.INCONCLUSIVE, out.get(0).verdict());
        assertEquals("moved", out.get(0).reason());
        assertEquals(1.2, out.get(0).ratio());
        assertEquals(y, out.get(1));
    }

    private static double[] concat(double[] fixed, double extra) {
        double[] out = java.util.Arrays.copyOf(fixed, fixed.length + 3);
        java.util.Arrays.fill(out, fixed.length, out.length, extra);
        return out;
    }
}
