package dev.parbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.cli.RunSpecProbe;
import dev.parbench.gate.GateConfig;
import dev.parbench.remote.Frame;
import dev.parbench.remote.FrameCodec;
import dev.parbench.remote.RemoteTask;
import dev.parbench.remote.WireLimits;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import dev.parbench.results.RunData;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.ArraySlice;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Adding a workload is one class, one {@link WorkloadKind} constant and one JMH shell. For every constant, this checks
 * that everything else picks it up by itself: the shell exists and computes that workload, the run plan selects it,
 * the wire carries it and a worker gets the in-JVM answer, the analysis gives it a section, the gate subset includes
 * it. And no source file outside {@code workload} and the shells names a workload constant or id: if one did, a new
 * workload would need an edit there too.
 */
class WorkloadRegistrationTest {

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void itsShellExistsAndComputesIt(WorkloadKind kind) throws Exception {
        Class<?> shell = Class.forName(kind.benchClassName());
        for (String m : List.of("sequential", "parallel")) {
            Method method = Stream.of(shell.getMethods()).filter(x -> x.getName().equals(m)).findFirst()
                    .orElseThrow(() -> new AssertionError(kind.benchClass() + " has no " + m + " benchmark"));
            assertTrue(method.isAnnotationPresent(Benchmark.class), m + " is not a @Benchmark");
        }
        Class<?> dataClass = Class.forName(kind.benchClassName() + "$Data");
        Object data = dataClass.getConstructor().newInstance();
        int size = 3 * kind.blockSize() + 17;
        dataClass.getField("size").setInt(data, size);
        String kernel = "scalar";
        if (Stream.of(dataClass.getFields()).anyMatch(f -> f.getName().equals("kernel"))) {
            dataClass.getField("kernel").set(data, kernel);
        }
        dataClass.getMethod("prepare").invoke(data);
        Object baseline = Class.forName("dev.parbench.bench.BaselineState").getConstructor().newInstance();
        long got = (long) shell.getMethod("sequential", dataClass, baseline.getClass())
                .invoke(shell.getConstructor().newInstance(), data, baseline);
        assertEquals(oracle(kind.create(Kernel.fromId(kernel)), size), got,
                kind.benchClass() + " does not compute " + kind.id());
    }

    private static <I> long oracle(Workload<I> w, int size) throws Exception {
        Field seed = Class.forName("dev.parbench.bench.Prepared").getDeclaredField("SEED");
        seed.setAccessible(true);
        return w.oracle(w.prepare(size, seed.getLong(null)));
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void theRunPlanSelectsItsShell(WorkloadKind kind) {
        List<String> includes = RunSpecProbe.includes(kind.id());
        for (String m : List.of("sequential", "parallel")) {
            String name = kind.benchClassName() + "." + m;
            assertTrue(includes.stream().anyMatch(i -> Pattern.compile(i).matcher(name).find()),
                    name + " not selected by " + includes);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void aWorkerGetsTheInJvmAnswerOverTheWire(WorkloadKind kind) throws IOException {
        for (Kernel k : Kernel.values()) {
            wireRoundTrip(kind.create(k));
        }
    }

    /**
     * Ships two ranges of one input through the codec to a worker and back; the partial results combine to the
     * oracle, and {@code applyOutput} puts the returned output where the in-JVM models write it: the output arrays
     * ({@code outputDestination} over the whole input) are poisoned first, and afterwards must equal, bit for bit,
     * those of a second copy of the input computed in-JVM.
     */
    private static <I> void wireRoundTrip(Workload<I> w) throws IOException {
        int size = 5 * w.blockSize() + 123;
        I input = w.prepare(size, 42);
        long expected = w.oracle(input);
        List<ArraySlice> outputs = w.wire().outputDestination(input, 0, size);
        outputs.forEach(WorkloadRegistrationTest::poison);
        long total = 0;
        int blocks = w.blocks(input);
        for (int[] r : List.of(new int[] {0, 2}, new int[] {2, blocks})) {
            RemoteTask task = RemoteTask.of(w, input, r[0], r[1]);
            Frame.Run run = (Frame.Run) roundTrip(new Frame.Run(7, task, task.slice(input)));
            assertEquals(task, run.task());
            Frame.Result result = (Frame.Result) roundTrip(run.task().compute(7,
                    run.task().localInput(run.data(), List.of())));
            task.applyOutput(input, result.data());
            total = w.combine(total, result.partial());
        }
        assertEquals(expected, total, w.kind() + "/" + w.kernel() + " over the wire");
        I inJvm = w.prepare(size, 42);
        assertEquals(expected, w.run(inJvm, 0, blocks));
        List<ArraySlice> want = w.wire().outputDestination(inJvm, 0, size);
        assertEquals(want.size(), outputs.size());
        for (int i = 0; i < want.size(); i++) {
            assertTrue(sameBits(outputs.get(i), want.get(i)), w.kind() + "/" + w.kernel() + ": output array " + i
                    + " not written back where the in-JVM models write it");
        }
    }

    private static void poison(ArraySlice s) {
        switch (s.array()) {
            case double[] d -> Arrays.fill(d, s.offset(), s.offset() + s.length(), Double.NaN);
            case long[] l -> Arrays.fill(l, s.offset(), s.offset() + s.length(), Long.MIN_VALUE);
            default -> throw new AssertionError(s.array().getClass());
        }
    }

    private static boolean sameBits(ArraySlice a, ArraySlice b) {
        return switch (a.array()) {
            case double[] d -> Arrays.equals(Arrays.stream(d, a.offset(), a.offset() + a.length())
                    .mapToLong(Double::doubleToRawLongBits).toArray(), Arrays.stream((double[]) b.array(),
                    b.offset(), b.offset() + b.length()).mapToLong(Double::doubleToRawLongBits).toArray());
            case long[] l -> Arrays.equals(l, a.offset(), a.offset() + a.length(), (long[]) b.array(), b.offset(),
                    b.offset() + b.length());
            default -> throw new AssertionError(a.array().getClass());
        };
    }

    private static Frame roundTrip(Frame f) throws IOException {
        WireLimits limits = new WireLimits(1L << 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameCodec(limits).write(f, Channels.newChannel(out));
        return new FrameCodec(limits).read(Channels.newChannel(new ByteArrayInputStream(out.toByteArray())));
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void theAnalysisGivesItASection(WorkloadKind kind) {
        List<BenchmarkRecord> records = new ArrayList<>();
        records.add(record(kind, "sequential", Map.of("size", "1048576"), 1000));
        records.add(record(kind, "parallel", Map.of("size", "1048576", "strategy", "fork-join", "parallelism", "2"),
                500));
        Analysis a = new Analyzer().analyze(new RunData(records, Map.of()));
        assertEquals(List.of(kind.id()), a.workloads().stream().map(Analysis.WorkloadResult::workload).toList());
        assertEquals(List.of(), a.foreign());
        assertEquals(2.0, a.workloads().get(0).point("fork-join", 2, 1048576).orElseThrow().speedup().point(), 1e-9);
        assertEquals(kind.traffic().memoryBound(), a.workloads().get(0).memoryBound());
    }

    private static BenchmarkRecord record(WorkloadKind kind, String method, Map<String, String> params, double us) {
        double[][] forks = {{us, us * 1.01, us * 0.99}, {us, us * 1.02, us * 0.98}};
        return new BenchmarkRecord(kind.benchClassName() + "." + method, "avgt", new TreeMap<>(params), 2, 1,
                new Metric(us, Double.NaN, "us/op", new TreeMap<>(), List.of(forks)), Map.of(), Map.of(), List.of(),
                "test");
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void theGateSubsetIncludesIt(WorkloadKind kind) {
        GateConfig.Pass pass = new GateConfig.Pass("dev\\.parbench\\.bench\\." + GateConfig.Pass.WORKLOAD_SHELLS
                + "\\.(sequential|parallel)$", Map.of());
        assertTrue(Pattern.compile(pass.includeRegex()).matcher(kind.benchClassName() + ".parallel").find());
    }

    /** Outside workload/ and the JMH shells, no source names a workload constant, id or shell. */
    @Test
    void noOtherSourceSwitchesOnAWorkload() throws IOException {
        Path main = Path.of("src/main/java/dev/parbench");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("workload/") || rel.startsWith("bench/")) {
                    continue;
                }
                String text = code(Files.readString(f));
                for (WorkloadKind k : WorkloadKind.values()) {
                    for (String needle : List.of("WorkloadKind." + k.name(), "\"" + k.id() + "\"", k.benchClass())) {
                        if (text.contains(needle)) {
                            offenders.add(rel + " names " + needle);
                        }
                    }
                }
            }
        }
        for (String ci : List.of(".ci/CheckRun.java", ".ci/gate.json")) {
            String text = Files.readString(Path.of(ci));
            for (WorkloadKind k : WorkloadKind.values()) {
                if (text.contains(k.benchClass()) || text.contains("WorkloadKind." + k.name())) {
                    offenders.add(ci + " names " + k);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /** The source without its comments (examples in Javadoc are fine). */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    @Test
    void everyModelAndWorkloadHasAnIdTheCliAccepts() {
        for (WorkloadKind k : WorkloadKind.values()) {
            assertEquals(k, WorkloadKind.fromId(k.id()));
        }
        for (StrategyKind k : StrategyKind.values()) {
            assertEquals(k, StrategyKind.fromId(k.id()));
        }
    }
}
