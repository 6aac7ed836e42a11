package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.family.Families;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The channels section: latency and message rate charts, plus the stream's bytes per second as a chart of its own in
 * GB/s, log-log, with the machine's transfer probes as reference lines and named in its sentence.
 */
class ChannelsSectionTest {
    private static final List<String> CHANNELS = List.of("pipe", "tcp");
    private static final List<Double> SIZES = List.of(8.0, 1024.0, 67108864.0);

    private static Analysis.SeriesResult stream() {
        List<Analysis.SeriesPoint> points = new ArrayList<>();
        for (String c : CHANNELS) {
            for (double x : SIZES) {
                double msgs = 1e6 / Math.log(x + 2) / (c.equals("tcp") ? 2 : 1);
                points.add(new Analysis.SeriesPoint(c, null, x, new Estimate(msgs, msgs * 0.9, msgs * 1.1, 2),
                        Map.of("bytes", new Estimate(msgs * x, msgs * x * 0.9, msgs * x * 1.1, 2)), new TreeMap<>()));
            }
        }
        return new Analysis.SeriesResult(Families.CHANNELS, "ChannelBench.stream", "ops/s", true, CHANNELS, List.of(),
                SIZES, points);
    }

    @Test
    void theStreamsBandwidthIsAChartOfItsOwnInGbPerSecondWithTheProbesBesideIt() {
        Analysis.Probe probe = new Analysis.Probe(Map.of(), Map.of(), 0, new Estimate(2.5, 2, 2.5, 2),
                new Estimate(1.5, 1, 1.5, 2), null);
        ReportView.Section s = SeriesSection.of(Families.CHANNELS, List.of(stream()), "test machine", probe);
        assertEquals(2, s.charts().size(), "messages per second, and bytes per second");
        ChartSpec.Line bw = (ChartSpec.Line) s.charts().get(1);
        assertTrue(bw.logX() && bw.logY(), "log-log");
        assertEquals(AxisUnit.ELEMENTS, bw.xUnit(), "binary size ticks (8, 1k, 64M)");
        assertEquals(2, bw.markers().size());
        assertEquals(2.5, bw.markers().get(0).value(), 1e-12, "GB/s, as the lines");
        double top = bw.series().get(0).points().get(2).y();
        assertEquals(1e6 / Math.log(67108866.0) * 67108864.0 / 1e9, top, 1e-6);
        String sentence = s.summary().stream().filter(t -> t.contains("stream bytes")).findFirst().orElseThrow();
        assertTrue(sentence.contains("size = 64M") && sentence.contains("size = 8:"), sentence);
        assertTrue(sentence.contains("loopback TCP connection 2.50 GB/s") && sentence.contains("1.50 GB/s"),
                sentence);
        assertTrue(s.summary().stream().noneMatch(t -> t.contains("bytes (bytes per second")),
                "a charted metric is not repeated in words");
    }

    @Test
    void withoutProbesTheChartHasNoReferenceLines() {
        ReportView.Section s = SeriesSection.of(Families.CHANNELS, List.of(stream()), "test machine", null);
        assertTrue(((ChartSpec.Line) s.charts().get(1)).markers().isEmpty());
    }
}
