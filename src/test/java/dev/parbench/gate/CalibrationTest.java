package dev.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration's tally and its intervals (values checked against R's binom::binom.wilson / prop.test). */
class CalibrationTest {

    private static BenchmarkVerdict verdict(double ratio, Verdict v) {
        return new BenchmarkVerdict("k", 10, 10, 1, ratio, ratio, ratio - 0.01, ratio + 0.01, 0.5, 0.5, 0.5, 0.5, v,
                "", new GateConfig.Settings(0.1, 0.02, 0.05));
    }

    @Test
    void wilsonIntervalsMatchTheTextbook() {
        // 8 of 10: p = 0.8, z = 1.96: [0.4902, 0.9433]
        assertArrayEquals(new double[] {0.4902, 0.9433}, Calibration.wilson(10, 8), 1e-4);
        // 0 of 10: [0, 0.2775]; 10 of 10: [0.7225, 1] (never the degenerate Wald interval [0, 0])
        assertArrayEquals(new double[] {0, 0.2775}, Calibration.wilson(10, 0), 1e-4);
        assertArrayEquals(new double[] {0.7225, 1}, Calibration.wilson(10, 10), 1e-4);
        // 1 of 2: [0.0945, 0.9055]
        assertArrayEquals(new double[] {0.0945, 0.9055}, Calibration.wilson(2, 1), 1e-4);
        assertTrue(Double.isNaN(Calibration.wilson(0, 0)[0]));
    }

    @Test
    void levelsCountRegressionsAndInconclusivesAndTheMedianRatio() {
        Calibration c = new Calibration();
        c.level(0, 1.0);
        c.level(15, 1.1484);
        c.add(15, verdict(1.16, Verdict.REGRESSION));
        c.add(15, verdict(1.12, Verdict.REGRESSION));
        c.add(15, verdict(1.14, Verdict.INCONCLUSIVE));
        c.add(15, verdict(1.30, Verdict.PASS));
        c.add(0, verdict(1.01, Verdict.PASS));
        List<Calibration.Level> levels = c.levels();
        assertEquals(List.of(0, 15), levels.stream().map(Calibration.Level::percent).toList());
        Calibration.Level l = levels.get(1);
        assertEquals(4, l.trials());
        assertEquals(2, l.regressions());
        assertEquals(1, l.inconclusive());
        assertEquals(0.5, l.rate(), 1e-12);
        assertEquals(1.15, l.measuredRatio(), 1e-12);
        assertEquals(0, levels.get(0).rate(), 1e-12);
        String md = Calibration.markdown(levels);
        assertTrue(md.contains("| 0% (A/A: false alarms) | +0.0% | +1.0% | 0 of 1 | 0% [0%, 79%] | 0 |"), md);
        assertTrue(md.contains("| 15% | +14.8% | +15.0% | 2 of 4 | 50% [15%, 85%] | 1 |"), md);
        assertThrows(IllegalArgumentException.class, () -> c.add(7, verdict(1, Verdict.PASS)));
    }

    @Test
    void aLevelWithNoTrialsSaysSo() {
        Calibration c = new Calibration();
        c.level(5, 1.05);
        assertTrue(Calibration.markdown(c.levels()).contains("| 0 of 0 | n/a |"));
    }
}
