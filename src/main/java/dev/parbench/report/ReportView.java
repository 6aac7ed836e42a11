package dev.parbench.report;

import dev.parbench.analysis.AmdahlFit;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.strategy.StrategyKind;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The view model: what each section says, which charts it has and what they plot, and every table row. Built from an
 * {@link Analysis}; picks and formats, computes nothing.
 */
public record ReportView(String title, List<String> machine, List<Section> sections, List<String> notes,
        List<String> warnings) {

    public record Cell(String text, String sortKey) {
        static Cell text(String s) {
            return new Cell(s, s);
        }

        static Cell num(double v, String text) {
            return new Cell(text, Double.isFinite(v) ? String.format(Locale.ROOT, "%.6e", v) : "");
        }
    }

    public record Table(String id, String caption, List<String> headers, List<List<Cell>> rows) {
    }

    public record Section(String id, String heading, List<String> summary, List<ChartSpec> charts,
            List<Table> tables) {
    }

    private static final Color IDEAL = new Color(0x88, 0x88, 0x88);
    /** Below this working set (bytes per operation) the data may sit in the caches of a server CPU. */
    static final long CACHE_RESIDENT_BYTES = 64L << 20;
    private static final Color CEILING = new Color(0xB2, 0x18, 0x2B);

    public static ReportView of(Analysis a) {
        Machine m = Machine.of(a.environments());
        List<Section> sections = new ArrayList<>();
        if (a.probe().present()) {
            sections.add(probeSection(a.probe(), m));
        }
        for (Analysis.WorkloadResult w : a.workloads()) {
            sections.add(workloadSection(w, a.probe(), m));
        }
        if (!a.foreign().isEmpty()) {
            sections.addAll(ForeignView.sections(a.foreign(), m.oneLine()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Intervals are 95% seeded hierarchical-bootstrap intervals over forks, then iterations within a "
                + "fork (Kalibera and Jones 2013): the fork is the unit of replication, not the iteration. A speedup is "
                + "T(sequential) / T(model) at equal size, both from the same run.");
        if (!a.workloads().isEmpty()) {
            notes.add("Work is fixed by size; parallelism only splits it into tasks. Efficiency = speedup / "
                    + "parallelism. Karp-Flatt e = (1/S - 1/p) / (1 - 1/p). Amdahl's serial fraction f is the "
                    + "least-squares fit of 1/S = f + (1 - f)/p at the largest size.");
            for (StrategyKind k : StrategyKind.values()) {
                if (!k.parallelismIsThreads()) {
                    notes.add(k.id() + ": " + k.description());
                }
            }
            notes.add("thread-per-task creates its threads inside every timed operation: that cost is the model's.");
        }
        m.profile().filter("smoke"::equals).ifPresent(p -> notes.add(0,
                "This is a smoke-profile run (1 fork, tiny iterations): it checks the plumbing; draw no conclusions."));
        return new ReportView(m.title(), m.lines(), sections, notes, a.warnings());
    }

    // ---------------------------------------------------------------- probe

    private static Section probeSection(Analysis.Probe p, Machine m) {
        List<String> summary = new ArrayList<>();
        if (p.readOneCore() != null || p.addOneCore() != null) {
            summary.add(String.format(Locale.ROOT, "This machine's memory delivers %s GB/s reading with one core and "
                + "%s GB/s with all %s cores; a STREAM-like add (two reads, one write) %s and %s GB/s. These are the "
                + "ceilings for sum and vector-add below (STREAM's convention: the best fork's rate; the interval "
                + "spans the slowest to the fastest fork).", gb(p.readOneCore()), gb(p.readAllCores()),
                m.cores(), gb(p.addOneCore()), gb(p.addAllCores())));
        }
        if (p.loopback() != null) {
            summary.add(String.format(Locale.ROOT, "One loopback TCP connection carries %s GB/s of raw bulk bytes: "
                    + "the ceiling for what the socket models can move.", gb(p.loopback())));
        }
        if (p.workerStart() != null) {
            summary.add(String.format(Locale.ROOT, "Starting a worker JVM until it answers, and letting it exit, "
                    + "takes %s %s: process-per-task pays that for every task.",
                    TimeUnits.format(p.workerStart().point()), bracketTime(p.workerStart())));
        }
        List<List<Cell>> rows = new ArrayList<>();
        addProbeRow(rows, "read (sum of longs)", "1", p.readOneCore());
        addProbeRow(rows, "read (sum of longs)", "all", p.readAllCores());
        addProbeRow(rows, "add (c = a + b)", "1", p.addOneCore());
        addProbeRow(rows, "add (c = a + b)", "all", p.addAllCores());
        addProbeRow(rows, "loopback TCP, one connection", "1", p.loopback());
        Table t = new Table("probe-table", "Bandwidth probes (memory: " + size(p.elements()) + " elements per array)",
                List.of("probe", "threads", "GB/s (best fork)", "range over forks"), rows);
        return new Section("probe", "Machine ceilings (probes)", summary, List.of(), List.of(t));
    }

    private static void addProbeRow(List<List<Cell>> rows, String kernel, String threads, Estimate e) {
        if (e != null) {
            rows.add(List.of(Cell.text(kernel), Cell.text(threads), Cell.num(e.point(), fmt(e.point(), 1)),
                    Cell.text(bracket(e, 1))));
        }
    }

    // ---------------------------------------------------------------- workloads

    private static Section workloadSection(Analysis.WorkloadResult w, Analysis.Probe probe, Machine m) {
        int largest = w.largestSize();
        int maxP = w.largestParallelism();
        String id = w.workload() + (w.kernel().isEmpty() ? "" : "-" + w.kernel());
        String where = m.oneLine();
        List<String> summary = summary(w, probe, m);
        List<ChartSpec> charts = new ArrayList<>();

        // 1. speedup vs parallelism at the largest size
        List<ChartSpec.Series> speedup = new ArrayList<>();
        List<ChartSpec.Series> efficiency = new ArrayList<>();
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            List<ChartSpec.XY> eff = new ArrayList<>();
            for (int p : w.parallelisms()) {
                w.point(s, p, largest).ifPresent(pt -> {
                    pts.add(new ChartSpec.XY(p, pt.speedup().point(), pt.speedup().low(), pt.speedup().high()));
                    eff.add(new ChartSpec.XY(p, pt.efficiency(), pt.speedup().low() / p, pt.speedup().high() / p));
                });
            }
            if (!pts.isEmpty()) {
                speedup.add(new ChartSpec.Series(s, Palette.of(s), false, true, pts));
                efficiency.add(new ChartSpec.Series(s, Palette.of(s), false, true, eff));
            }
        }
        int minP = w.parallelisms().isEmpty() ? 1 : w.parallelisms().get(0);
        speedup.add(new ChartSpec.Series("ideal (S = p)", IDEAL, true, false,
                List.of(xy(minP, minP), xy(maxP, maxP))));
        efficiency.add(new ChartSpec.Series("ideal (100%)", IDEAL, true, false, List.of(xy(minP, 1), xy(maxP, 1))));
        charts.add(new ChartSpec.Line(id + "-speedup", w.title() + ": speedup vs parallelism at " + size(largest),
                where + " | error bars: 95% interval over forks", "parallelism (tasks)",
                "speedup over sequential (x)", false, false, true, speedup,
                List.of(new ChartSpec.Marker(1, "sequential", Palette.SEQUENTIAL))));

        // 2. time vs size, log-log
        List<ChartSpec.Series> time = new ArrayList<>();
        List<ChartSpec.XY> seq = new ArrayList<>();
        w.baseline().forEach((size, t) -> seq.add(new ChartSpec.XY(size, t.point() / 1e3, t.low() / 1e3,
                t.high() / 1e3)));
        time.add(new ChartSpec.Series("sequential", Palette.SEQUENTIAL, false, true, seq));
        w.otherBaselines().forEach((kernel, byes) -> {
            List<ChartSpec.XY> pts = new ArrayList<>();
            byes.forEach((size, t) -> pts.add(new ChartSpec.XY(size, t.point() / 1e3, t.low() / 1e3,
                    t.high() / 1e3)));
            time.add(new ChartSpec.Series("sequential (" + kernel + " kernel)", Palette.SEQUENTIAL, true, true, pts));
        });
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            for (int size : w.sizes()) {
                w.point(s, maxP, size).ifPresent(pt -> pts.add(new ChartSpec.XY(size, pt.time().point() / 1e3,
                        pt.time().low() / 1e3, pt.time().high() / 1e3)));
            }
            if (!pts.isEmpty()) {
                time.add(new ChartSpec.Series(s + " (p=" + maxP + ")", Palette.of(s), false, true, pts));
            }
        }
        charts.add(new ChartSpec.Line(id + "-time", w.title() + ": time per operation vs size",
                where + " | models at parallelism " + maxP + " | log-log", "size (elements, log2)",
                "time per operation (µs, log10)", true, true, false, time, List.of()));

        // 3. heatmap strategy x size
        List<String> cols = w.sizes().stream().map(ReportView::size).toList();
        List<String> rowNames = w.strategies();
        double[][] values = new double[rowNames.size()][cols.size()];
        String[][] labels = new String[rowNames.size()][cols.size()];
        for (int r = 0; r < rowNames.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                Optional<Analysis.Point> pt = w.point(rowNames.get(r), maxP, w.sizes().get(c));
                values[r][c] = pt.map(x -> x.speedup().point()).orElse(Double.NaN);
                labels[r][c] = pt.map(x -> fmt(x.speedup().point(), 2) + (x.speedup().above(1) ? "*" : "")).orElse("");
            }
        }
        charts.add(new ChartSpec.Heatmap(id + "-heatmap", w.title() + ": speedup by model and size (parallelism "
                + maxP + ")", where + " | * = whole 95% interval above 1 | green faster, blue slower than sequential",
                "size (elements)", "model", cols, rowNames, values, labels, "speedup (x)", 1.0));

        // 4. efficiency
        charts.add(new ChartSpec.Line(id + "-efficiency", w.title() + ": parallel efficiency at " + size(largest),
                where + " | efficiency = speedup / parallelism", "parallelism (tasks)", "efficiency (speedup / p)",
                false, false, true, efficiency, List.of()));

        // 5. bandwidth
        if (w.memoryBound()) {
            List<ChartSpec.Bar> bars = new ArrayList<>();
            Estimate base = w.baselineRate().get(largest);
            if (base != null) {
                bars.add(new ChartSpec.Bar("sequential", base.point(), base.low(), base.high(), Palette.SEQUENTIAL));
            }
            for (String s : w.strategies()) {
                w.point(s, maxP, largest).ifPresent(pt -> bars.add(new ChartSpec.Bar(s + " p=" + maxP,
                        pt.gigabytesPerSecond().point(), pt.gigabytesPerSecond().low(),
                        pt.gigabytesPerSecond().high(), Palette.of(s))));
            }
            List<ChartSpec.Marker> markers = new ArrayList<>();
            Estimate one = w.workload().equals("sum") ? probe.readOneCore() : probe.addOneCore();
            Estimate all = w.workload().equals("sum") ? probe.readAllCores() : probe.addAllCores();
            if (one != null) {
                markers.add(new ChartSpec.Marker(one.point(), "probe, 1 core: " + fmt(one.point(), 1) + " GB/s",
                        CEILING));
            }
            if (all != null) {
                markers.add(new ChartSpec.Marker(all.point(), "probe, all cores: " + fmt(all.point(), 1) + " GB/s",
                        CEILING));
            }
            charts.add(new ChartSpec.Bars(id + "-bandwidth", w.title() + ": achieved bandwidth at " + size(largest),
                    where + " | " + w.bytesPerElement() + " bytes per element | whiskers: 95% interval",
                    "GB/s (10^9 bytes per second)", bars, markers));
        }

        List<Table> tables = new ArrayList<>();
        tables.add(pointsTable(id, w));
        tables.add(modelsTable(id, w));
        return new Section(id, w.title(), summary, charts, tables);
    }

    private static List<String> summary(Analysis.WorkloadResult w, Analysis.Probe probe, Machine m) {
        List<String> out = new ArrayList<>();
        int largest = w.largestSize();
        for (Analysis.Best b : w.best()) {
            if (b.size() != largest) {
                continue;
            }
            if (b.strategy().equals("sequential")) {
                out.add(String.format(Locale.ROOT, "On this %s machine, nothing beats sequential for %s at %s (%s "
                        + "per operation).", m.coresText(), w.workload(), size(largest), TimeUnits.format(b.time().point())));
            } else {
                out.add(String.format(Locale.ROOT, "On this %s machine, %s is fastest for %s at %s: %sx %s faster "
                        + "than sequential at parallelism %d (%s per operation).", m.coresText(), b.strategy(),
                        w.workload(), size(largest), fmt(b.speedup().point(), 2), bracket(b.speedup(), 2),
                        b.parallelism(), TimeUnits.format(b.time().point())));
            }
        }
        List<String> from = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (Analysis.Crossover c : w.crossovers().values()) {
            if (c.size() == null) {
                never.add(c.strategy());
            } else {
                from.add(String.format(Locale.ROOT, "%s from %s (p=%d: %sx %s)", c.strategy(), size(c.size()),
                        c.parallelism(), fmt(c.speedup().point(), 2), bracket(c.speedup(), 2)));
            }
        }
        if (!from.isEmpty()) {
            out.add("Beats sequential with its whole interval above 1: " + String.join("; ", from) + ".");
        }
        if (!never.isEmpty()) {
            out.add(String.join(", ", never) + (never.size() == 1 ? " never beats" : " never beat")
                    + " sequential at the sizes measured (up to " + size(largest) + ").");
        }
        long workingSet = (long) w.bytesPerElement() * largest;
        if (w.memoryBound() && workingSet < CACHE_RESIDENT_BYTES) {
            out.add(String.format(Locale.ROOT, "At %s the data (%s MiB) fits in the caches: its GB/s are cache "
                    + "figures, not memory ones, and the bandwidth probe does not apply.", size(largest),
                    fmt(workingSet / 1048576.0, 1)));
        } else if (w.memoryBound()) {
            Estimate seqRate = w.baselineRate().get(largest);
            Estimate one = w.workload().equals("sum") ? probe.readOneCore() : probe.addOneCore();
            Estimate all = w.workload().equals("sum") ? probe.readAllCores() : probe.addAllCores();
            Optional<Analysis.Point> bestRate = w.points().stream().filter(p -> p.size() == largest)
                    .max(java.util.Comparator.comparingDouble(p -> p.gigabytesPerSecond().point()));
            StringBuilder b = new StringBuilder();
            if (seqRate != null) {
                b.append(String.format(Locale.ROOT, "At %s, sequential moves %s GB/s", size(largest),
                        fmt(seqRate.point(), 1)));
                if (one != null) {
                    b.append(String.format(Locale.ROOT, " (the one-core probe: %s GB/s)", fmt(one.point(), 1)));
                }
            }
            bestRate.ifPresent(p -> {
                b.append(b.isEmpty() ? "At " + size(largest) + ", " : "; ");
                b.append(String.format(Locale.ROOT, "the best model, %s at p=%d, %s GB/s", p.strategy(),
                        p.parallelism(), fmt(p.gigabytesPerSecond().point(), 1)));
                if (Double.isFinite(p.percentOfProbe())) {
                    b.append(String.format(Locale.ROOT, " = %s%% of the %s probe (%s GB/s)", fmt(p.percentOfProbe(), 0),
                            p.parallelism() == 1 ? "one-core" : "all-core",
                            fmt((p.parallelism() == 1 ? one : all).point(), 1)));
                }
            });
            if (!b.isEmpty()) {
                out.add(b + ". Memory-bound work cannot go faster than the memory: a speedup near the ratio of the "
                        + "two probe figures is the most there is.");
            }
        }
        if (w.memoryBound() && probe.loopback() != null) {
            for (String s : List.of("socket")) {
                w.points().stream().filter(p -> p.strategy().equals(s) && p.size() == largest)
                        .max(java.util.Comparator.comparingDouble(p -> p.gigabytesPerSecond().point()))
                        .ifPresent(p -> out.add(String.format(Locale.ROOT, "%s at %s moves %s GB/s of %s data "
                                + "(p=%d) = %s%% of the loopback probe (%s GB/s)%s.", s, size(largest),
                                fmt(p.gigabytesPerSecond().point(), 1), w.workload(), p.parallelism(),
                                fmt(100 * p.gigabytesPerSecond().point() / probe.loopback().point(), 0),
                                fmt(probe.loopback().point(), 1), "")));
            }
        }
        List<String> amdahl = new ArrayList<>();
        w.amdahl().forEach((s, f) -> {
            if (f.serialFraction() >= -0.05 && f.serialFraction() <= 1.05) { // otherwise Amdahl does not describe it
                amdahl.add(String.format(Locale.ROOT, "%s f = %s%s", s, fmt(f.serialFraction(), 3),
                        Double.isFinite(f.rSquared()) ? " (R² " + fmt(f.rSquared(), 2) + ")" : ""));
            }
        });
        if (!amdahl.isEmpty()) {
            out.add("Serial fraction at " + size(largest) + " (Amdahl fit): " + String.join("; ", amdahl) + ".");
        }
        w.otherBaselines().forEach((kernel, times) -> {
            Estimate other = times.get(largest);
            Estimate mine = w.baseline().get(largest);
            if (other != null && mine != null) {
                out.add(String.format(Locale.ROOT, "Kernel matters: sequential at %s takes %s with the %s kernel and "
                        + "%s with the %s kernel.", size(largest), TimeUnits.format(other.point()), kernel,
                        TimeUnits.format(mine.point()), w.kernel()));
            }
        });
        return out;
    }

    private static Table pointsTable(String id, Analysis.WorkloadResult w) {
        List<String> headers = new ArrayList<>(List.of("model", "parallelism", "size", "time/op", "time 95% interval",
                "speedup", "speedup 95% interval", "efficiency", "Karp-Flatt e"));
        if (w.memoryBound()) {
            headers.add("GB/s");
            headers.add("% of probe");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int size : w.sizes()) {
            Estimate t = w.baseline().get(size);
            if (t != null) {
                List<Cell> row = new ArrayList<>(List.of(Cell.text("sequential"), Cell.num(1, "1"),
                        Cell.num(size, size(size)), Cell.num(t.point(), TimeUnits.format(t.point())),
                        Cell.text("[" + TimeUnits.format(t.low()) + ", " + TimeUnits.format(t.high()) + "]"),
                        Cell.num(1, "1.00"), Cell.text(""), Cell.num(1, "1.00"), Cell.text("")));
                if (w.memoryBound()) {
                    Estimate r = w.baselineRate().get(size);
                    row.add(Cell.num(r.point(), fmt(r.point(), 1)));
                    row.add(Cell.text(""));
                }
                rows.add(row);
            }
        }
        for (Analysis.Point p : w.points()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(p.strategy()), Cell.num(p.parallelism(),
                    String.valueOf(p.parallelism())), Cell.num(p.size(), size(p.size())),
                    Cell.num(p.time().point(), TimeUnits.format(p.time().point())),
                    Cell.text("[" + TimeUnits.format(p.time().low()) + ", " + TimeUnits.format(p.time().high()) + "]"),
                    Cell.num(p.speedup().point(), fmt(p.speedup().point(), 2)), Cell.text(bracket(p.speedup(), 2)),
                    Cell.num(p.efficiency(), fmt(p.efficiency(), 2)), Cell.num(p.karpFlatt(), fmt(p.karpFlatt(), 3))));
            if (w.memoryBound()) {
                row.add(Cell.num(p.gigabytesPerSecond().point(), fmt(p.gigabytesPerSecond().point(), 1)));
                row.add(Cell.num(p.percentOfProbe(), fmt(p.percentOfProbe(), 0)));
            }
            rows.add(row);
        }
        return new Table(id + "-points", w.title() + ": every configuration", headers, rows);
    }

    private static Table modelsTable(String id, Analysis.WorkloadResult w) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String s : w.strategies()) {
            Analysis.Crossover c = w.crossovers().get(s);
            AmdahlFit f = w.amdahl().get(s);
            Estimate task = w.perTaskCost().get(s);
            rows.add(List.of(Cell.text(s),
                    c == null || c.size() == null ? Cell.text("never (up to " + size(w.largestSize()) + ")")
                            : Cell.num(c.size(), size(c.size()) + " (p=" + c.parallelism() + ")"),
                    f == null ? Cell.text("") : Cell.num(f.serialFraction(), fmt(f.serialFraction(), 3)),
                    f == null ? Cell.text("") : Cell.num(f.rSquared(), fmt(f.rSquared(), 3)),
                    task == null ? Cell.text("") : Cell.num(task.point(), TimeUnits.format(task.point()))));
        }
        return new Table(id + "-models", w.title() + ": crossover size, serial fraction and overhead per model",
                List.of("model", "beats sequential from", "Amdahl f (largest size)", "R²",
                        "time per task at " + size(w.sizes().get(0)) + " (overhead)"), rows);
    }

    // ---------------------------------------------------------------- formatting

    static ChartSpec.XY xy(double x, double y) {
        return new ChartSpec.XY(x, y, Double.NaN, Double.NaN);
    }

    /** 1, 1000, 1k, 32k, 1M, 32M: powers of two get k/M/G suffixes. */
    public static String size(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return n / (1L << 30) + "G";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return n / (1L << 20) + "M";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return n / (1L << 10) + "k";
        }
        return Long.toString(n);
    }

    static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    static String gb(Estimate e) {
        return e == null ? "n/a" : fmt(e.point(), 1);
    }

    static String bracket(Estimate e, int decimals) {
        return Double.isFinite(e.low()) ? "[" + fmt(e.low(), decimals) + ", " + fmt(e.high(), decimals) + "]" : "";
    }

    static String bracketTime(Estimate e) {
        return Double.isFinite(e.low()) ? "[" + TimeUnits.format(e.low()) + ", " + TimeUnits.format(e.high()) + "]"
                : "";
    }

    /** What the report says about the machine, from env.json (or the JMH fields when there is none). */
    record Machine(List<String> lines, String oneLine, String coresText, String title, Optional<String> profile) {
        /** "2" (or "the") for "with all 2 cores". */
        String cores() {
            return coresText.endsWith("-core") ? coresText.substring(0, coresText.length() - 5) : "the";
        }

        @SuppressWarnings("unchecked")
        static Machine of(Map<String, Map<String, Object>> envs) {
            if (envs.isEmpty()) {
                return new Machine(List.of("No env.json next to the results: the machine is unknown."),
                        "machine unknown", "measured", "JMH benchmark report", Optional.empty());
            }
            Set<String> lines = new LinkedHashSet<>();
            String one = null;
            String cores = null;
            String profile = null;
            for (Map.Entry<String, Map<String, Object>> e : envs.entrySet()) {
                Map<String, Object> env = e.getValue();
                Map<String, Object> cpu = (Map<String, Object>) env.getOrDefault("cpu", Map.of());
                Map<String, Object> os = (Map<String, Object>) env.getOrDefault("os", Map.of());
                Map<String, Object> jdk = (Map<String, Object>) env.getOrDefault("jdk", Map.of());
                Map<String, Object> git = (Map<String, Object>) env.getOrDefault("git", Map.of());
                Map<String, Object> run = (Map<String, Object>) env.getOrDefault("run", Map.of());
                Object mem = env.get("memoryBytes");
                String memText = mem instanceof Number n ? fmt(n.doubleValue() / (1L << 30), 1) + " GiB" : "? GiB";
                String c = String.valueOf(cpu.getOrDefault("cores", "?"));
                String line = String.format(Locale.ROOT, "%s, %s cores, %s, %s %s, JDK %s (%s); date %s; commit %s; "
                        + "profile %s, %s fork(s)", cpu.getOrDefault("model", "unknown CPU"), c, memText,
                        os.getOrDefault("name", "?"), os.getOrDefault("version", ""), jdk.getOrDefault("version", "?"),
                        jdk.getOrDefault("vendor", "?"), env.getOrDefault("date", "?"),
                        abbreviate(String.valueOf(git.getOrDefault("commit", "unknown"))),
                        run.getOrDefault("profile", "?"), run.getOrDefault("forks", "?"));
                lines.add(line);
                if (one == null) {
                    one = String.format(Locale.ROOT, "%s, %s cores, JDK %s", cpu.getOrDefault("model", "unknown CPU"),
                            c, jdk.getOrDefault("version", "?"));
                    cores = c + "-core";
                    profile = run.containsKey("profile") ? String.valueOf(run.get("profile")) : null;
                }
            }
            return new Machine(List.copyOf(lines), one, cores, "parbench report: " + one,
                    Optional.ofNullable(profile));
        }

        private static String abbreviate(String commit) {
            return commit.length() > 12 ? commit.substring(0, 12) : commit;
        }
    }
}
