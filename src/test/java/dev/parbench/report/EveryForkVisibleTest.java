package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.results.JmhJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every fork visible, in the drawn charts: one dot per fork (per round) with a hover that names it, escaped; and the
 * machine-stability section with the sentence its data call for. The fixtures (src/test/resources/jmh/rounds-run and
 * rounds-steady, see the README there) are runs measured in 5 rounds, with a slow third round in the first.
 */
class EveryForkVisibleTest {
    /** The speedup chart's configurations in rounds-run: 4 models at p = 1 and 2, 5 rounds, executor missed one. */
    private static final int SPEEDUP_DOTS = 4 * 2 * 5 - 2;
    /** The time chart's: sequential and 4 models at p = 2, 3 sizes, 5 rounds, executor missed one at each size. */
    private static final int TIME_DOTS = 5 * 3 * 5 - 3;
    private static final String HOSTILE = "<b>fj\"&'</b>";

    private static Analysis analyse(Path results) {
        return new Analyzer().analyze(JmhJsonReader.read(List.of(results)));
    }

    private static Analysis rounds() {
        return analyse(ReportWriterTest.resource("/jmh/rounds-run/results.json"));
    }

    private static ChartSpec.Line chart(ReportView view, String name) {
        return view.sections().stream().flatMap(s -> s.charts().stream()).filter(c -> c.name().equals(name))
                .map(ChartSpec.Line.class::cast).findFirst().orElseThrow();
    }

    /** The hover texts of the dots of an SVG chart, read back through an XML parser (so unescaped). */
    private static List<String> dotHovers(String svg) throws Exception {
        List<String> out = new ArrayList<>();
        NodeList groups = ReportInjectionTest.parseXml(svg).getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("pb-pt") && g.getAttribute("id").matches(".*-d\\d+-\\d+")) {
                out.add(g.getElementsByTagNameNS("*", "title").item(0).getTextContent());
            }
        }
        return out;
    }

    @Test
    void theSpeedupChartHasOneDotPerRoundNamedInItsHover() throws Exception {
        ChartSpec.Line speedup = chart(ReportView.of(rounds()), "sum-simd-speedup");
        assertTrue(speedup.subtitle().contains("each dot is one fork (round): the baseline's fork over the model's "
                + "fork of the same round"), speedup.subtitle());
        List<String> hovers = dotHovers(ChartRenderer.svg(speedup, "t"));
        assertEquals(SPEEDUP_DOTS, hovers.size(), hovers.toString());
        Pattern shape = Pattern.compile("(thread-per-task|executor|fork-join|parallel-stream) p=[12], 32M: "
                + "round [1-5], [0-9]+\\.[0-9]{2}x");
        for (String h : hovers) {
            assertTrue(shape.matcher(h).matches(), h);
        }
        assertEquals(4, hovers.stream().filter(h -> h.startsWith("executor p=2,")).count(), "executor missed round 5");
        // the dots are the analysis's own values, one per round
        Analysis.Point fj = rounds().workloads().get(0).point("fork-join", 2, 1 << 25).orElseThrow();
        for (var f : fj.forks().speedups()) {
            assertTrue(hovers.contains("fork-join p=2, 32M: round " + f.round() + ", " + Formats.fmt(f.value(), 2)
                    + "x"), "round " + f.round() + " of fork-join is not drawn");
        }
    }

    @Test
    void theTimeChartHasOneDotPerForkBaselineIncluded() throws Exception {
        ChartSpec.Line time = chart(ReportView.of(rounds()), "sum-simd-time");
        assertTrue(time.subtitle().contains("each dot is one fork (round): its median time"), time.subtitle());
        List<String> hovers = dotHovers(ChartRenderer.svg(time, "t"));
        assertEquals(TIME_DOTS, hovers.size());
        assertEquals(5, hovers.stream().filter(h -> h.startsWith("sequential, 32M: round ")).count());
        assertTrue(hovers.stream().allMatch(h -> h.matches(".*: round [1-5], [0-9.]+ (µs|ms)")), hovers.toString());
    }

    @Test
    void withoutRoundsTheDotsAreForksAgainstTheBaselinesGeometricMean() throws Exception {
        Analysis plain = analyse(ReportWriterTest.resource("/jmh/parbench-run/results.json"));
        ReportView view = ReportView.of(plain);
        ChartSpec.Line speedup = chart(view, "sum-simd-speedup");
        assertTrue(speedup.subtitle().contains("each dot is one fork: the baseline's geometric mean over that "
                + "fork's median"), speedup.subtitle());
        List<String> hovers = dotHovers(ChartRenderer.svg(speedup, "t"));
        Analysis.WorkloadResult sum = plain.workloads().stream().filter(w -> w.title().equals("sum (simd kernel)"))
                .findFirst().orElseThrow();
        int forks = sum.points().stream().filter(p -> p.size() == sum.largestSize())
                .mapToInt(p -> p.forks().speedups().size()).sum();
        assertEquals(forks, hovers.size());
        assertTrue(forks > 0);
        assertTrue(hovers.stream().allMatch(h -> h.matches(".*: fork [0-9]+, [0-9.]+x")), hovers.toString());
        assertTrue(view.sections().stream().noneMatch(s -> s.id().equals(StabilitySection.ID)),
                "no fork has a start time: no stability section, and no error");
    }

    @Test
    void aHostileModelNameIsEscapedInEveryDotsHover(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(ReportWriterTest.resource("/jmh/rounds-run/results.json").toFile());
        for (JsonNode r : results) {
            if (r.path("params").path("strategy").asText().equals("fork-join")) {
                ((ObjectNode) r.get("params")).put("strategy", HOSTILE);
            }
        }
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        json.writeValue(in.resolve("results.json").toFile(), results);
        Path index = ReportWriter.write(analyse(in.resolve("results.json")), dir.resolve("report"));
        for (String name : List.of("sum-simd-speedup.svg", "sum-simd-time.svg")) {
            String svg = Files.readString(index.resolveSibling(name));
            assertFalse(svg.contains("<b>"), name + " holds the name as markup");
            List<String> hostile = dotHovers(svg).stream().filter(h -> h.startsWith(HOSTILE + " p=")).toList();
            assertEquals(name.contains("speedup") ? 10 : 15, hostile.size(), name + ": " + hostile);
        }
        String html = Files.readString(index);
        assertFalse(html.contains("<b>fj"), "index.html holds the name as markup");
        assertTrue(html.contains("&lt;b&gt;fj&quot;&amp;"), "the name is in index.html, escaped");
    }

    @Test
    void theStabilitySectionFollowsTheDecisionAndNamesTheSlowRound() {
        ReportView view = ReportView.of(rounds());
        assertEquals(List.of(DecisionSection.ID, StabilitySection.ID), view.sections().subList(0, 2).stream()
                .map(ReportView.Section::id).toList());
        ReportView.Section s = view.sections().get(1);
        assertTrue(s.summary().get(0).matches("Round 3 ran 1[5-9]% slow on ReferenceBench\\.stream: [0-9.]+ ms against "
                + "a typical [0-9.]+ ms; no other fork was more than 5% from typical\\."), s.summary().get(0));
        ChartSpec.Line chart = (ChartSpec.Line) s.charts().get(0);
        assertEquals(List.of("ReferenceBench.lcg", "ReferenceBench.stream"),
                chart.series().stream().map(ChartSpec.Series::name).sorted().toList());
        assertTrue(chart.series().stream().allMatch(x -> x.points().size() == 5), "one point per round");
        assertEquals(1, chart.bands().size());
        assertEquals(0.95, chart.bands().get(0).low(), 1e-12);
        assertEquals(1.05, chart.bands().get(0).high(), 1e-12);

        ReportView steady = ReportView.of(analyse(ReportWriterTest.resource("/jmh/rounds-steady/results.json")));
        String sentence = steady.sections().get(1).summary().get(0);
        assertTrue(sentence.matches("The machine was steady: every round was within [0-4](\\.[0-9])?% of typical "
                + "\\(the furthest: round [1-5] on ReferenceBench\\.(lcg|stream), .*"), sentence);
    }
}
