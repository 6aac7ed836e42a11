package dev.parbench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * How much a run will do, counted from the jar's own benchmark list (so it is right by construction): benchmark
 * configurations (method x parameter combination) per pass, forks, and an estimated wall time.
 */
public final class Plan {
    /*
     * The cost model of one configuration (each is its own JMH invocation):
     *   CONFIG_OVERHEAD + forks x (FORK_OVERHEAD + SETUP_SECONDS_PER_GIB x data it builds
     *                               + WORKER_START for an out-of-process model + its iterations)
     * An iteration lasts its time, or one operation when an operation takes longer (JMH finishes the operation it
     * started): a 32M Mandelbrot takes ~0.5 s sequentially here, so its iterations are not 200 ms. Operation times
     * come from the workload's secondsPerElement (sequential, one core), divided by min(p, cores) for a parallel model; the
     * out-of-process models add their bytes at TRANSFER_BYTES_PER_SECOND.
     * Fitted to a standard run on a quiet 2-core AMD EPYC VM (JDK 25; 583 s actual); docs/METHOD.md, "The plan's
     * estimate", says how and how well.
     */
    /**
     * Host side of one JMH invocation: a new JMH runner, its benchmark list, the result saved (s). The run measures in
     * rounds, one fork per invocation: paid once per fork.
     */
    static final double CONFIG_OVERHEAD_SECONDS = 0.35;
    /**
     * One fork outside its iterations and data set-up: JVM start, JMH's handshake, JIT of the harness (s). Fitted: the
     * default run of 2026-12-07 (results/default-run-2026-12-07, 333 forks on the 2-core AMD EPYC VM, quiet) took
     * 13m09s against 10m00s estimated with 0.25 s here, +0.57 s per fork.
     */
    static final double FORK_OVERHEAD_SECONDS = 0.8;
    /** Building and filling a benchmark's arrays before the first iteration, per GiB of data (s). */
    static final double SETUP_SECONDS_PER_GIB = 1.0;
    /** An out-of-process model's worker JVMs, started in the trial's set-up (in parallel), per fork (s). */
    static final double WORKER_START_SECONDS = 1.1;
    /**
     * A child JVM a process family's fork starts besides any model's workers (a rank, a worker process, a channel's
     * peer), started one after another or on cores shared with the others (s). Fitted to a quick run of the five
     * process families on the 2-core AMD EPYC VM: 4m46s estimated without this term, 6m49s actual; docs/METHOD.md.
     */
    static final double CHILD_JVM_SECONDS = 0.35;
    /** KillBench starts a fresh worker for every timed stop: counted as this many child JVMs per fork (fitted). */
    static final int KILL_STARTS_PER_FORK = 3;
    /** What the out-of-process models move per second (pipes and loopback TCP with their framing). */
    static final double TRANSFER_BYTES_PER_SECOND = 1.0e9;
    /** The bandwidth probe's cost per element and per sweep (s); the workloads say their own. */
    static final double PROBE_SECONDS_PER_ELEMENT = 3.0e-9;

    /**
     * The run's JMH timing (warm-up and measured iterations, their times in s) and the machine's cores: what the
     * estimate needs besides the configurations.
     */
    public record Timing(int warmupIterations, double warmupSeconds, int measurementIterations,
            double measurementSeconds, int cores) {
    }

    /** One benchmark method of a pass with the number of its configurations, its forks and their estimated time. */
    public record Item(String pass, String benchmark, int configurations, int forks, double seconds) {
    }

    private final List<Item> items;

    private Plan(List<Item> items) {
        this.items = items;
    }

    /** Counts what {@code spec} selects in {@code list}, with JMH's timing {@code t}. */
    public static Plan of(RunSpec spec, BenchmarkList list, OutputFormat quiet, Timing t) {
        return of(enumerate(spec, list, quiet, name -> null, List.of()), t);
    }

    /** An iteration of {@code seconds} whose operations take {@code op} s: JMH finishes the operation it started. */
    static double iteration(double seconds, double op) {
        return op >= seconds ? op : seconds + op / 2;
    }

    /** Estimated wall time of one configuration (see the cost model above). */
    static double seconds(Configuration c, Timing t) {
        String name = c.benchmark();
        int dot = name.lastIndexOf('.');
        String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
        double gib = 0;
        long elements = 0;
        String size = c.params().get("size");
        String probeElements = c.params().get("elements");
        double bytes = 0;
        if (size != null) {
            elements = Long.parseLong(size);
            bytes = dev.parbench.workload.WorkloadKind.ofBenchClass(cls)
                    .map(dev.parbench.workload.WorkloadKind::bytesPerElement).orElse(0) * (double) elements;
            gib = bytes / (1L << 30);
        } else if (probeElements != null) {
            elements = Long.parseLong(probeElements);
            gib = 32.0 * elements / (1L << 30); // the probe builds both: read (8 B) and add (24 B)
            bytes = 24.0 * elements;
        }
        String strategy = c.params().get("strategy");
        boolean remote = strategy != null && dev.parbench.strategy.StrategyKind.find(strategy)
                .filter(dev.parbench.strategy.StrategyKind::outOfProcess).isPresent();
        int p = 1;
        if (c.params().get("parallelism") != null) {
            p = Integer.parseInt(c.params().get("parallelism"));
        } else if ("all".equals(c.params().get("threads"))) {
            p = t.cores();
        }
        double perElement = probeElements != null ? PROBE_SECONDS_PER_ELEMENT
                : dev.parbench.workload.WorkloadKind.ofBenchClass(cls)
                        .map(dev.parbench.workload.WorkloadKind::secondsPerElement).orElse(0.0);
        double op = perElement * elements / Math.max(1, Math.min(p, t.cores()))
                + (remote ? bytes / TRANSFER_BYTES_PER_SECOND : 0);
        int measured = Math.max(t.measurementIterations(), c.minMeasurementIterations());
        double fork = FORK_OVERHEAD_SECONDS + SETUP_SECONDS_PER_GIB * gib + (remote ? WORKER_START_SECONDS : 0)
                + CHILD_JVM_SECONDS * childJvms(cls, c.params())
                + t.warmupIterations() * iteration(t.warmupSeconds(), op)
                + measured * iteration(t.measurementSeconds(), op);
        return c.forks() * (CONFIG_OVERHEAD_SECONDS + fork);
    }

    /** The channel variants whose peer is another JVM (every one but {@code in-jvm}). */
    private static final java.util.Set<String> PROCESS_CHANNELS = java.util.Set.of("pipe", "unix-socket", "tcp",
            "shared-memory-ring");

    /**
     * The child JVMs one fork of a process family starts (0 for everything else): the ranks of a collective (2 for
     * the exchanges, which have no ranks parameter), the workers adding to a shared counter, a channel's or a
     * queue's peer, and {@link #KILL_STARTS_PER_FORK} for the stop benchmark.
     */
    static int childJvms(String benchClass, Map<String, String> params) {
        return switch (benchClass) {
            case "CollectivesBench" -> Integer.parseInt(params.getOrDefault("ranks", "2"));
            case "SharedCounterBench" -> Integer.parseInt(params.getOrDefault("workers", "1"));
            case "ChannelBench", "IpcQueueBench" -> PROCESS_CHANNELS.contains(params.get("variant")) ? 1 : 0;
            case "KillBench" -> KILL_STARTS_PER_FORK;
            default -> 0;
        };
    }

    /**
     * Every configuration {@code spec} selects in {@code list}, in JMH's own order (benchmarks by name, then
     * parameters by name, the first varying slowest, values in the order given). A parameter's values are the
     * user's ({@code userParams}, from {@code -p} after {@code --}; null when not given), else the pass's, else the
     * benchmark's own; {@code excludes} are the user's {@code -e} patterns.
     */
    public static List<Configuration> enumerate(RunSpec spec, BenchmarkList list, OutputFormat quiet,
            Function<String, List<String>> userParams, List<String> excludes) {
        List<Configuration> out = new ArrayList<>();
        for (RunSpec.Pass pass : spec.passes()) {
            for (BenchmarkListEntry e : list.find(quiet, pass.includes(), excludes)) {
                Map<String, List<String>> values = new TreeMap<>();
                if (e.getParams().hasValue()) {
                    for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                        List<String> user = userParams.apply(p.getKey());
                        List<String> o = pass.params().get(p.getKey());
                        values.put(p.getKey(), user != null ? user : o != null ? o : List.of(p.getValue()));
                    }
                }
                List<String> append = e.getJvmArgsAppend().hasValue() ? List.copyOf(e.getJvmArgsAppend().get())
                        : List.of();
                for (Map<String, String> combination : combinations(values)) {
                    out.add(new Configuration(pass.label(), e.getUsername(), new TreeMap<>(combination), pass.forks(),
                            pass.minMeasurementIterations(), append));
                }
            }
        }
        return out;
    }

    private static List<Map<String, String>> combinations(Map<String, List<String>> values) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> p : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : p.getValue()) {
                    Map<String, String> m = new TreeMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** Estimated wall time of {@code configurations} (as {@link #estimate()}, for a part of a plan). */
    public static Duration estimate(List<Configuration> configurations, Timing t) {
        double s = 0;
        for (Configuration c : configurations) {
            s += seconds(c, t);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** The plan of exactly these configurations (grouped by pass and benchmark, in order). */
    public static Plan of(List<Configuration> configurations, Timing t) {
        Map<String, Item> items = new java.util.LinkedHashMap<>();
        for (Configuration c : configurations) {
            items.merge(c.pass() + "\n" + c.benchmark(), new Item(c.pass(), c.benchmark(), 1, c.forks(),
                    seconds(c, t)), (a, b) -> new Item(a.pass(), a.benchmark(), a.configurations() + 1, a.forks(),
                            a.seconds() + b.seconds()));
        }
        return new Plan(new ArrayList<>(items.values()));
    }

    public static int configurations(BenchmarkListEntry e, Map<String, List<String>> overrides) {
        int n = 1;
        if (e.getParams().hasValue()) {
            for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                List<String> o = overrides.get(p.getKey());
                n *= o != null ? o.size() : p.getValue().length;
            }
        }
        return n;
    }

    public List<Item> items() {
        return items;
    }

    public int configurations() {
        return items.stream().mapToInt(Item::configurations).sum();
    }

    public int forkRuns() {
        return items.stream().mapToInt(i -> i.configurations() * i.forks()).sum();
    }

    public Duration estimate() {
        double s = 0;
        for (Item i : items) {
            s += i.seconds();
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /**
     * The plan in a few lines for the console: one per pass (its configurations, forks and time), then the total.
     * {@link #describe} has one line per benchmark method.
     */
    public List<String> brief() {
        java.util.Map<String, double[]> byPass = new java.util.LinkedHashMap<>();
        for (Item i : items) {
            double[] t = byPass.computeIfAbsent(i.pass(), k -> new double[3]);
            t[0] += i.configurations();
            t[1] += (double) i.configurations() * i.forks();
            t[2] += i.seconds();
        }
        List<String> lines = new ArrayList<>();
        byPass.forEach((pass, t) -> lines.add(String.format("  %-16s %4d configurations, %4d forks  ~%s", pass,
                (int) t[0], (int) t[1], format(Duration.ofMillis(Math.round(t[2] * 1000))))));
        lines.add(String.format("  total: %d configurations, %d JVM runs (forks), estimated %s", configurations(),
                forkRuns(), format(estimate())));
        return lines;
    }

    /** The plan as lines for the console. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Item i : items) {
            lines.add(String.format("  %-16s %-52s %4d configurations x %d fork%s  ~%s", i.pass(), i.benchmark(),
                    i.configurations(), i.forks(), i.forks() == 1 ? " " : "s", format(Duration.ofMillis(
                            Math.round(i.seconds() * 1000)))));
        }
        lines.add(String.format("  total: %d configurations, %d JVM runs (forks), estimated %s", configurations(),
                forkRuns(), format(estimate())));
        return lines;
    }
}
