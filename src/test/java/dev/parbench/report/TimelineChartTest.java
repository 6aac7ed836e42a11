package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.TaskTrace;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Gantt chart: the median operation, one lane per task, every text whole and inside the image. */
class TimelineChartTest {
    private static final Pattern TEXT = Pattern.compile(
            "<text x='([-0-9.]+)' y='[-0-9.]+' style='[^']*font-size: (\\d+)px;[^']*'[^>]*>([^<]*)</text>");

    private static List<TaskTrace> op(long scale, int tasks) {
        List<TaskTrace> out = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            long s = scale * (k + 1);
            out.add(new TaskTrace(k, "worker 127.0.0.1:40" + k + "17 (pid 12345" + k + ")", 0, 4 * s, 5 * s, 9 * s,
                    10 * s, 12 * s, 13 * s, 30_000));
        }
        return out;
    }

    @Test
    void drawsTheMedianOperationWithWholeLabels() {
        TimelineReport.Model m = new TimelineReport.Model("socket", "sockets", List.of(op(1_000_000, 3),
                op(3_000_000, 3), op(2_000_000, 3)), List.of(13_000_000L * 3, 39_000_000L * 3, 26_000_000L * 3));
        assertEquals(2, m.medianOperation());
        ChartSpec.Gantt g = TimelineReport.gantt(m, "sum, 1M, parallelism 3");
        assertEquals(List.of("task 0 · pid 123450", "task 1 · pid 123451", "task 2 · pid 123452"), g.lanes());
        assertEquals(3 * TaskTrace.Phase.values().length, g.segments().size());
        String svg = ChartRenderer.svg(g, "g");
        Dimension d = ChartRenderer.size(g);
        Matcher t = TEXT.matcher(svg);
        StringBuilder all = new StringBuilder();
        while (t.find()) {
            String s = t.group(3).replace("&amp;", "&");
            assertFalse(s.contains("...") || s.contains("…"), "cut text: " + s);
            FontMetrics fm = ChartRenderer.metrics(new Font(Font.SANS_SERIF, Font.PLAIN,
                    Integer.parseInt(t.group(2))));
            double x = Double.parseDouble(t.group(1));
            assertTrue(x >= 0 && x + fm.stringWidth(s) <= d.width + 1, "text outside the image: " + s);
            all.append(s).append('\n');
        }
        for (String lane : g.lanes()) {
            assertTrue(all.toString().contains(lane), "lane label " + lane);
        }
        assertTrue(all.toString().contains("start") && all.toString().contains("compute"),
                "phase names printed on the wide bars: " + all);
        assertTrue(svg.contains("<title>task 1 on worker"), "hover text per bar");
    }
}
