package dev.parbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parbench.analysis.Stats;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.gate.ChangePoints;
import dev.parbench.gate.GateInput;
import dev.parbench.report.HistoryReport;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.JsonInput;
import dev.parbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history RESULTS_DIR...}: every benchmark's score over the stored runs (oldest first, by env.json's date),
 * change points over the whole series (Welch's t-test over the forks either side of a split, as Apache Otava tests its
 * splits), and history.md / history.html with a chart per benchmark.
 */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every benchmark's score over stored runs, with change points (Welch's t-test over "
                + "the forks either side of a split, Bonferroni over the splits, as Hunter / Apache Otava test theirs), as history.md and history.html with a chart per benchmark.",
            "Each RESULTS_DIR is a run folder (results.json + env.json) or a folder of run folders. Runs are ordered "
                    + "by env.json's date. The series is the raw score in its unit (median over forks of each fork's "
                    + "median iteration): runs from different machines are not comparable, and the output says "
                    + "where the machine or JDK changed.",
            "Exit: 0 done, 2 bad input. Nothing is modified."},
        footer = {"", JsonInput.LIMITS})
final class HistoryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS_DIR", description = "Run folders, or folders of run folders.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "charts/history",
            description = "Write history.md, history.html and the charts here (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--match", paramLabel = "REGEX", description = "Only benchmarks whose key matches.")
    String match;

    @Option(names = "--min-segment", paramLabel = "N", defaultValue = "3",
            description = "Fewest runs on either side of a change point (default: ${DEFAULT-VALUE}).")
    int minSegment;

    @Option(names = "--significance", paramLabel = "P", defaultValue = "0.01",
            description = "Level the Bonferroni-adjusted t-test p of a change point must beat (default: "
                    + "${DEFAULT-VALUE}).")
    double significance;

    @Option(names = "--max-charts", paramLabel = "N", defaultValue = "60",
            description = "Chart at most this many benchmarks, change points first (default: ${DEFAULT-VALUE}).")
    int maxCharts;

    private record Loaded(HistoryReport.Run run, List<BenchmarkRecord> records) {
    }

    /** One benchmark's unit and direction, and per run its fork scores (empty where the run lacks it). */
    private record Collected(String unit, boolean higher, double[][] forks) {
    }

    @Override
    public Integer call() throws Exception {
        if (minSegment < 1) {
            throw new UsageException("--min-segment must be at least 1");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new UsageException("--significance must be in (0, 1)");
        }
        Pattern filter;
        try {
            filter = match == null ? null : Pattern.compile(match);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UsageException("--match '" + match + "' is not a regex");
        }
        List<Path> runDirs = new ArrayList<>();
        for (Path d : dirs) {
            runDirs.addAll(runFolders(d));
        }
        List<String> notes = new ArrayList<>();
        List<Loaded> loaded = new ArrayList<>();
        for (Path d : runDirs) {
            loaded.add(load(d, notes));
        }
        loaded.sort(Comparator.comparing((Loaded l) -> l.run().date()).thenComparing(l -> l.run().folder()));
        List<HistoryReport.Run> runs = loaded.stream().map(Loaded::run).toList();
        for (int i = 1; i < runs.size(); i++) {
            if (!runs.get(i).machine().equals(runs.get(i - 1).machine())) {
                notes.add("The machine or JDK changed at run " + i + " (" + runs.get(i).label() + "): "
                        + runs.get(i - 1).machine() + " -> " + runs.get(i).machine() + "; a change point there may "
                        + "be the machine, not the code.");
            }
        }
        List<HistoryReport.Series> series = series(loaded, filter, notes);
        if (series.isEmpty()) {
            throw new UsageException("no benchmark to show" + (match != null ? " matches --match '" + match + "'"
                    : ""));
        }
        long untested = series.stream().filter(s -> !s.tested()).count();
        if (untested > 0) {
            notes.add(tooFew() + " (" + untested + " of " + series.size() + " benchmarks): a change point needs "
                    + minSegment + " runs on either side (--min-segment) and 2 forks on each side; these "
                    + "benchmarks were not tested, which is not the same as unchanged.");
        }
        String method = String.format(Locale.ROOT, "Change points: binary segmentation, each split tested by "
                + "Welch's t-test over the log fork scores either side (as Hunter / Apache Otava test theirs), "
                + "kept at Bonferroni-adjusted p < %s over the splits tried, at least %d runs either side. "
                + "Scores: raw, in each benchmark's unit (median over forks of each fork's median iteration).",
                significance, minSegment);
        HistoryReport.write(out, runs, series, notes, method, tooFew(), maxCharts);
        System.out.println("parbench history: " + HistoryReport.summary(runs.size(), series, tooFew()));
        for (HistoryReport.Series s : series) {
            if (!s.changes().isEmpty()) {
                System.out.printf("  %s: %s%n", dev.parbench.report.GateReport.label(s.key()), String.join("; ",
                        s.changes().stream().map(c -> String.format(Locale.ROOT, "%+.1f%% at %s",
                                HistoryReport.Series.percent(c), runs.get(c.index()).label())).toList()));
            }
        }
        System.out.println("[parbench] history outputs: " + out.resolve("history.html") + " (and history.md)");
        return 0;
    }

    /** A run folder, or the run folders directly inside a folder; an error if neither. */
    static List<Path> runFolders(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            throw new UsageException(d + " is not a folder");
        }
        if (Files.isRegularFile(d.resolve("results.json"))) {
            return List.of(d);
        }
        List<Path> out;
        try (Stream<Path> s = Files.list(d)) {
            // results/latest is a link to the newest run: skip links, or that run would count twice
            out = s.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("results.json"))).sorted()
                    .toList();
        }
        if (out.isEmpty()) {
            throw new UsageException(d + " holds no results.json, nor any folder with one");
        }
        return out;
    }

    private static Loaded load(Path d, List<String> notes) throws IOException {
        List<BenchmarkRecord> records;
        try {
            records = JmhJsonReader.readFile(d.resolve("results.json"));
        } catch (ResultsFormatException e) {
            throw new UsageException(e.getMessage());
        }
        Path env = d.resolve("env.json");
        String date;
        String commit = "unknown";
        boolean dirty = false;
        String machine = "unknown machine";
        if (Files.isRegularFile(env)) {
            JsonNode e;
            try {
                e = JsonInput.readTree(env);
            } catch (ResultsFormatException ex) {
                throw new UsageException(ex.getMessage());
            }
            date = e.path("date").asText("");
            commit = e.path("git").path("commit").asText("unknown");
            dirty = e.path("git").path("dirty").asBoolean(false);
            machine = e.path("host").asText("?") + ", " + e.path("cpu").path("model").asText("?") + ", JDK "
                    + e.path("jdk").path("version").asText("?");
            if (date.isEmpty()) {
                date = Files.getLastModifiedTime(d.resolve("results.json")).toInstant().toString();
                notes.add(env + " has no date; used the file time of results.json");
            }
        } else {
            date = Files.getLastModifiedTime(d.resolve("results.json")).toInstant().toString();
            notes.add(d + " has no env.json: its date is the file time of results.json, its commit unknown");
        }
        return new Loaded(new HistoryReport.Run(d.toString(), date, commit, dirty, machine), records);
    }

    /** The sentence for a benchmark that cannot be tested: "too few runs to find a change: need N". */
    private String tooFew() {
        return "too few runs to find a change: need " + new ChangePoints(minSegment, significance).minRuns();
    }

    private List<HistoryReport.Series> series(List<Loaded> loaded, Pattern filter, List<String> notes) {
        int n = loaded.size();
        Map<String, double[][]> values = new TreeMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Boolean> higher = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (BenchmarkRecord r : loaded.get(i).records()) {
                String key = GateInput.key(r);
                if (filter != null && !filter.matcher(key).find()) {
                    continue;
                }
                String unit = r.mode() + " " + r.primary().unit();
                String before = units.putIfAbsent(key, unit);
                if (before != null && !before.equals(unit)) {
                    notes.add(key + ": run " + i + " measured it as " + unit + " (earlier " + before + "); that "
                            + "point is left out");
                    continue;
                }
                higher.putIfAbsent(key, TimeUnits.higherIsBetter(r.mode(), r.primary().unit()));
                values.computeIfAbsent(key, k -> {
                    double[][] a = new double[n][];
                    Arrays.fill(a, new double[0]);
                    return a;
                })[i] = forkScores(r);
            }
        }
        ChangePoints cp = new ChangePoints(minSegment, significance);
        List<HistoryReport.Series> out = new ArrayList<>();
        values.forEach((k, forks) -> {
            double[] v = Arrays.stream(forks).mapToDouble(f -> f.length == 0 ? Double.NaN : Stats.median(f))
                    .toArray();
            double[][] logs = present(forks);
            boolean tested = cp.canFind(logs);
            out.add(new HistoryReport.Series(k, units.get(k).substring(units.get(k).indexOf(' ') + 1),
                    higher.get(k), v, tested, tested ? changes(cp, forks) : List.of()));
        });
        out.sort(Comparator.comparing((HistoryReport.Series s) -> s.changes().isEmpty())
                .thenComparing(s -> -s.changes().stream().mapToDouble(c -> Math.abs(c.after() - c.before()))
                        .max().orElse(0)));
        return out;
    }

    /**
     * Change points over the runs that hold the benchmark, on the log of each fork's score, with indices mapped back
     * to all runs.
     */
    static List<ChangePoints.Change> changes(ChangePoints cp, double[][] forks) {
        int[] at = java.util.stream.IntStream.range(0, forks.length).filter(i -> logs(forks[i]).length > 0)
                .toArray();
        return cp.find(present(forks)).stream().map(c -> new ChangePoints.Change(at[c.index()], c.before(),
                c.after(), c.p())).toList();
    }

    /** The log fork scores of the runs that hold any finite, positive one. */
    private static double[][] present(double[][] forks) {
        return Arrays.stream(forks).map(HistoryCommand::logs).filter(l -> l.length > 0).toArray(double[][]::new);
    }

    private static double[] logs(double[] v) {
        return Arrays.stream(v).filter(x -> Double.isFinite(x) && x > 0).map(Math::log).toArray();
    }

    /** Each fork's median iteration (JMH's score as the one value if there are no iterations). */
    static double[] forkScores(BenchmarkRecord r) {
        List<Double> forks = new ArrayList<>();
        for (double[] fork : r.primary().iterations()) {
            double[] finite = Arrays.stream(fork).filter(Double::isFinite).toArray();
            if (finite.length > 0) {
                forks.add(Stats.median(finite));
            }
        }
        return forks.isEmpty() ? new double[] {r.primary().score()}
                : forks.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
