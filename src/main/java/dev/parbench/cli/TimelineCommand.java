package dev.parbench.cli;

import dev.parbench.remote.Models;
import dev.parbench.report.TimelineReport;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.strategy.TaskRecorder;
import dev.parbench.strategy.TaskTrace;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code timeline}: runs a few traced operations of each named model outside JMH and draws where each task's time
 * goes (thread or process start, waiting in a queue, transfer in, compute, transfer out, join) as a Gantt chart per
 * model. Tracing is switched on here only ({@link Strategy#traceWith}); the benchmarks never trace.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trace a few operations of each model outside JMH and draw a Gantt chart per model: when each "
                + "task was created, started, got its data, computed, returned and was joined, and on which thread or "
                + "process (worker JVMs stamp their own moments, aligned to this JVM's clock by a ping exchange).",
            "Writes timeline.html, timeline.csv and one PNG and SVG per model. The times are single operations, not "
                + "statistics: use 'run' for speedups."},
        footer = {"", "Examples:", "  timeline --workload sum --size 1M --parallelism 2 "
                + "--strategies thread-per-task,fork-join,process-pool,socket",
            "  timeline --workload random --size 32M --strategies process-per-task --operations 5"})
final class TimelineCommand implements Callable<Integer> {
    /** What a timeline draws unless told otherwise: one model of each kind of cost. */
    static final String DEFAULT_STRATEGIES = "thread-per-task,fork-join,process-pool,socket";

    @Option(names = "--workload", paramLabel = "ID",
            description = "The workload: sum, vector-add, random or mandelbrot (default: the first, sum).")
    String workload;

    @Option(names = "--kernel", defaultValue = "scalar", paramLabel = "ID",
            description = "scalar or simd (simd needs --add-modules jdk.incubator.vector; default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--size", defaultValue = "1M", paramLabel = "N",
            description = "Elements (or points) of the whole problem, e.g. 1M, 32k, 2^20 (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "P",
            description = "Tasks (or workers) the work is split into (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--strategies", defaultValue = DEFAULT_STRATEGIES, paramLabel = "IDS", split = ",",
            description = "Models to trace, comma-separated (default: ${DEFAULT-VALUE}); traceable: "
                    + "thread-per-task, executor, fork-join, virtual-threads, process-per-task, process-pool, "
                    + "process-pool-resident, socket, socket-resident.")
    List<String> strategies;

    @Option(names = "--operations", defaultValue = "3", paramLabel = "N",
            description = "Traced operations per model; the chart shows the one of median duration "
                    + "(default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
            description = "Untimed operations per model before the traced ones (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: charts/timeline-<now>); replaced only once complete.")
    Path out;

    @Override
    public Integer call() throws Exception {
        WorkloadKind kind;
        Kernel k;
        try {
            kind = workload == null ? WorkloadKind.values()[0] : WorkloadKind.fromId(workload);
            k = Kernel.fromId(kernel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (k != Kernel.SCALAR && !kind.hasKernels()) {
            throw new UsageException(kind.id() + " has one loop only: leave out --kernel");
        }
        int n = Sizes.parse(size, "--size");
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1, got " + parallelism);
        }
        if (operations < 1 || operations > 100) {
            throw new UsageException("--operations must be between 1 and 100, got " + operations);
        }
        if (warmup < 0 || warmup > 100) {
            throw new UsageException("--warmup must be between 0 and 100, got " + warmup);
        }
        List<StrategyKind> models = new ArrayList<>();
        for (String id : new LinkedHashSet<>(strategies)) {
            StrategyKind s;
            try {
                s = StrategyKind.fromId(id.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!traceable(s)) {
                throw new UsageException(s.id() + " cannot be traced (its tasks run out of parbench's sight); "
                        + "traceable: " + traceableIds());
            }
            models.add(s);
        }
        if (k == Kernel.SIMD && ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new UsageException("--kernel simd needs the JVM flag --add-modules=jdk.incubator.vector");
        }
        Path target = out != null ? out : Path.of("charts", "timeline-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException(target + " exists and is not a folder; choose another --out");
        }
        Workload<?> w = kind.create(k);
        List<TimelineReport.Model> traced = new ArrayList<>();
        double loadBefore = load();
        for (StrategyKind s : models) {
            System.out.println("[parbench] timeline: " + s.id() + " (" + warmup + " warm-up + " + operations
                    + " traced operations)");
            traced.add(trace(w, n, s));
        }
        double loadAfter = load();
        String where = kind.id() + (kind.hasKernels() ? " (" + k.id() + ")" : "") + ", " + size + " = " + n
                + " elements, parallelism " + parallelism;
        String machine = String.format(Locale.ROOT, "%d cores, %s, JDK %s; load average %.2f before, %.2f after",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), Runtime.version(), loadBefore, loadAfter);
        List<String> notes = List.of(
                "Each chart is one operation (the one of median wall time), not a statistic: timings on a loaded "
                        + "machine vary; compare phases within one chart, and use 'run' for speedups with intervals.",
                "Phases: thread/process start = created until the thread or worker JVM could take the task; waiting "
                        + "in queue = until the task began (a worker: its request's first bytes arrived); transfer "
                        + "in = until its input was decoded; compute; transfer out = until the master had decoded "
                        + "the partial result; join = until the master took it.",
                "In one JVM nothing is copied, so transfer in and out last 0. fork-join's tasks are its leaves "
                        + "(about four per worker); a leaf is created when its parent splits, joined when its parent "
                        + "joins it.",
                "Worker clocks are aligned by 8 pings per worker connection (once per connection; for "
                        + "process-per-task, once per task, after the worker JVM is up, so the pings fall in its "
                        + "'waiting in queue').",
                "Tracing costs a clock reading per moment; the benchmarks run with tracing off (a no-op tracer).");
        Path page = TimelineReport.write(target, "parbench timeline: " + where, List.of(machine), where, traced,
                notes);
        System.out.println("[parbench] timeline: " + page);
        return 0;
    }

    private <I> TimelineReport.Model trace(Workload<I> w, int n, StrategyKind kind) {
        I input = w.prepare(n, 20261121L);
        long expected = w.oracle(input);
        TaskRecorder recorder = new TaskRecorder();
        List<List<TaskTrace>> ops = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        try (Strategy s = Models.create(kind, parallelism)) {
            if (!s.traceWith(recorder)) {
                throw new UsageException(kind.id() + " cannot be traced");
            }
            for (int i = 0; i < warmup + operations; i++) {
                recorder.begin();
                long t0 = System.nanoTime();
                long result = s.execute(w, input);
                long t1 = System.nanoTime();
                if (result != expected) {
                    throw new IllegalStateException(kind.id() + " returned " + result + ", expected " + expected);
                }
                List<TaskTrace> tasks = recorder.finish();
                if (i >= warmup) {
                    ops.add(tasks);
                    nanos.add(t1 - t0);
                }
            }
        }
        return new TimelineReport.Model(kind.id(), kind.description(), ops, nanos);
    }

    /** The models whose tasks report their moments (not the baseline, the common pool's stream, or an engine). */
    static boolean traceable(StrategyKind s) {
        return s != StrategyKind.SEQUENTIAL && s != StrategyKind.PARALLEL_STREAM && !s.optIn();
    }

    static String traceableIds() {
        return String.join(", ", java.util.Arrays.stream(StrategyKind.values()).filter(TimelineCommand::traceable)
                .map(StrategyKind::id).toList());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
