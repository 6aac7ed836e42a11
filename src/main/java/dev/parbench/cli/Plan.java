package dev.parbench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * How much a run will do, counted from the jar's own benchmark list (so it is right by construction): benchmark
 * configurations (method x parameter combination) per pass, forks, and an estimated wall time.
 */
public final class Plan {
    /** Measured here: JVM start, JMH set-up and trial set-up of one fork, before its first iteration. */
    static final double FORK_OVERHEAD_SECONDS = 1.0;

    /** One benchmark method of a pass with the number of parameter combinations it will run. */
    public record Item(String pass, String benchmark, int configurations) {
    }

    private final List<Item> items;
    private final int forks;
    private final double secondsPerForkRun;

    private Plan(List<Item> items, int forks, double secondsPerForkRun) {
        this.items = items;
        this.forks = forks;
        this.secondsPerForkRun = secondsPerForkRun;
    }

    /** Counts what {@code spec} selects in {@code list}. */
    public static Plan of(RunSpec spec, BenchmarkList list, OutputFormat quiet, double iterationSeconds) {
        List<Item> items = new ArrayList<>();
        for (RunSpec.Pass pass : spec.passes()) {
            SortedSet<BenchmarkListEntry> found = list.find(quiet, pass.includes(), List.of());
            for (BenchmarkListEntry e : found) {
                items.add(new Item(pass.label(), e.getUsername(), configurations(e, pass.params())));
            }
        }
        return new Plan(items, spec.forks(), FORK_OVERHEAD_SECONDS + iterationSeconds);
    }

    static int configurations(BenchmarkListEntry e, Map<String, List<String>> overrides) {
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
        return configurations() * forks;
    }

    public Duration estimate() {
        return Duration.ofMillis(Math.round(forkRuns() * secondsPerForkRun * 1000));
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
            lines.add(String.format("  %-16s %-52s %4d configurations", i.pass(), i.benchmark(), i.configurations()));
        }
        lines.add(String.format("  total: %d configurations x %d fork%s = %d JVM runs, estimated %s", configurations(),
                forks, forks == 1 ? "" : "s", forkRuns(), format(estimate())));
        return lines;
    }
}
