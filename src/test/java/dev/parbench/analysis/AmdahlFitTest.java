package dev.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmdahlFitTest {

    @Test
    void exactAmdahlDataRecoverTheSerialFraction() {
        double f = 0.1;
        double[] p = {1, 2, 4, 8};
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = 1 / (f + (1 - f) / p[i]);
        }
        AmdahlFit fit = AmdahlFit.fit(p, s);
        assertEquals(0.1, fit.serialFraction(), 1e-12);
        assertEquals(1.0, fit.rSquared(), 1e-12);
        assertEquals(s[3], fit.predict(8), 1e-12);
    }

    /**
     * Worked by hand (and checked with numpy): p = 1, 2, 4 and S = 1, 1.6, 2.2. With x = 1/p and y = 1/S - x:
     * y = (0, 0.125, 0.2045454545), 1 - x = (0, 0.5, 0.75); f = (0.5*0.125 + 0.75*0.2045454545) / (0.25 + 0.5625)
     * = 0.2159090909 / 0.8125 = 0.2657342657. Fitted 1/S = (1, 0.6328671329, 0.4493006993) against measured
     * (1, 0.625, 0.4545454545): SS_res = 6.1889e-5 + 2.7507e-5 = 8.9397e-5 (0 at p = 1); mean 1/S = 0.6931818,
     * SS_tot = 0.094137 + 0.004649 + 0.056947 = 0.155733; R² = 1 - 8.9397e-5 / 0.155733 = 0.9994260.
     */
    @Test
    void leastSquaresFitMatchesTheHandComputation() {
        AmdahlFit fit = AmdahlFit.fit(new double[] {1, 2, 4}, new double[] {1, 1.6, 2.2});
        assertEquals(0.2657342657, fit.serialFraction(), 1e-9);
        assertEquals(0.9994260, fit.rSquared(), 1e-6);
    }

    @Test
    void onePointWithPAboveOneDeterminesFButProvesNothing() {
        AmdahlFit fit = AmdahlFit.fit(new double[] {1, 2}, new double[] {1, 1.6});
        assertEquals(0.25, fit.serialFraction(), 1e-12); // 1/1.6 = 0.25 + 0.75/2
        assertTrue(Double.isNaN(fit.rSquared()));
    }

    @Test
    void karpFlattByHand() {
        assertEquals(0.25, AmdahlFit.karpFlatt(2, 1.6), 1e-12);          // (0.625 - 0.5) / 0.5
        assertEquals(0.0, AmdahlFit.karpFlatt(4, 4), 1e-12);             // ideal speedup: no serial part
        assertTrue(Double.isNaN(AmdahlFit.karpFlatt(1, 1.0)));
    }
}
