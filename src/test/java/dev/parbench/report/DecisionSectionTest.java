package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import java.nio.file.Path;
import java.util.Optional;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The report opens with the answer: the model to use per size, its runner-up, and how sure that is. */
class DecisionSectionTest {
    private static ReportView lastView;
    private static Analysis lastAnalysis;

    private static BenchmarkRecord rec(String method, Map<String, String> params, double us, int forks) {
        List<double[]> raw = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double v = us * (1 + 0.01 * f);
            raw.add(new double[] {v * 0.99, v, v * 1.01});
        }
        return new BenchmarkRecord("dev.parbench.bench.SumBench." + method, "avgt", new TreeMap<>(params), forks, 1,
                new Metric(us, Double.NaN, "us/op", new TreeMap<>(), raw), Map.of(), Map.of(), List.of(), "test");
    }

    private static ReportView.Table decision(int forks) {
        List<BenchmarkRecord> r = new ArrayList<>();
        for (int size : new int[] {1024, 1 << 20}) {
            double seq = size == 1024 ? 10 : 1000;
            r.add(rec("sequential", Map.of("size", String.valueOf(size), "kernel", "simd"), seq, forks));
            r.add(rec("parallel", Map.of("size", String.valueOf(size), "kernel", "simd", "strategy", "fork-join",
                    "parallelism", "2"), size == 1024 ? 40 : 500, forks));
            r.add(rec("parallel", Map.of("size", String.valueOf(size), "kernel", "simd", "strategy", "executor",
                    "parallelism", "2"), size == 1024 ? 50 : 700, forks));
        }
        lastAnalysis = new Analyzer().analyze(new RunData(r, Map.of()));
        ReportView view = ReportView.of(lastAnalysis);
        lastView = view;
        ReportView.Section first = view.sections().get(0);
        assertEquals(DecisionSection.ID, first.id(), "the report opens with the decision");
        return first.tables().get(0);
    }

    private static List<String> texts(List<ReportView.Cell> row) {
        return row.stream().map(ReportView.Cell::text).toList();
    }

    @Test
    void enoughForksGiveAClaimWithItsRunnerUp() {
        ReportView.Table t = decision(3);
        List<String> small = texts(t.rows().get(0));
        List<String> large = texts(t.rows().get(1));
        assertEquals("sequential", small.get(2), small.toString());
        assertEquals("fork-join (p=2)", small.get(4), "runner-up at 1k: " + small);
        assertEquals("fork-join (p=2)", large.get(2), large.toString());
        assertTrue(large.get(3).startsWith("2.00x ["), large.toString());
        assertEquals("executor (p=2)", large.get(4));
        assertTrue(large.get(5).startsWith("1.40x ["), large.toString());
        assertEquals("claim (best of 3 configurations)", large.get(6));
        ReportView.Section section = decisionSection(3);
        assertTrue(section.summary().stream().anyMatch(l -> l.contains("below 1M no model is shown to beat "
                + "sequential; from 1M on, fork-join (p=2: 2.00x [")),
                section.summary().toString());
    }

    private static ReportView.Section decisionSection(int forks) {
        decision(forks);
        return lastView.sections().get(0);
    }

    @Test
    void twoForksAreProvisionalAndSayHowToSettleItBelowTheTable() {
        ReportView.Table t = decision(2);
        List<String> large = texts(t.rows().get(1));
        assertEquals("fork-join (p=2)", large.get(2));
        assertTrue(large.get(3).contains("(range "), large.toString());
        assertEquals("provisional: see below (best of 3 configurations)", large.get(6), large.toString());
        for (List<ReportView.Cell> row : t.rows()) {
            assertTrue(texts(row).stream().noneMatch(c -> c.contains("run-benchmarks.sh")), "a command in the table: "
                    + texts(row));
        }
        ReportView.Section section = lastView.sections().get(0);
        assertEquals(1, section.folds().size(), "one block of commands below the table");
        ReportView.Fold fold = section.folds().get(0);
        long provisional = t.rows().stream().filter(r -> r.get(6).text().startsWith("provisional")).count();
        assertEquals(2, provisional, "both sizes rest on 2 forks");
        assertEquals("How to settle the 2 provisional rows", fold.summary());
        assertEquals(List.of("sum (simd kernel) at 1k:", "sum (simd kernel) at 1M:"),
                fold.lines().stream().map(ReportView.FoldLine::text).toList());
        String command = fold.lines().get(1).command();
        assertTrue(command.startsWith("./run-benchmarks.sh --workloads sum --kernels simd --strategies ")
                && command.contains(" --sizes 1M ") && command.endsWith(" --forks 5"), command);
    }

    @Test
    void oneRunsResultsGetOneSettleCommandForEveryOpenRow() {
        decision(2);
        Analysis analysis = lastAnalysis;
        ReportView.Section section = DecisionSection.of(analysis.workloads(), Optional.of("results/a run")).orElseThrow();
        ReportView.Fold fold = section.folds().get(0);
        assertEquals("How to settle the 2 provisional rows", fold.summary());
        assertEquals(1, fold.lines().size(), fold.lines().toString());
        assertEquals("./run-benchmarks.sh --settle 'results/a run'", fold.lines().get(0).command());

        Map<String, Object> run = Map.of("args", List.of("--profile", "quick"));
        assertEquals(Optional.of(Path.of("r", "2026-01-01T00-00-00").toString()), SettleCommand.runFolder(Map.of(
                Path.of("r", "2026-01-01T00-00-00", "results.json").toString(), Map.of("run", run))));
        assertEquals(Optional.empty(), SettleCommand.runFolder(Map.of("a/results.json", Map.of("run", run),
                "b/results.json", Map.of("run", run))), "two runs: no one folder to settle");
        assertEquals(Optional.empty(), SettleCommand.runFolder(Map.of("a/results.json", Map.of("host", "x"))),
                "not a parbench run");
    }

    @Test
    void theCommandsAreOneCollapsedBlockBelowTheTableInHtmlAndAListInMarkdown() {
        decision(2);
        String html = HtmlPage.render(lastView, java.util.Map.of());
        int table = html.indexOf("id=\"decision-table\"");
        int tableEnd = html.indexOf("</table>", table);
        int fold = html.indexOf("<details class=\"fold\"><summary>How to settle the 2 provisional rows</summary>");
        assertTrue(table > 0 && tableEnd < fold && fold < html.indexOf("</section>", table), html);
        assertTrue(html.indexOf("run-benchmarks.sh") > fold, "no command before the block");
        assertEquals(2, html.split("<li>sum \\(simd kernel\\) at 1[kM]: <code>./run-benchmarks.sh ", -1).length - 1);
        String md = TextSummaries.markdown(lastView, new Analyzer().analyze(new RunData(List.of(), Map.of())));
        List<String> lines = md.lines().toList();
        int last = lines.indexOf(lines.stream().filter(l -> l.contains("provisional: see below")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(md)));
        assertEquals(List.of("", "**How to settle the 2 provisional rows**", ""), lines.subList(last + 1, last + 4),
                md);
        assertTrue(lines.get(last + 4).startsWith("- sum (simd kernel) at 1k: ./run-benchmarks.sh --workloads sum"),
                lines.get(last + 4));
    }

    private static BenchmarkRecord forks(String method, Map<String, String> params, double... forkUs) {
        List<double[]> raw = new ArrayList<>();
        for (double v : forkUs) {
            raw.add(new double[] {v * 0.99, v, v * 1.01});
        }
        return new BenchmarkRecord("dev.parbench.bench.SumBench." + method, "avgt", new TreeMap<>(params),
                forkUs.length, 1, new Metric(forkUs[0], Double.NaN, "us/op", new TreeMap<>(), raw), Map.of(), Map.of(),
                List.of(), "test");
    }

    @Test
    void aFastestModelWhoseIntervalHoldsOneIsNoClaimAndTheSentenceAgrees() {
        // as Mandelbrot at 32k: fork-join fastest, its speedup interval holds 1 (1.05x [0.95, 1.16]); the table said "claim"
        List<BenchmarkRecord> r = new ArrayList<>();
        Map<String, String> size = Map.of("size", "32768", "kernel", "simd");
        r.add(forks("sequential", size, 10.5, 11, 10, 10.8, 10.2));
        r.add(forks("parallel", Map.of("size", "32768", "kernel", "simd", "strategy", "fork-join",
                "parallelism", "2"), 9, 10, 11, 10.5, 9.5));
        r.add(forks("parallel", Map.of("size", "32768", "kernel", "simd", "strategy", "executor",
                "parallelism", "2"), 14, 14.2, 13.8, 14.1, 13.9));
        ReportView.Section first = ReportView.of(new Analyzer().analyze(new RunData(r, Map.of()))).sections()
                .get(0);
        List<String> row = texts(first.tables().get(0).rows().get(0));
        assertEquals("fork-join (p=2)", row.get(2), row.toString());
        assertTrue(row.get(6).startsWith("no claim: the 95% interval holds 1"), row.toString());
        assertTrue(first.summary().stream().anyMatch(l -> l.contains("no model is shown to beat sequential up to "
                + "32k")), first.summary().toString());
        assertTrue(first.summary().stream().noneMatch(l -> l.contains("no model beats")), first.summary().toString());
    }

    @Test
    void aSpeedupAbovePOnComputeBoundWorkIsAMeasurementFault() {
        // Monte Carlo at 32M: 2.64x with p=2 was a slow baseline, not a result
        List<BenchmarkRecord> r = new ArrayList<>();
        Map<String, String> size = Map.of("size", "33554432");
        r.add(new BenchmarkRecord("dev.parbench.bench.MonteCarloBench.sequential", "avgt", new TreeMap<>(size), 3, 1,
                new Metric(264, Double.NaN, "us/op", new TreeMap<>(), List.of(new double[] {264}, new double[] {265},
                        new double[] {263})), Map.of(), Map.of(), List.of(), "test"));
        r.add(new BenchmarkRecord("dev.parbench.bench.MonteCarloBench.parallel", "avgt", new TreeMap<>(Map.of("size",
                "33554432", "strategy", "executor", "parallelism", "2")), 3, 1, new Metric(100, Double.NaN, "us/op",
                new TreeMap<>(), List.of(new double[] {100}, new double[] {101}, new double[] {99})), Map.of(),
                Map.of(), List.of(), "test"));
        ReportView.Section first = ReportView.of(new Analyzer().analyze(new RunData(r, Map.of()))).sections()
                .get(0);
        List<String> row = texts(first.tables().get(0).rows().get(0));
        assertTrue(row.get(6).startsWith("measurement fault: 2.64x with p=2"), row.toString());
        assertTrue(first.summary().stream().noneMatch(l -> l.contains("beats")), first.summary().toString());
    }

    @Test
    void aMemoryBoundPickAboveTheProbeAtItsOwnSizeIsAMeasurementFault() {
        // sum at 1M (8 MiB): fork-join moves 8 MiB in 500 us (16.8 GB/s); the probe's best at 1M reads 10 GB/s
        List<BenchmarkRecord> r = new ArrayList<>();
        r.add(forks("sequential", Map.of("size", "1048576", "kernel", "simd"), 1000, 1005, 995));
        r.add(forks("parallel", Map.of("size", "1048576", "kernel", "simd", "strategy", "fork-join",
                "parallelism", "2"), 500, 502, 498));
        for (String threads : List.of("1", "all")) {
            double us = threads.equals("1") ? 1600 : 839;
            List<double[]> raw = List.of(new double[] {us}, new double[] {us * 1.01}, new double[] {us * 0.99});
            r.add(new BenchmarkRecord("dev.parbench.bench.BandwidthProbe.read", "avgt", new TreeMap<>(Map.of(
                    "elements", "1048576", "threads", threads)), 3, 1, new Metric(us, Double.NaN, "us/op",
                    new TreeMap<>(), raw), Map.of(), Map.of(), List.of(), "test"));
        }
        ReportView.Section first = ReportView.of(new Analyzer().analyze(new RunData(r, Map.of()))).sections()
                .get(0);
        List<String> row = texts(first.tables().get(0).rows().get(0));
        assertEquals("fork-join (p=2)", row.get(2), row.toString());
        assertTrue(row.get(6).startsWith("measurement fault: its bandwidth is above the memory probe's best"),
                row.toString());
        assertTrue(first.summary().stream().noneMatch(l -> l.contains("beats")), first.summary().toString());
    }
}
