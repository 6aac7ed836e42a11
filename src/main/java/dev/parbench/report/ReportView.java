package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.family.Families;
import dev.parbench.family.Family;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.report.text.Slug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The view model: the sections of a report, in order, each with its sentences, charts and tables. Built from an
 * {@link Analysis}; the sections themselves are composed by their own classes ({@link DecisionSection}, then how the
 * run went: {@link StabilitySection}, {@link ProbeSection}; a model-matrix workload's {@link WorkloadProse},
 * {@link WorkloadCharts}, {@link WorkloadTables} and {@link CostTable}, {@link SeriesSection}, {@link ForeignView}).
 * Picks and formats, computes nothing.
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

    /**
     * A section's charts, then its tables, then {@code folds}: blocks shown collapsed below the tables (in HTML a
     * {@code <details>}), each a one-line summary over lines that are a text and a command.
     */
    public record Section(String id, String heading, List<String> summary, List<ChartSpec> charts,
            List<Table> tables, List<Fold> folds) {
        public Section(String id, String heading, List<String> summary, List<ChartSpec> charts, List<Table> tables) {
            this(id, heading, summary, charts, tables, List.of());
        }
    }

    /** A collapsed block: its summary line and its lines, each a text and a command to run (may be empty). */
    public record Fold(String summary, List<FoldLine> lines) {
    }

    public record FoldLine(String text, String command) {
    }

    public static ReportView of(Analysis a) {
        Machine m = Machine.of(a.environments());
        List<Section> sections = new ArrayList<>();
        DecisionSection.of(a.workloads(), SettleCommand.runFolder(a.environments())).ifPresent(sections::add);
        StabilitySection.of(a.stability(), m.oneLine()).ifPresent(sections::add); // after the answer
        if (a.probe().present()) {
            sections.add(ProbeSection.of(a.probe(), m));
        }
        for (Analysis.WorkloadResult w : a.workloads()) {
            String id = Slug.part(w.workload() + (w.kernel().isEmpty() ? "" : "-" + w.kernel()));
            List<String> summary = new ArrayList<>(WorkloadProse.of(w, a.probe(), m));
            CostTable.line(w).ifPresent(summary::add);
            List<Table> tables = new ArrayList<>(WorkloadTables.of(id, w));
            CostTable.of(id, w).ifPresent(tables::add);
            sections.add(new Section(id, w.title(), summary, WorkloadCharts.of(id, w, a.probe(), m.oneLine()),
                    tables));
        }
        Map<Family, List<Analysis.SeriesResult>> byFamily = new LinkedHashMap<>();
        Families.all().forEach(f -> a.series().stream().filter(r -> r.family() == f)
                .forEach(r -> byFamily.computeIfAbsent(f, x -> new ArrayList<>()).add(r)));
        byFamily.forEach((family, results) -> sections.add(SeriesSection.of(family, results, m.oneLine(),
                a.probe().present() ? a.probe() : null)));
        if (!a.foreign().isEmpty()) {
            sections.addAll(ForeignView.sections(a.foreign(), m.oneLine()));
        }
        return new ReportView(m.title(), m.lines(), sections, notes(a, m), a.warnings());
    }

    private static List<String> notes(Analysis a, Machine m) {
        List<String> notes = new ArrayList<>();
        notes.add("The fork is the unit of replication, not the iteration: each fork gives its median iteration. "
                + "Intervals are 95% Student t intervals over those fork medians, on the log scale; a speedup is "
                + "paired by round where model and baseline ran in the same rounds (the ratio of each round's two "
                + "forks), Welch's otherwise; below 3 forks a figure is shown as the range of its "
                + "forks and no claim rests on it (docs/METHOD.md). A speedup is T(sequential) / T(model) at equal "
                + "size, both from the same run.");
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
        return notes;
    }
}
