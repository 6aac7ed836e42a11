package dev.parbench.report;

import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.AmdahlFit;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.report.ReportView.Cell;
import java.util.ArrayList;
import java.util.List;

/** The two tables of a model-matrix workload: every configuration, and per model its crossover and overheads. */
final class WorkloadTables {
    private WorkloadTables() {
    }

    static List<ReportView.Table> of(String id, Analysis.WorkloadResult w) {
        return List.of(points(id, w), models(id, w));
    }

    private static ReportView.Table points(String id, Analysis.WorkloadResult w) {
        List<String> headers = new ArrayList<>(List.of("model", "parallelism", "size", "forks", "time/op",
                "time: 95% interval or range", "speedup", "speedup: 95% interval or range", "efficiency",
                "Karp-Flatt e", "unstable"));
        if (w.memoryBound()) {
            headers.add("GB/s");
            headers.add("% of probe (central)");
            headers.add("probe GB/s: central, best fork (size)");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int size : w.sizes()) {
            Estimate t = w.baseline().get(size);
            if (t != null) {
                boolean unstable = w.unstableBaselines().contains(size);
                List<Cell> row = new ArrayList<>(List.of(Cell.text("sequential"), Cell.num(1, "1"),
                        Cell.num(size, size(size)), Cell.num(t.forks(), String.valueOf(t.forks())),
                        Cell.num(t.point(), TimeUnits.format(t.point())), Cell.text(WorkloadProse.spanTime(t)),
                        Cell.num(1, "1.00"), Cell.text(""), Cell.num(1, "1.00"), Cell.text(""),
                        Cell.text(unstable ? "forks disagree" : "")));
                if (w.memoryBound()) {
                    Estimate r = w.baselineRate().get(size);
                    row.add(Cell.num(r.point(), fmt(r.point(), 1)));
                    row.add(Cell.text(""));
                    row.add(Cell.text(""));
                }
                rows.add(row);
            }
        }
        for (Analysis.Point p : w.points()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(p.strategy()), Cell.num(p.parallelism(),
                    String.valueOf(p.parallelism())), Cell.num(p.size(), size(p.size())),
                    Cell.num(p.time().forks(), String.valueOf(p.time().forks())),
                    Cell.num(p.time().point(), TimeUnits.format(p.time().point())),
                    Cell.text(WorkloadProse.spanTime(p.time())),
                    Cell.num(p.speedup().point(), fmt(p.speedup().point(), 2)),
                    Cell.text(WorkloadProse.span(p.speedup(), 2)), Cell.num(p.efficiency(), fmt(p.efficiency(), 2)),
                    Double.isFinite(p.karpFlatt()) ? Cell.num(p.karpFlatt(), fmt(p.karpFlatt(), 3)) : Cell.text(""),
                    Cell.text(!p.unstable() ? "" : w.unstableBaselines().contains(p.size())
                            ? "sequential forks disagree" : "forks disagree")));
            if (w.memoryBound()) {
                row.add(Cell.num(p.gigabytesPerSecond().point(), fmt(p.gigabytesPerSecond().point(), 1)));
                row.add(percentOfProbe(p));
                row.add(Cell.text(probeText(p.probe())));
            }
            rows.add(row);
        }
        return new ReportView.Table(id + "-points", w.title() + ": every configuration", headers, rows);
    }

    /**
     * A model's share of its probe: a number up to 100; "at the probe" when it is above the probe's central figure
     * but not its best fork (the probe's own spread); "above the probe" when it beat even the best fork.
     */
    static Cell percentOfProbe(Analysis.Point p) {
        if (p.aboveProbe()) {
            return Cell.text(p.probe().elements() == p.size() ? "above the probe: the probe failed"
                    : "above the probe at " + size(p.probe().elements()) + ": in cache?");
        }
        if (p.percentOfProbe() > 100) {
            return Cell.num(100, "at the probe");
        }
        return Cell.num(p.percentOfProbe(), fmt(p.percentOfProbe(), 0));
    }

    /** {@code 11.2, best 12.0 (32M)}: the probe level a point is read against. */
    static String probeText(Analysis.ProbeLevel l) {
        return l == null ? "" : fmt(l.central().point(), 1) + ", best " + fmt(l.best().point(), 1) + " ("
                + size(l.elements()) + ", " + (l.allCores() ? "all cores" : "1 core") + ")";
    }

    private static ReportView.Table models(String id, Analysis.WorkloadResult w) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String s : w.strategies()) {
            Analysis.Crossover c = w.crossovers().get(s);
            AmdahlFit f = w.amdahl().get(s);
            Analysis.AmdahlBasis basis = w.amdahlBasis().get(s);
            Estimate task = w.perTaskCost().get(s);
            Cell crossover;
            if (c == null || c.size() == null) {
                crossover = Cell.text((c != null && c.provisional() ? "provisional: " : "") + "never (up to "
                        + size(w.largestSize()) + ")");
            } else {
                crossover = Cell.num(c.size(), (c.provisional() ? "provisional: " : "") + size(c.size()) + " (p="
                        + c.parallelism() + ")");
            }
            Cell fit;
            if (f != null) {
                fit = Cell.num(f.serialFraction(), fmt(f.serialFraction(), 3)
                        + (basis != null && basis.provisional() ? " (provisional)" : ""));
            } else if (basis != null && !basis.threads()) {
                fit = Cell.text("none: p is not the thread count");
            } else {
                fit = Cell.text("none: " + needs(w));
            }
            rows.add(List.of(Cell.text(s), crossover, fit,
                    f == null || !Double.isFinite(f.rSquared()) ? Cell.text("")
                            : Cell.num(f.rSquared(), fmt(f.rSquared(), 3)),
                    task == null ? Cell.text("") : Cell.num(task.point(), TimeUnits.format(task.point()))));
        }
        return new ReportView.Table(id + "-models", w.title() + ": crossover size, serial fraction and overhead per model",
                List.of("model", "beats sequential from", "Amdahl f (largest size)", "R²",
                        "time per task at " + size(w.sizes().get(0)) + " (overhead)"), rows);
    }

    /** Short form of what an Amdahl fit lacks, for a table cell. */
    private static String needs(Analysis.WorkloadResult w) {
        int cores = w.cores();
        List<String> have = w.parallelisms().stream().filter(p -> cores <= 0 || p <= cores).map(String::valueOf)
                .toList();
        return "needs " + AmdahlFit.MIN_PARALLELISMS + " thread-count p" + (cores > 0 ? " <= " + cores + " cores"
                : "") + (cores > 0 && cores < AmdahlFit.MIN_PARALLELISMS ? " (impossible here)" : "") + "; has p = "
                + (have.isEmpty() ? "none" : String.join(", ", have));
    }
}
