package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.parbench.report.text.Csv;
import dev.parbench.report.text.Markdown;

/**
 * summary.md (for CI step summaries and PR comments) and summary.csv (every number, one row each). Every line, heading
 * and cell goes through {@link Markdown} or {@link Csv}: a name from a results file or env.json stays in its place.
 */
final class TextSummaries {
    private TextSummaries() {
    }

    static String markdown(ReportView view, Analysis a) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(md(view.title())).append("\n\n");
        for (String m : view.machine()) {
            md.append("_").append(md(m)).append("_\n\n");
        }
        for (String w : view.warnings()) {
            md.append("> **Note:** ").append(md(w)).append("\n");
        }
        if (!view.warnings().isEmpty()) {
            md.append('\n');
        }
        for (ReportView.Section s : view.sections()) {
            md.append("## ").append(md(s.heading())).append("\n\n");
            for (String line : s.summary()) {
                md.append("- ").append(md(line)).append('\n');
            }
            md.append('\n');
            if (s.id().equals(DecisionSection.ID)) {
                s.tables().forEach(t -> table(md, t)); // the answer leads the summary too
                // the block below the table as a plain list: no raw HTML (details) in summary.md, and a command as
                // escaped text, not a code span, so that nothing from the input is shown raw
                for (ReportView.Fold f : s.folds()) {
                    md.append("**").append(md(f.summary())).append("**\n\n");
                    f.lines().forEach(l -> md.append("- ").append(md(l.text()))
                            .append(l.command().isEmpty() ? "" : " " + md(l.command())).append('\n'));
                    md.append('\n');
                }
            }
        }
        for (Analysis.WorkloadResult w : a.workloads()) {
            int largest = w.largestSize();
            md.append("### ").append(md(w.title())).append(" at ").append(Formats.size(largest)).append("\n\n")
                    .append("| model | p | forks | time/op | speedup [95% interval] or (range) | efficiency | unstable |\n"
                            + "|---|---:|---:|---:|---:|---:|---|\n");
            Estimate seq = w.baseline().get(largest);
            if (seq != null) {
                md.append("| sequential | 1 | ").append(seq.forks()).append(" | ")
                        .append(dev.parbench.analysis.TimeUnits.format(seq.point())).append(" | 1.00 | 1.00 | ")
                        .append(w.unstableBaselines().contains(largest) ? "forks disagree" : "").append(" |\n");
            }
            for (Analysis.Point p : w.points()) {
                if (p.size() == largest) {
                    md.append("| ").append(md(p.strategy())).append(" | ").append(p.parallelism()).append(" | ")
                            .append(p.time().forks()).append(" | ")
                            .append(dev.parbench.analysis.TimeUnits.format(p.time().point())).append(" | ")
                            .append(Formats.fmt(p.speedup().point(), 2)).append(' ')
                            .append(WorkloadProse.span(p.speedup(), 2)).append(" | ")
                            .append(Formats.fmt(p.efficiency(), 2)).append(" | ")
                            .append(p.unstable() ? "forks disagree" : "").append(" |\n");
                }
            }
            md.append('\n');
            CostTable.of(w.workload(), w).ifPresent(t -> {
                md.append("**").append(md(t.caption())).append("**\n\n");
                table(md, t);
            });
        }
        md.append("Intervals: 95% Student t over fork medians (on logs; speedups paired by round, Welch's without "
                + "rounds), from "
                + dev.parbench.analysis.ForkIntervals.MIN_FORKS + " forks on; with fewer forks, the range the forks "
                + "spanned, and no claim. Unstable: one fork far from the others. Full report: index.html.\n");
        return md.toString();
    }

    /** A view table as a Markdown table. */
    private static void table(StringBuilder md, ReportView.Table t) {
        md.append("| ").append(String.join(" | ", t.headers().stream().map(TextSummaries::md).toList()))
                .append(" |\n|");
        t.headers().forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<ReportView.Cell> row : t.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(c -> md(c.text())).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    static final List<String> CSV_HEADER = List.of("kind", "workload", "kernel", "benchmark", "params", "model",
            "parallelism", "size", "unit", "value", "low", "high", "forks", "speedup", "speedup_low", "speedup_high",
            "efficiency", "karp_flatt", "gb_per_s", "percent_of_probe", "interval_kind", "unstable");

    static String csv(Analysis a) {
        List<List<String>> rows = new ArrayList<>();
        Analysis.Probe p = a.probe();
        if (p.sweep().isEmpty()) {
            for (dev.parbench.workload.Ceiling c : dev.parbench.workload.Ceiling.values()) {
                probeRow(rows, c.probeMethod(), "1", p.oneCore().get(c), p.elements());
                probeRow(rows, c.probeMethod(), "all", p.allCores().get(c), p.elements());
            }
        }
        for (Analysis.ProbeLevel l : p.sweep()) { // best fork (STREAM's figure), then the central figure
            String threads = l.allCores() ? "all" : "1";
            probeRow(rows, l.ceiling().probeMethod(), threads, l.best(), l.elements());
            probeRow(rows, l.ceiling().probeMethod(), threads + ";figure=central", l.central(), l.elements());
        }
        for (Analysis.WorkloadResult w : a.workloads()) {
            for (Map.Entry<Integer, Estimate> e : w.baseline().entrySet()) {
                Estimate t = e.getValue();
                Estimate r = w.baselineRate().get(e.getKey());
                rows.add(List.of("baseline", w.workload(), w.kernel(), "", "", "sequential", "1",
                        String.valueOf(e.getKey()), "ns/op", n(t.point()), n(t.low()), n(t.high()),
                        String.valueOf(t.forks()), "1", "", "", "1", "", r == null ? "" : n(r.point()), "",
                        kind(t), String.valueOf(w.unstableBaselines().contains(e.getKey()))));
            }
            for (Map.Entry<String, Map<Integer, Estimate>> k : w.otherBaselines().entrySet()) {
                for (Map.Entry<Integer, Estimate> e : k.getValue().entrySet()) {
                    Estimate t = e.getValue();
                    rows.add(List.of("baseline", w.workload(), k.getKey(), "", "", "sequential", "1",
                            String.valueOf(e.getKey()), "ns/op", n(t.point()), n(t.low()), n(t.high()),
                            String.valueOf(t.forks()), "", "", "", "", "", "", "", kind(t), ""));
                }
            }
            for (Analysis.Point pt : w.points()) {
                Estimate t = pt.time();
                rows.add(List.of("model", w.workload(), w.kernel(), "", "", pt.strategy(),
                        String.valueOf(pt.parallelism()), String.valueOf(pt.size()), "ns/op", n(t.point()), n(t.low()),
                        n(t.high()), String.valueOf(t.forks()), n(pt.speedup().point()), n(pt.speedup().low()),
                        n(pt.speedup().high()), n(pt.efficiency()), n(pt.karpFlatt()),
                        pt.gigabytesPerSecond() == null ? "" : n(pt.gigabytesPerSecond().point()),
                        n(pt.percentOfProbe()), kind(pt.speedup()), String.valueOf(pt.unstable())));
            }
            for (Analysis.Cost c : w.costs()) { // every size, one row per figure
                c.figures().forEach((m, e) -> rows.add(List.of("cost", w.workload(), w.kernel(), "", "metric="
                        + m.label(), c.strategy(), String.valueOf(c.parallelism()), String.valueOf(c.size()), m.unit(),
                        n(e.point()), n(e.low()), n(e.high()), String.valueOf(e.forks()), "", "", "", "", "", "", "",
                        kind(e), "")));
            }
        }
        for (Analysis.SeriesResult sr : a.series()) {
            for (Analysis.SeriesPoint pt : sr.points()) {
                String params = sr.family().variantParam() + "=" + pt.variant()
                        + (pt.series() == null ? "" : ";" + sr.family().seriesParam() + "=" + pt.series())
                        + (Double.isNaN(pt.x()) ? "" : ";" + sr.family().xParam() + "=" + n(pt.x()));
                rows.add(List.of(sr.family().id(), "", "", sr.benchmark(), params, pt.variant(), "",
                        Double.isNaN(pt.x()) ? "" : n(pt.x()), sr.unit(), n(pt.score().point()), n(pt.score().low()),
                        n(pt.score().high()), String.valueOf(pt.score().forks()), "", "", "", "", "", "", ""));
            }
        }
        for (Analysis.ForeignResult f : a.foreign()) {
            StringBuilder params = new StringBuilder();
            f.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : ";").append(k).append('=').append(v));
            rows.add(List.of("benchmark", "", "", f.benchmark(), params.toString(), "", "", "", f.unit(),
                    n(f.score().point()), n(f.score().low()), n(f.score().high()), String.valueOf(f.score().forks()),
                    "", "", "", "", "", "", "", kind(f.score()), ""));
        }
        StringBuilder out = new StringBuilder(Csv.row(CSV_HEADER)).append('\n');
        for (List<String> r : rows) {
            out.append(Csv.row(r)).append('\n');
        }
        return out.toString();
    }

    private static void probeRow(List<List<String>> rows, String kernel, String threads, Estimate e, int elements) {
        if (e != null) {
            rows.add(List.of("probe", "", kernel, "BandwidthProbe." + kernel, "threads=" + threads, "", "",
                    String.valueOf(elements), "GB/s", n(e.point()), n(e.low()), n(e.high()), String.valueOf(e.forks()),
                    "", "", "", "", "", n(e.point()), "", kind(e), ""));
        }
    }

    /** "interval" (95% confidence) or "range" (too few forks, or a best-fork figure). */
    private static String kind(Estimate e) {
        return e.interval() ? "interval" : "range";
    }

    private static String n(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    /** A line, heading or cell of summary.md: {@link Markdown#text}. */
    private static String md(String s) {
        return Markdown.text(s);
    }
}
