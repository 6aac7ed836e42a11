package dev.parbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mandelbrot grid as documented, a count worked by hand, and the unevenness that makes it the imbalance case. */
class MandelbrotTest {
    private final Mandelbrot m = new Mandelbrot();

    @Test
    void theGridIsTwiceAsWideAsTallAndDependsOnTheSizeOnly() {
        Mandelbrot.Input in = m.prepare(1 << 20, 1);
        assertEquals(1449, in.width()); // ceil(sqrt(2 * 2^20)) = ceil(1448.15)
        assertEquals(724, in.rows()); // ceil(2^20 / 1449)
        assertEquals(in, m.prepare(1 << 20, 99)); // the seed plays no part
    }

    /**
     * One pixel: width ceil(sqrt 2) = 2, one row, so c = (-2.5 + 4 * 0.5 / 2, 2 - 2 * 0.5) = (-1.5, 1).
     * z1 = c, |z1|^2 = 3.25; z2 = (2.25 - 1 - 1.5, 2 * -1.5 * 1 + 1) = (-0.25, -2), |z2|^2 = 4.0625 > 4: 2 iterations.
     */
    @Test
    void onePixelWorkedByHand() {
        Mandelbrot.Input in = m.prepare(1, 0);
        assertEquals(2, m.oracle(in));
        assertEquals(2, m.run(in, 0, 1));
    }

    @Test
    void pointsInsideTheSetCostTheMaximum() {
        assertEquals(Mandelbrot.MAX_ITERATIONS, Mandelbrot.escape(0, 0));
        assertEquals(Mandelbrot.MAX_ITERATIONS, Mandelbrot.escape(-1, 0));
        assertEquals(1, Mandelbrot.escape(2.5, 0));
    }

    @Test
    void theSecondHalfOfThePixelsCostsSeveralTimesTheFirst() {
        Mandelbrot.Input in = m.prepare(1 << 18, 0);
        int blocks = m.blocks(in);
        long first = m.run(in, 0, blocks / 2);
        long second = m.run(in, blocks / 2, blocks);
        assertTrue(second > 3 * first, "first half " + first + ", second half " + second);
        assertEquals(m.oracle(in), first + second);
    }
}
