package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision table in the terminal: the analysis's best figures as they are, within 100 columns. */
class ConsoleDecisionTableTest {
    private static final int SMALL = 1 << 15;
    private static final int LARGE = 1 << 25;

    private static Estimate e(double v, int forks) {
        return new Estimate(v, v * 0.9, v * 1.1, forks);
    }

    private static Analysis analysis(String title, List<Analysis.Best> best) {
        Analysis.Point point = new Analysis.Point("fork-join", 2, LARGE, e(0.1, 3), e(1.8, 3), 0.9, 0.1, null,
                Double.NaN, false);
        Analysis.WorkloadResult w = new Analysis.WorkloadResult(title, "simd", 8, List.of(SMALL, LARGE),
                List.of("fork-join", "executor"), List.of(2), Map.of(LARGE, e(0.2, 3)), Map.of(), Map.of(),
                List.of(point), Map.of(), Map.of(), Map.of(), best, List.of(), Map.of(), Set.of(), 2);
        Analysis.WorkloadResult empty = new Analysis.WorkloadResult("nothing", "", 8, List.of(), List.of(),
                List.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(),
                List.of(new Analysis.Best(1, "x", 1, e(1, 3), e(1, 3), false)), List.of(), Map.of(), Set.of(), 2);
        return new Analysis(List.of(w, empty), null, List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void eachBestIsOneRowWithItsSpeedupIntervalAndEvidence() {
        List<Analysis.Best> best = List.of(
                new Analysis.Best(SMALL, "sequential", 1, e(0.01, 3), e(1, 3), false),
                new Analysis.Best(LARGE, "fork-join", 2, e(0.1, 3), new Estimate(1.83, 1.75, 1.91, 3), false)
                        .withRunnerUp("executor", 2, new Estimate(1.2, 1.1, 1.3, 3)),
                new Analysis.Best(LARGE * 2, "executor", 2, e(0.1, 2), new Estimate(1.5, 1.2, 1.8, 2), true));
        List<String> lines = ConsoleDecisionTable.lines(analysis("sum", best));
        assertEquals(6, lines.size(), String.join("\n", lines)); // title, header, three rows, legend; "nothing" none
        assertTrue(lines.get(0).startsWith("[parbench] which model to use"), lines.get(0));
        assertEquals("  workload  size  use              speedup                  evidence", lines.get(1));
        assertEquals("  sum       32k   sequential       1 (baseline)             claim", lines.get(2));
        assertEquals("  sum       32M   fork-join (p=2)  1.83x [1.75, 1.91]       claim", lines.get(3));
        assertEquals("  sum       64M   executor (p=2)   1.50x (range 1.20-1.80)  provisional", lines.get(4));
        assertTrue(lines.get(5).contains("95% interval") && lines.get(5).contains("range"), lines.get(5));
    }

    @Test
    void aRunnerUpWithinTheNoiseIsSaid() {
        List<Analysis.Best> best = List.of(new Analysis.Best(LARGE, "fork-join", 2, e(0.1, 3), e(1.8, 3), false)
                .withRunnerUp("executor", 2, new Estimate(1.02, 0.98, 1.06, 3)));
        List<String> lines = ConsoleDecisionTable.lines(analysis("sum", best));
        assertTrue(lines.get(2).endsWith("claim; runner-up close"), String.join("\n", lines));
    }

    @Test
    void longCellsAreCutToKeepTheTableUnderOneHundredColumnsAndControlCharactersAreNotPrinted() {
        String title = "w\u001b[31m" + "x".repeat(80);
        List<Analysis.Best> best = List.of(new Analysis.Best(LARGE, "strategy-" + "y".repeat(60), 64, e(0.1, 2),
                new Estimate(123.456, 100.0, 150.0, 2), true));
        List<String> lines = ConsoleDecisionTable.lines(analysis(title, best));
        for (String l : lines) {
            assertTrue(l.length() < 100, l.length() + ": " + l);
            assertTrue(l.chars().noneMatch(Character::isISOControl), l);
        }
        String row = lines.get(2);
        assertTrue(row.contains("123.46x (range 100.00-150.00)"), "the speedup is never cut: " + row);
        assertTrue(row.contains("w?[31m") && row.contains("~"), row);
    }

    @Test
    void nothingMeasuredGivesNoTable() {
        assertEquals(List.of(), ConsoleDecisionTable.lines(analysis("sum", List.of())));
    }
}
