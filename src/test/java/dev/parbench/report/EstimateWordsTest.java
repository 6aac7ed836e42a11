package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Estimate;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spread is named by its estimate's kind: "95% interval" only for intervals, "range of n forks" otherwise. */
class EstimateWordsTest {
    private static final Estimate TWO_FORKS = new Estimate(1.2, 0.89, 1.6, 2);
    private static final Estimate FIVE_FORKS = new Estimate(1.2, 1.1, 1.3, 5);

    @Test
    void oneEstimate() {
        assertEquals("range of 2 forks", EstimateWords.of(TWO_FORKS));
        assertEquals("95% interval", EstimateWords.of(FIVE_FORKS));
        // a best-fork figure is a range whatever its fork count
        assertEquals("range of 5 forks", EstimateWords.of(new Estimate(1, 0.9, 1.1, 5, Estimate.Kind.RANGE)));
    }

    @Test
    void manyEstimates() {
        assertEquals("95% interval", EstimateWords.of(List.of(FIVE_FORKS, FIVE_FORKS)));
        assertEquals("range of 2 forks", EstimateWords.of(List.of(TWO_FORKS)));
        assertEquals("range of 1-2 forks", EstimateWords.of(List.of(TWO_FORKS, new Estimate(1, 1, 1, 1))));
        assertEquals("95% interval (range of 2 forks where fewer forks)",
                EstimateWords.of(List.of(FIVE_FORKS, TWO_FORKS)));
    }

    @Test
    void theHoverOfATwoForkPointSaysRangeNotInterval() {
        ChartSpec.XY p = new ChartSpec.XY(1024, 1.2, 0.89, 1.6, TWO_FORKS, "sum, size 1k", List.of());
        ChartSpec.Series s = new ChartSpec.Series("executor", Color.BLUE, false, true, List.of(p));
        ChartSpec.Line l = new ChartSpec.Line("n", "t", "s", "size", "speedup", true, false, false, List.of(s),
                List.of(), AxisUnit.ELEMENTS, AxisUnit.NUMBER);
        String hover = ChartHover.hover(l, s, p);
        assertTrue(hover.contains("range of 2 forks: [0.89, 1.6"), hover);
        assertFalse(hover.contains("95%"), hover);
        ChartSpec.Bar b = new ChartSpec.Bar("executor", FIVE_FORKS, Color.BLUE, "sum", List.of());
        ChartSpec.Bars bars = new ChartSpec.Bars("b", "t", "s", "speedup", List.of(b), List.of(), false,
                AxisUnit.NUMBER, false, List.of());
        assertTrue(ChartHover.hover(bars, b).contains("95% interval: ["), ChartHover.hover(bars, b));
    }
}
