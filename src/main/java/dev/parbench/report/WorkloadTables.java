package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
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
                        Cell.text(Formats.bracketTime(t)), Cell.num(1, "1.00"), Cell.text(""), Cell.num(1, "1.00"),
                        Cell.text("")));
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
        return new ReportView.Table(id + "-points", w.title() + ": every configuration", headers, rows);
    }

    private static ReportView.Table models(String id, Analysis.WorkloadResult w) {
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
        return new ReportView.Table(id + "-models", w.title() + ": crossover size, serial fraction and overhead per model",
                List.of("model", "beats sequential from", "Amdahl f (largest size)", "R²",
                        "time per task at " + size(w.sizes().get(0)) + " (overhead)"), rows);
    }
}
