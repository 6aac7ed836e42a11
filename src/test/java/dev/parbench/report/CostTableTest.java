package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import dev.parbench.strategy.CostMetric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cost table from the cost profile's secondary metrics to the page: the analysis maps them per workload, size and
 * model; each workload's section gets one table at its largest size (or one line when the run counted no costs);
 * the decision names the out-of-process model that loses most in words taken from its figures; every value goes
 * through the page's escapers.
 */
class CostTableTest {
    static final int SIZE = 33554432; // 32M longs: 256 MiB
    static final long SLICE = 8L * SIZE;

    static BenchmarkRecord rec(String bench, String method, Map<String, String> params, double micros,
            Map<CostMetric, Double> costs) {
        List<double[]> forks = List.of(new double[] {micros * 0.99, micros, micros * 1.01},
                new double[] {micros, micros, micros}, new double[] {micros * 1.01, micros, micros * 0.99});
        Map<String, Metric> secondary = new LinkedHashMap<>();
        costs.forEach((m, v) -> secondary.put(m.label(), new Metric(v, Double.NaN, m.unit(), new TreeMap<>(),
                List.of(new double[] {v, v}, new double[] {v, v}, new double[] {v, v}))));
        return new BenchmarkRecord("dev.parbench.bench." + bench + "." + method, "avgt", new TreeMap<>(params), 3, 1,
                new Metric(micros, Double.NaN, "us/op", new TreeMap<>(), forks), secondary, Map.of(), List.of(),
                "test");
    }

    static Map<String, String> par(String strategy, int p) {
        return Map.of("strategy", strategy, "parallelism", String.valueOf(p), "size", String.valueOf(SIZE),
                "kernel", "simd");
    }

    /** Costs of one configuration: bytes, JVMs, threads, allocation, links, transfer ns per link (NaN: absent). */
    static Map<CostMetric, Double> costs(double bytes, double jvms, double threads, double alloc, double links,
            double transferNanos, double opNanos) {
        Map<CostMetric, Double> m = new EnumMap<>(CostMetric.class);
        m.put(CostMetric.WIRE_BYTES, bytes);
        m.put(CostMetric.JVMS, jvms);
        m.put(CostMetric.THREADS, threads);
        m.put(CostMetric.ALLOC_BYTES, alloc);
        m.put(CostMetric.LINKS, links);
        if (!Double.isNaN(transferNanos)) {
            m.put(CostMetric.TRANSFER_TIME, transferNanos);
            m.put(CostMetric.TRANSFER_SHARE, transferNanos / opNanos);
        }
        return m;
    }

    /** sum at 32M with costs (process-pool at p = 1 loses most), vector-add at 32M without (an older run). */
    static List<BenchmarkRecord> run(String extraStrategy, double processPerTaskMicros) {
        List<BenchmarkRecord> r = new ArrayList<>();
        r.add(rec("SumBench", "sequential", Map.of("size", String.valueOf(SIZE), "kernel", "simd"), 30_000,
                costs(0, 0, 0, 0.2, 0, Double.NaN, 0)));
        r.add(rec("SumBench", "parallel", par("thread-per-task", 2), 20_000, costs(0, 0, 2, 1024, 0, Double.NaN, 0)));
        r.add(rec("SumBench", "parallel", par("executor", 2), 18_000, costs(0, 0, 0, 500, 0, Double.NaN, 0)));
        r.add(rec("SumBench", "parallel", par("process-pool", 1), 150_000,
                costs(SLICE + 84, 0, 0, 4800, 1, 140e6, 150e6)));
        r.add(rec("SumBench", "parallel", par("process-pool", 2), 100_000,
                costs(SLICE + 168, 0, 0, 4900, 2, 70e6, 100e6)));
        r.add(rec("SumBench", "parallel", par("process-per-task", 2), processPerTaskMicros,
                costs(SLICE + 900, 2, 10, 350_000, 2, 60e6, processPerTaskMicros * 1e3)));
        r.add(rec("SumBench", "parallel", par("hazelcast", 2), 120_000,
                costs(Double.NaN, 0, 1, 9000, 0, Double.NaN, 0)));
        if (extraStrategy != null) {
            r.add(rec("SumBench", "parallel", par(extraStrategy, 2), 25_000, costs(0, 0, 0, 10, 0, Double.NaN, 0)));
        }
        r.add(rec("VectorAddBench", "sequential", Map.of("size", String.valueOf(SIZE), "kernel", "simd"), 40_000,
                Map.of()));
        r.add(rec("VectorAddBench", "parallel", par("process-pool", 2), 300_000, Map.of()));
        // hazelcast's bytes were not counted: drop the metric, as the profiler does
        r.replaceAll(x -> x.params().get("strategy") != null && x.params().get("strategy").equals("hazelcast")
                ? withoutBytes(x) : x);
        return r;
    }

    static BenchmarkRecord withoutBytes(BenchmarkRecord x) {
        Map<String, Metric> s = new LinkedHashMap<>(x.secondary());
        s.remove(CostMetric.WIRE_BYTES.label());
        return new BenchmarkRecord(x.benchmark(), x.mode(), x.params(), x.forks(), x.threads(), x.primary(), s,
                x.jvm(), x.jvmArgs(), x.source());
    }

    static Analysis analyse(String extraStrategy, double processPerTaskMicros) {
        return new Analyzer().analyze(new RunData(run(extraStrategy, processPerTaskMicros), Map.of()));
    }

    @Test
    void theAnalysisMapsEachConfigurationsCosts() {
        Analysis a = analyse(null, 130_000);
        Analysis.WorkloadResult sum = a.workloads().stream().filter(w -> w.workload().equals("sum")).findFirst()
                .orElseThrow();
        assertEquals(7, sum.costs().size(), "sequential and every model at 32M");
        Analysis.Cost pool = sum.costs().stream().filter(c -> c.strategy().equals("process-pool")
                && c.parallelism() == 1).findFirst().orElseThrow();
        assertEquals(SLICE + 84, pool.figure(CostMetric.WIRE_BYTES).orElseThrow().point(), 1e-6);
        assertEquals(140e6, pool.figure(CostMetric.TRANSFER_TIME).orElseThrow().point(), 1e-3);
        assertEquals(150_000_000, pool.time().point(), 1e3, "the time beside it, ns/op");
        assertEquals("sequential", sum.costs().get(0).strategy());
        assertEquals(0, sum.costs().get(0).figure(CostMetric.JVMS).orElseThrow().point());
        Analysis.Cost hz = sum.costs().stream().filter(c -> c.strategy().equals("hazelcast")).findFirst()
                .orElseThrow();
        assertTrue(hz.figure(CostMetric.WIRE_BYTES).isEmpty(), "not counted is absent, never 0");
        Analysis.WorkloadResult add = a.workloads().stream().filter(w -> w.workload().equals("vector-add"))
                .findFirst().orElseThrow();
        assertTrue(add.costs().isEmpty(), "an older run counted nothing");
    }

    @Test
    void eachWorkloadSectionHasItsTableOrItsLine() {
        ReportView v = ReportView.of(analyse(null, 130_000));
        ReportView.Section sum = section(v, "sum-simd");
        ReportView.Table t = sum.tables().stream().filter(x -> x.id().endsWith("-costs")).findFirst().orElseThrow();
        assertEquals(CostTable.HEADERS, t.headers());
        assertEquals(7, t.rows().size());
        List<String> pool = row(t, "process-pool", "1");
        assertEquals("150 ms", pool.get(3));
        assertEquals("256 MiB", pool.get(4));
        assertEquals("0", pool.get(5));
        assertEquals("0", pool.get(6));
        assertEquals("4.69 KiB", pool.get(7));
        assertEquals("93% (140 ms per link, 1 link/op)", pool.get(8));
        List<String> perTask = row(t, "process-per-task", "2");
        assertEquals("2", perTask.get(5), "JVMs per operation");
        assertEquals("10", perTask.get(6));
        List<String> threads = row(t, "thread-per-task", "2");
        assertEquals("0 B", threads.get(4));
        assertEquals("2", threads.get(6));
        assertEquals("none: one JVM", threads.get(8));
        List<String> hz = row(t, "hazelcast", "2");
        assertTrue(hz.get(4).startsWith("not counted"), hz.get(4));
        assertTrue(hz.get(8).startsWith("not measured"), hz.get(8));
        assertTrue(sum.summary().stream().anyMatch(s -> s.contains("what child JVMs allocate is not included")));

        ReportView.Section add = section(v, "vector-add-simd");
        assertTrue(add.tables().stream().noneMatch(x -> x.id().endsWith("-costs")), "no costs, no table");
        assertEquals(1, add.summary().stream().filter(s -> s.startsWith("This run did not count")).count());
    }

    @Test
    void modelsMeasuredOnlyAtASmallerSizeAreInTheTableAtThatSize() {
        // as the standard profile: the in-JVM models at 32M, the out-of-process ones at 1M only
        List<BenchmarkRecord> r = new ArrayList<>(run(null, 130_000));
        Map<String, String> small = Map.of("strategy", "socket", "parallelism", "2", "size", "1048576", "kernel",
                "simd");
        r.add(rec("SumBench", "sequential", Map.of("size", "1048576", "kernel", "simd"), 900,
                costs(0, 0, 0, 0.2, 0, Double.NaN, 0)));
        r.add(rec("SumBench", "parallel", small, 9_000, costs(8L * 1048576 + 168, 0, 0, 4900, 2, 6e6, 9e6)));
        ReportView v = ReportView.of(new Analyzer().analyze(new RunData(r, Map.of())));
        ReportView.Table t = section(v, "sum-simd").tables().stream().filter(x -> x.id().endsWith("-costs"))
                .findFirst().orElseThrow();
        assertEquals(8, t.rows().size(), "the 7 models at 32M and socket at 1M");
        List<String> socket = row(t, "socket", "2");
        assertEquals("1M", socket.get(2));
        assertEquals("8.00 MiB", socket.get(4));
        assertTrue(t.caption().contains("32M (1M for the models measured only there)"), t.caption());
    }

    @Test
    void theDecisionSaysWhatTheLosingOutOfProcessModelMoves() {
        ReportView.Section d = section(ReportView.of(analyse(null, 130_000)), DecisionSection.ID);
        String line = d.summary().stream().filter(s -> s.contains("loses most")).findFirst().orElseThrow();
        assertTrue(line.startsWith("Of the out-of-process models, process-pool (p=1) loses most against sequential: on "
                + "sum (simd kernel) at 32M it takes 150 ms per operation (0.20x sequential's 30.0 ms). "), line);
        assertTrue(line.contains("process-pool moves 256 MiB per operation over one pipe: 140 ms of its 150 ms go "
                + "to moving data."), line);

        // slower still, and over two pipes: the words follow the figures
        line = section(ReportView.of(analyse(null, 600_000)), DecisionSection.ID).summary().stream()
                .filter(s -> s.contains("loses most")).findFirst().orElseThrow();
        assertTrue(line.contains("process-per-task (p=2) loses most against sequential: on sum (simd kernel) at 32M "
                + "it takes 600 ms per operation (0.05x sequential's 30.0 ms)"), line);
        assertTrue(line.contains("process-per-task moves 256 MiB per operation over 2 pipes: each pipe is busy "
                + "moving data for 60.0 ms of the operation's 600 ms, and it starts 2 JVMs per operation."), line);
    }

    @Test
    void everyValueIsEscaped() {
        String hostile = "=cmd|x<img src=x onerror=alert(1)>\n## forged";
        Analysis a = analyse(hostile, 130_000);
        ReportView v = ReportView.of(a);
        assertTrue(section(v, "sum-simd").tables().stream().filter(x -> x.id().endsWith("-costs"))
                .flatMap(x -> x.rows().stream()).anyMatch(r -> r.get(0).text().equals(hostile)), "the row is there");
        String html = HtmlPage.render(v, Map.of());
        assertFalse(html.contains("<img src=x"), "no markup from a results file");
        String md = TextSummaries.markdown(v, a);
        assertFalse(md.contains("\n## forged"), "no forged heading");
        assertTrue(md.contains("what each operation cost at 32M"), "the cost table is in summary.md");
        String csv = TextSummaries.csv(a);
        assertTrue(csv.contains("cost,sum,simd,,metric=cost.wire.bytes,process-pool,1,33554432,B/op,"), csv);
        assertTrue(csv.lines().noneMatch(l -> l.contains(",=cmd")), "no formula cell");
        assertTrue(csv.contains("'=cmd"), "the formula is defused");
    }

    private static ReportView.Section section(ReportView v, String id) {
        return v.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no section " + id + " in " + v.sections().stream().map(ReportView.Section::id)
                        .toList()));
    }

    private static List<String> row(ReportView.Table t, String model, String p) {
        return t.rows().stream().filter(r -> r.get(0).text().equals(model) && r.get(1).text().equals(p))
                .map(r -> r.stream().map(ReportView.Cell::text).toList()).findFirst().orElseThrow();
    }
}
