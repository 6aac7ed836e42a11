package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.family.Families;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A verdict metric (description "WORD: ...") that holds at a point is shown as that word in the prose, chart and table. */
class VerdictTest {

    private static Analysis.SeriesPoint point(String variant, double bytes, double us, double deadlocks) {
        return new Analysis.SeriesPoint(variant, null, bytes, new Estimate(us, us * 0.9, us * 1.1, 2),
                Map.of("deadlocks/exchanges", new Estimate(deadlocks, deadlocks, deadlocks, 2)), new TreeMap<>());
    }

    @Test
    void theDeadlockIsNamedWhereItHappenedAndNowhereElse() {
        assertEquals("DEADLOCK", SeriesSection.verdictWord("DEADLOCK: fraction of exchanges ..."));
        assertNull(SeriesSection.verdictWord("fraction of updates lost"));
        Analysis.SeriesResult r = new Analysis.SeriesResult(Families.COLLECTIVES, "CollectivesBench.exchange",
                "us/op", false, List.of("exchange-naive", "exchange-ordered"), List.of(), List.of(8.0, 1048576.0),
                List.of(point("exchange-naive", 8, 200, 0), point("exchange-naive", 1048576, 1.0e6, 1),
                        point("exchange-ordered", 8, 210, 0), point("exchange-ordered", 1048576, 9000, 0)));
        ReportView.Section s = SeriesSection.of(Families.COLLECTIVES, List.of(r), "test machine");
        String prose = String.join("\n", s.summary());
        assertTrue(prose.contains("DEADLOCK: exchange-naive at bytes 1,048,576"), prose);
        assertTrue(prose.contains("exchange-naive completed at bytes 8"), prose);
        assertTrue(!prose.contains("DEADLOCK: exchange-ordered"), prose);
        ChartSpec.Line chart = (ChartSpec.Line) s.charts().get(0);
        assertTrue(chart.title().contains("DEADLOCK: exchange-naive at bytes 1M"), chart.title());
        assertEquals(AxisUnit.ELEMENTS, chart.xUnit(), "byte sizes get binary ticks");
        String cells = s.tables().get(0).rows().toString();
        Analysis.SeriesResult ranks = new Analysis.SeriesResult(Families.COLLECTIVES, "CollectivesBench.fanIn",
                "us/op", false, List.of("allreduce"), List.of("2", "4"), List.of(8.0),
                List.of(new Analysis.SeriesPoint("allreduce", "2", 8, new Estimate(100, 90, 110, 2), Map.of(),
                        new TreeMap<>()), new Analysis.SeriesPoint("allreduce", "4", 8, new Estimate(250, 240, 260, 2),
                        Map.of(), new TreeMap<>())));
        assertEquals("From ranks 2 to 4 at bytes = 8, the score changes by: allreduce 2.5x.",
                SeriesSection.growth(Families.COLLECTIVES, ranks).orElseThrow());
        assertTrue(cells.contains("DEADLOCK (1)"), cells);
    }
}
