package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fork-level interval method against hand computations, and the disagreement rule at its edges. */
class ForkIntervalsTest {
    /** R: qt(0.975, 2). */
    static final double T2 = 4.302652729911275;

    static double[] fork(double median) {
        return new double[] {median * 0.9, median, median * 1.5}; // the median iteration is the fork's value
    }

    @Test
    void tQuantileIsStudents() { // Commons Math inverts the t CDF to about 1e-10: tolerances below are relative
        assertEquals(T2, ForkIntervals.tQuantile(2), 1e-9);
        assertEquals(12.706204736174698, ForkIntervals.tQuantile(1), 1e-8); // qt(0.975, 1)
        assertEquals(2.0859634472658644, ForkIntervals.tQuantile(20), 1e-9); // qt(0.975, 20)
    }

    /**
     * Fork medians 1, e, e²: logs 0, 1, 2, mean 1, standard deviation 1, n = 3. Point e (the geometric mean);
     * interval exp(1 ± qt(.975, 2) / sqrt(3)) = exp(1 ± 2.484138).
     */
    @Test
    void timeIntervalIsTOnLogsByHand() {
        Estimate e = ForkIntervals.level(List.of(fork(1), fork(Math.E), fork(Math.E * Math.E)));
        double half = T2 / Math.sqrt(3);
        assertEquals(Math.E, e.point(), 1e-12);
        assertEquals(Math.exp(1 - half), e.low(), 1e-8 * Math.exp(1 - half));
        assertEquals(Math.exp(1 + half), e.high(), 1e-8 * Math.exp(1 + half));
        assertEquals(3, e.forks());
        assertTrue(e.interval());
    }

    /**
     * Numerator fork medians e, e², e³ (logs 1, 2, 3: variance 1), denominator 1, 1, 1 (variance 0). Welch's
     * degrees of freedom are then those of the numerator alone, (1/3)² / ((1/3)² / 2) = 2; se = sqrt(1/3). Point
     * e^(2 - 0) = e²; interval exp(2 ± 2.484138).
     */
    @Test
    void ratioIntervalIsWelchOnLogsByHand() {
        Estimate e = ForkIntervals.ratio(List.of(fork(Math.E), fork(Math.exp(2)), fork(Math.exp(3))),
                List.of(fork(1), fork(1), fork(1)));
        double half = T2 / Math.sqrt(3);
        assertEquals(Math.exp(2), e.point(), 1e-9);
        assertEquals(Math.exp(2 - half), e.low(), 1e-8 * Math.exp(2 - half));
        assertEquals(Math.exp(2 + half), e.high(), 1e-8 * Math.exp(2 + half));
        assertTrue(e.interval());
    }

    /** Unequal variances and counts: the interval is symmetric around the point on logs, and swapping sides inverts it. */
    @Test
    void welchIsSymmetricOnLogsAndSwapsWithTheSides() {
        List<double[]> a = List.of(fork(100), fork(120), fork(90), fork(110));
        List<double[]> b = List.of(fork(50), fork(51), fork(49));
        Estimate ab = ForkIntervals.ratio(a, b);
        Estimate ba = ForkIntervals.ratio(b, a);
        assertEquals(1 / ab.point(), ba.point(), 1e-12);
        assertEquals(1 / ab.high(), ba.low(), 1e-12);
        assertEquals(Math.log(ab.point()) - Math.log(ab.low()), Math.log(ab.high()) - Math.log(ab.point()), 1e-12);
        assertEquals(3, ab.forks());
    }

    /**
     * Two forks per side: a range, never an interval. Numerator 10 and 12, denominator 5 and 5: every fork-pair
     * ratio lies in [2.0, 2.4]; the point is sqrt(10 x 12) / 5.
     */
    @Test
    void belowTheMinimumItIsTheRangeOfTheForks() {
        Estimate r = ForkIntervals.ratio(List.of(new double[] {10}, new double[] {12}),
                List.of(new double[] {5}, new double[] {5}));
        assertFalse(r.interval());
        assertEquals(Math.sqrt(120) / 5, r.point(), 1e-12);
        assertEquals(2.0, r.low(), 1e-12);
        assertEquals(2.4, r.high(), 1e-12);
        assertFalse(r.above(1.5), "a range supports no claim");
        assertFalse(r.below(3), "a range supports no claim");
        Estimate t = ForkIntervals.level(List.of(new double[] {10}, new double[] {12}));
        assertFalse(t.interval());
        assertEquals(10, t.low(), 1e-12);
        assertEquals(12, t.high(), 1e-12);
        Estimate one = ForkIntervals.level(List.<double[]>of(new double[] {3, 4, 5}));
        assertEquals(4, one.point(), 1e-12);
        assertTrue(Double.isNaN(one.low()), "one fork has no spread to show");
    }

    /** Zero or negative values (e.g. lost updates): t on the fork medians themselves. Medians 0, 1, 2. */
    @Test
    void nonPositiveValuesUseTheLinearScale() {
        Estimate e = ForkIntervals.level(List.of(new double[] {0}, new double[] {1}, new double[] {2}));
        assertEquals(1, e.point(), 1e-12);
        assertEquals(1 - T2 / Math.sqrt(3), e.low(), 1e-9);
        assertEquals(1 + T2 / Math.sqrt(3), e.high(), 1e-9);
    }

    @Test
    void constantForksGiveAPointInterval() {
        Estimate e = ForkIntervals.ratio(List.of(fork(10), fork(10), fork(10)), List.of(fork(5), fork(5), fork(5)));
        assertEquals(2, e.point(), 1e-12);
        assertEquals(2, e.low(), 1e-12);
        assertEquals(2, e.high(), 1e-12);
        assertTrue(e.above(1.99));
    }

    @Test
    void aForkFarFromTheOthersIsADisagreement() {
        assertTrue(ForkIntervals.disagree(List.of(fork(100), fork(131))));          // two forks: their ratio
        assertFalse(ForkIntervals.disagree(List.of(fork(100), fork(129))));
        assertTrue(ForkIntervals.disagree(List.of(fork(100), fork(102), fork(160)))); // 160 vs median 101
        assertTrue(ForkIntervals.disagree(List.of(fork(100), fork(102), fork(70))));  // a fast one too
        assertFalse(ForkIntervals.disagree(List.of(fork(100), fork(110), fork(120))));
        assertTrue(ForkIntervals.disagree(List.of(fork(100), fork(101), fork(99), fork(98), fork(190))));
        assertFalse(ForkIntervals.disagree(List.<double[]>of(fork(100))));
    }

    @Test
    void estimateSaysWhatItIs() {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.55 [1.49, 1.61]", new Estimate(1.55, 1.49, 1.61, 3).format(2));
            assertEquals("1.55 (range 1.49 to 1.61)", new Estimate(1.55, 1.49, 1.61, 2).format(2));
        } finally {
            Locale.setDefault(old);
        }
        Estimate range = new Estimate(2, 1.5, 2.5, 2);
        assertFalse(range.interval());
        assertFalse(range.above(1));
        assertFalse(range.inverse(x -> 1 / x).interval(), "kind survives a transformation");
        assertTrue(new Estimate(2, 1.5, 2.5, 5).above(1));
        assertFalse(new Estimate(2, 1.5, 2.5, 5, Estimate.Kind.RANGE).above(1));
    }

    @Test
    void emptyDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ForkIntervals.level(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ForkIntervals.level(List.of(new double[0])));
    }
}
