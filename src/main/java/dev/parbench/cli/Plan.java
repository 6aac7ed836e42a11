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
    /**
     * Measured here (2 cores, JDK 25): JVM start, JMH set-up and trial set-up of one fork outside its iterations,
     * averaged over a quick-profile run (small and 2^25 sizes mixed).
     */
    static final double FORK_OVERHEAD_SECONDS = 0.45;

    /** One benchmark method of a pass with the number of parameter combinations it will run, and its forks. */
    public record Item(String pass, String benchmark, int configurations, int forks, double extraSecondsPerFork) {
    }

    private final List<Item> items;
    private final double secondsPerForkRun;

    private Plan(List<Item> items, double secondsPerForkRun) {
        this.items = items;
        this.secondsPerForkRun = secondsPerForkRun;
    }

    /** Counts what {@code spec} selects in {@code list}. */
    public static Plan of(RunSpec spec, BenchmarkList list, OutputFormat quiet, double iterationSeconds) {
        return of(spec, list, quiet, iterationSeconds, 0);
    }

    /**
     * As {@link #of(RunSpec, BenchmarkList, OutputFormat, double)}; {@code measurementSeconds} is one measured
     * iteration's time, so passes that ask for more iterations (the probe) are estimated right.
     */
    public static Plan of(RunSpec spec, BenchmarkList list, OutputFormat quiet, double iterationSeconds,
            double measurementSeconds) {
        List<Item> items = new ArrayList<>();
        for (RunSpec.Pass pass : spec.passes()) {
            SortedSet<BenchmarkListEntry> found = list.find(quiet, pass.includes(), List.of());
            for (BenchmarkListEntry e : found) {
                items.add(new Item(pass.label(), e.getUsername(), configurations(e, pass.params()), pass.forks(),
                        pass.minMeasurementIterations() * measurementSeconds));
            }
        }
        return new Plan(items, FORK_OVERHEAD_SECONDS + iterationSeconds);
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
    public static Duration estimate(List<Configuration> configurations, double iterationSeconds,
            double measurementSeconds) {
        double s = 0;
        for (Configuration c : configurations) {
            s += c.forks() * (FORK_OVERHEAD_SECONDS + iterationSeconds
                    + c.minMeasurementIterations() * measurementSeconds);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** The plan of exactly these configurations (grouped by pass and benchmark, in order). */
    public static Plan of(List<Configuration> configurations, double iterationSeconds, double measurementSeconds) {
        Map<String, Item> items = new java.util.LinkedHashMap<>();
        for (Configuration c : configurations) {
            items.merge(c.pass() + "\n" + c.benchmark(), new Item(c.pass(), c.benchmark(), 1, c.forks(),
                    c.minMeasurementIterations() * measurementSeconds),
                    (a, b) -> new Item(a.pass(), a.benchmark(), a.configurations() + 1, a.forks(),
                            a.extraSecondsPerFork()));
        }
        return new Plan(new ArrayList<>(items.values()), FORK_OVERHEAD_SECONDS + iterationSeconds);
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
            s += i.configurations() * i.forks() * (secondsPerForkRun + i.extraSecondsPerFork());
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** The plan as lines for the console. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Item i : items) {
            lines.add(String.format("  %-16s %-52s %4d configurations x %d fork%s", i.pass(), i.benchmark(),
                    i.configurations(), i.forks(), i.forks() == 1 ? "" : "s"));
        }
        lines.add(String.format("  total: %d configurations, %d JVM runs (forks), estimated %s", configurations(),
                forkRuns(), format(estimate())));
        return lines;
    }
}
