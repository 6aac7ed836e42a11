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
 * the runner-up and by how much it loses, and whether the figures support the claim; plus, per workload, below which
 * size to stay sequential. A provisional row's cell stays short ("provisional: see below"): the commands that would
 * settle them are one collapsed block below the table, so that the table fits one screen. Built from the analysis's
 * best and crossover figures; decides nothing the analysis did not.
 */
final class DecisionSection {
    static final String ID = "decision";

    private DecisionSection() {
    }

    static Optional<ReportView.Section> of(List<Analysis.WorkloadResult> workloads) {
        return of(workloads, Optional.empty());
    }

    /**
     * The section; {@code runFolder}: the parbench run folder the results come from, if they are one run's (then one
     * {@code --settle} command settles every provisional row; otherwise one command per row).
     */
    static Optional<ReportView.Section> of(List<Analysis.WorkloadResult> workloads, Optional<String> runFolder) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        List<ReportView.FoldLine> settle = new ArrayList<>();
        for (Analysis.WorkloadResult w : workloads) {
            if (w.points().isEmpty()) {
                continue;
            }
            for (Analysis.Best b : w.best()) {
                rows.add(row(w, b));
                if (Evidence.of(w, b) == Evidence.PROVISIONAL) {
                    settle.add(new ReportView.FoldLine(w.title() + " at " + size(b.size()) + ":",
                            SettleCommand.of(w, w.strategies(), List.of(b.size()), w.parallelisms())));
                }
            }
            summary.add(stayBelow(w));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        summary.add(0, "Which model to use, by workload and size, at the parallelism measured. A recommendation is "
                + "a claim only where the figures behind it rest on enough forks that agree; otherwise it is "
                + "provisional, and the commands below the table would settle it.");
        CostTable.loser(workloads).ifPresent(summary::add);
        ReportView.Table table = new ReportView.Table("decision-table", "Recommended model per workload and size",
                List.of("workload", "size", "use", "speedup over sequential", "runner-up", "runner-up is slower by",
                        "evidence"), rows);
        if (!settle.isEmpty() && runFolder.isPresent()) { // one command: more rounds of exactly those rows
            settle = List.of(new ReportView.FoldLine("Every provisional row at once (more rounds, 3 by default, of "
                    + "exactly their configurations, merged into this run; then the report):",
                    SettleCommand.settle(runFolder.get())));
        }
        int open = (int) rows.stream().filter(r -> r.get(r.size() - 1).text().startsWith("provisional")).count();
        List<ReportView.Fold> folds = settle.isEmpty() ? List.of() : List.of(new ReportView.Fold(open == 1
                ? "How to settle the provisional row" : "How to settle the " + open + " provisional rows",
                settle));
        return Optional.of(new ReportView.Section(ID, "Which model to use", summary, List.of(), List.of(table),
                folds));
    }

    private static List<Cell> row(Analysis.WorkloadResult w, Analysis.Best b) {
        boolean sequential = b.strategy().equals("sequential");
        String use = Advice.use(b);
        String speedup = sequential ? "1 (baseline)" : fmt(b.speedup().point(), 2) + "x " + bracket(b.speedup(), 2);
        String runnerUp = b.runnerUp() == null ? "" : b.runnerUp().equals("sequential") ? "sequential"
                : b.runnerUp() + " (p=" + b.runnerUpParallelism() + ")";
        String margin = b.margin() == null ? "" : fmt(b.margin().point(), 2) + "x " + bracket(b.margin(), 2);
        Evidence e = Evidence.of(w, b);
        String evidence = switch (e) {
            case FAULT -> w.memoryBound() ? "measurement fault: its bandwidth is above the memory probe's best at "
                    + "this size, which no model can beat (the probe or this figure failed); no claim"
                    : String.format(Locale.ROOT, "measurement fault: %sx with p=%d on compute-bound work is "
                    + "more than p can give (a slow baseline or a slow minute); no claim", fmt(b.speedup().point(), 2),
                    b.parallelism());
            case PROVISIONAL -> "provisional: see below";
            case NOT_SHOWN -> "no claim: the " + EstimateWords.of(b.speedup()) + " holds 1, so it is not shown to "
                    + "beat sequential";
            case CLAIM -> "claim";
            case CLAIM_RUNNER_UP_WITHIN_NOISE -> b.ties().isEmpty() ? "claim, but the runner-up is within the noise"
                    : "claim: " + (b.ties().size() + 1) + " configurations tie within the noise, use any of them";
        } + " (best of " + candidates(w, b.size()) + ")";
        return List.of(Cell.text(w.title()), Cell.num(b.size(), size(b.size())), Cell.text(use),
                Cell.num(sequential ? 1 : b.speedup().point(), speedup), Cell.text(runnerUp),
                Cell.num(b.margin() == null ? Double.NaN : b.margin().point(), margin), Cell.text(evidence));
    }

    /**
     * How far a row's figures carry its pick. The table's evidence column and the per-workload sentence both read
     * this, so they cannot disagree: a parallel pick is a claim only when its speedup is an interval wholly above 1.
     */
    enum Evidence {
        /** A speedup above p on compute-bound work: the measurement is at fault, nothing is claimed. */
        FAULT,
        /** Too few forks, or forks that disagree: nothing is claimed. */
        PROVISIONAL,
        /** A parallel pick whose speedup interval holds 1 (or is only a range): not shown to beat sequential. */
        NOT_SHOWN,
        /** The pick beats sequential (or is sequential) and its runner-up by whole intervals. */
        CLAIM,
        /** The pick is a claim against sequential, but the runner-up is within the noise of it. */
        CLAIM_RUNNER_UP_WITHIN_NOISE;

        static Evidence of(Analysis.WorkloadResult w, Analysis.Best b) {
            if (!w.memoryBound() && !b.strategy().equals("sequential")
                    && b.speedup().point() > b.parallelism()) {
                return FAULT;
            }
            if (w.memoryBound() && aboveCeiling(w, b)) {
                return FAULT;
            }
            if (b.provisional()) {
                return PROVISIONAL;
            }
            if (!b.strategy().equals("sequential") && !b.speedup().above(1)) {
                return NOT_SHOWN;
            }
            return b.margin() == null || b.margin().above(1) ? CLAIM : CLAIM_RUNNER_UP_WITHIN_NOISE;
        }

        /**
         * A memory-bound pick whose bandwidth lies above the probe's best fork at its own size by more than its
         * interval: no model can beat a ceiling at the same size, so a figure is at fault (the probe or the model's).
         */
        static boolean aboveCeiling(Analysis.WorkloadResult w, Analysis.Best b) {
            return w.points().stream().filter(p -> p.strategy().equals(b.strategy())
                    && p.parallelism() == b.parallelism() && p.size() == b.size()).anyMatch(p ->
                    p.probe() != null && p.probe().elements() == p.size() && p.gigabytesPerSecond() != null
                            && p.gigabytesPerSecond().low() > p.probe().best().point());
        }

        /** A parallel model is claimed to beat sequential here. */
        boolean parallelClaim(Analysis.Best b) {
            return (this == CLAIM || this == CLAIM_RUNNER_UP_WITHIN_NOISE) && !b.strategy().equals("sequential");
        }
    }

    /** "5 configurations": the measured configurations (sequential included) the pick at {@code n} was chosen from. */
    static String candidates(Analysis.WorkloadResult w, int n) {
        long k = 1 + w.points().stream().filter(p -> p.size() == n).count();
        return k + " configurations";
    }

    /**
     * Below which size to stay sequential, from the table's own rows ({@link Evidence}): the smallest size whose
     * row claims a parallel model.
     */
    private static String stayBelow(Analysis.WorkloadResult w) {
        List<Analysis.Best> rows = w.best().stream().sorted(java.util.Comparator.comparingInt(Analysis.Best::size))
                .toList();
        Analysis.Best first = rows.stream().filter(b -> Evidence.of(w, b).parallelClaim(b)).findFirst().orElse(null);
        boolean provisional = rows.stream().anyMatch(b -> Evidence.of(w, b) == Evidence.PROVISIONAL);
        if (first == null) {
            return String.format(Locale.ROOT, "%s: no model is shown to beat sequential up to %s%s.", w.title(),
                    size(w.largestSize()), provisional ? " (some figures are provisional)" : "");
        }
        boolean allAfter = rows.stream().filter(b -> b.size() >= first.size())
                .allMatch(b -> Evidence.of(w, b).parallelClaim(b));
        String claim = String.format(Locale.ROOT, "%s (p=%d: %sx %s, best of %s)", first.strategy(),
                first.parallelism(), fmt(first.speedup().point(), 2), bracket(first.speedup(), 2),
                candidates(w, first.size()));
        String where = allAfter ? "from " + size(first.size()) + " on" : "at " + size(first.size());
        String tail = allAfter ? "" : " (not at every larger size)";
        if (first.size() == rows.get(0).size()) {
            return String.format(Locale.ROOT, "%s: %s (the smallest size measured), %s beats sequential%s.",
                    w.title(), where, claim, tail);
        }
        return String.format(Locale.ROOT, "%s: below %s no model is shown to beat sequential; %s, %s beats it%s.",
                w.title(), size(first.size()), where, claim, tail);
    }
}
