package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.Analysis;
import dev.parbench.report.ReportView.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer first: for each workload and size measured, the model to use at the measured parallelism, its speedup,
 * the runner-up and by how much it loses, and whether the figures support the claim (otherwise the command that
 * would settle it); plus, per workload, below which size to stay sequential. Built from the analysis's best and
 * crossover figures; decides nothing the analysis did not.
 */
final class DecisionSection {
    static final String ID = "decision";

    private DecisionSection() {
    }

    static Optional<ReportView.Section> of(List<Analysis.WorkloadResult> workloads) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Analysis.WorkloadResult w : workloads) {
            if (w.points().isEmpty()) {
                continue;
            }
            for (Analysis.Best b : w.best()) {
                rows.add(row(w, b));
            }
            summary.add(stayBelow(w));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        summary.add(0, "Which model to use, by workload and size, at the parallelism measured. A recommendation is "
                + "a claim only where the figures behind it rest on enough forks that agree; otherwise it says "
                + "what would settle it.");
        ReportView.Table table = new ReportView.Table("decision-table", "Recommended model per workload and size",
                List.of("workload", "size", "use", "speedup over sequential", "runner-up", "runner-up is slower by",
                        "evidence"), rows);
        return Optional.of(new ReportView.Section(ID, "Which model to use", summary, List.of(), List.of(table)));
    }

    private static List<Cell> row(Analysis.WorkloadResult w, Analysis.Best b) {
        boolean sequential = b.strategy().equals("sequential");
        String use = sequential ? "sequential" : b.strategy() + " (p=" + b.parallelism() + ")";
        String speedup = sequential ? "1 (baseline)" : fmt(b.speedup().point(), 2) + "x " + bracket(b.speedup(), 2);
        String runnerUp = b.runnerUp() == null ? "" : b.runnerUp().equals("sequential") ? "sequential"
                : b.runnerUp() + " (p=" + b.runnerUpParallelism() + ")";
        String margin = b.margin() == null ? "" : fmt(b.margin().point(), 2) + "x " + bracket(b.margin(), 2);
        boolean clearWin = b.margin() != null && b.margin().above(1);
        String evidence = b.provisional()
                ? "provisional: settle with " + WorkloadProse.settle(w, w.strategies(), List.of(b.size()),
                        w.parallelisms())
                : clearWin ? "claim" : "claim, but the runner-up is within the noise";
        return List.of(Cell.text(w.title()), Cell.num(b.size(), size(b.size())), Cell.text(use),
                Cell.num(sequential ? 1 : b.speedup().point(), speedup), Cell.text(runnerUp),
                Cell.num(b.margin() == null ? Double.NaN : b.margin().point(), margin), Cell.text(evidence));
    }

    /** Below which size no model pays, from the smallest claimed crossover of any model. */
    private static String stayBelow(Analysis.WorkloadResult w) {
        Analysis.Crossover first = null;
        boolean provisional = false;
        for (Analysis.Crossover c : w.crossovers().values()) {
            provisional |= c.provisional();
            if (c.size() != null && !c.provisional() && (first == null || c.size() < first.size()
                    || c.size().equals(first.size()) && c.speedup().point() > first.speedup().point())) {
                first = c; // the smallest size at which a model pays; there, the model that pays most
            }
        }
        if (first == null) {
            return String.format(Locale.ROOT, "%s: %s up to %s.", w.title(), provisional
                    ? "no model is shown to beat sequential (the figures are provisional)"
                    : "stay sequential: no model beats it", size(w.largestSize()));
        }
        return first.size().equals(w.sizes().get(0))
                ? String.format(Locale.ROOT, "%s: a parallel model pays from the smallest size measured (%s, %s).",
                        w.title(), size(first.size()), first.strategy())
                : String.format(Locale.ROOT, "%s: below %s stay sequential; from %s on %s beats it (p=%d: %sx %s).",
                        w.title(), size(first.size()), size(first.size()), first.strategy(), first.parallelism(),
                        fmt(first.speedup().point(), 2), bracket(first.speedup(), 2));
    }
}
