package dev.parbench.report;

import dev.parbench.gate.ChangePoints;
import dev.parbench.report.text.Markdown;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code history} outputs: history.md (benchmarks with change points first), history.html and one line chart per
 * benchmark (PNG and SVG) with its change points marked as dashed vertical lines. Formats; decides nothing.
 */
public final class HistoryReport {
    private static final Color SCORE = new Color(0x00, 0x72, 0xB2);
    private static final Color CHANGE = new Color(0xD5, 0x5E, 0x00);
    private static final Color LEVEL = new Color(0x99, 0x99, 0x99);

    private HistoryReport() {
    }

    /** One stored run: where it came from, when, which commit, and on what. */
    public record Run(String folder, String date, String commit, boolean dirty, String machine) {
        public String label() {
            return (date.length() >= 10 ? date.substring(0, 10) : date) + " " + (commit.length() > 8
                    ? commit.substring(0, 8) : commit) + (dirty ? "+" : "");
        }
    }

    /**
     * One benchmark over the runs: its score per run in its own unit (NaN where the run lacks it), whether higher
     * is better, whether it held enough runs and forks to be tested at all, and the change points (indices into the
     * runs; empty when not tested).
     */
    public record Series(String key, String unit, boolean higherIsBetter, double[] values, boolean tested,
            List<ChangePoints.Change> changes) {

        /** The relative step of a change, as a percentage of the earlier level (the changes are on log values). */
        public static double percent(ChangePoints.Change c) {
            return 100 * (Math.exp(c.after() - c.before()) - 1);
        }

        String describe(ChangePoints.Change c, List<Run> runs) {
            double pct = percent(c);
            boolean worse = higherIsBetter ? pct < 0 : pct > 0;
            return String.format(Locale.ROOT, "%+.1f%% (%s) at %s (adjusted p = %.3g)", pct, worse ? "worse" : "better",
                    runs.get(c.index()).label(), c.p());
        }
    }

    /**
     * "12 runs, 40 benchmarks, 2 with change points", and how many could not be tested; when none could,
     * {@code tooFew} ("too few runs to find a change: need 6") in place of a count of zero that would read as "none".
     */
    public static String summary(int runs, List<Series> series, String tooFew) {
        long tested = series.stream().filter(Series::tested).count();
        String head = runs + " runs, " + series.size() + " benchmarks, ";
        if (tested == 0) {
            return head + tooFew;
        }
        long changed = series.stream().filter(x -> !x.changes().isEmpty()).count();
        return head + changed + " with change points" + (tested < series.size() ? " (" + (series.size() - tested)
                + " not tested: " + tooFew + ")" : "");
    }

    public static String markdown(List<Run> runs, List<Series> series, List<String> notes, String method,
            String tooFew) {
        StringBuilder s = new StringBuilder("# parbench history\n\n");
        s.append(String.format(Locale.ROOT, "%s to %s: %s.%n%n", runs.isEmpty() ? "-" : Markdown.text(runs.get(0).label()),
                runs.isEmpty() ? "-" : Markdown.text(runs.get(runs.size() - 1).label()),
                summary(runs.size(), series, tooFew)));
        s.append("_").append(Markdown.text(method)).append("_\n\n");
        notes.forEach(n -> s.append("> ").append(Markdown.text(n)).append('\n'));
        if (!notes.isEmpty()) {
            s.append('\n');
        }
        List<Series> changed = series.stream().filter(x -> !x.changes().isEmpty()).toList();
        if (!changed.isEmpty()) {
            s.append("## Change points\n\n| benchmark | unit | change points |\n|---|---|---|\n");
            for (Series x : changed) {
                s.append("| ").append(Markdown.text(GateReport.label(x.key()))).append(" | ")
                        .append(Markdown.text(x.unit())).append(" | ").append(Markdown.text(String.join("; ",
                                x.changes().stream().map(c -> x.describe(c, runs)).toList())))
                        .append(" |\n");
            }
            s.append('\n');
        }
        s.append("## Runs\n\n| # | run | commit | machine | folder |\n|---:|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            s.append("| ").append(i).append(" | ").append(Markdown.text(r.date())).append(" | ")
                    .append(Markdown.cellCode(r.commit())).append(r.dirty() ? " (dirty)" : "").append(" | ")
                    .append(Markdown.text(r.machine())).append(" | ").append(Markdown.text(r.folder()))
                    .append(" |\n");
        }
        s.append("\n## Every benchmark\n\n| benchmark | unit | first | last | change points |\n|---|---|---:|---:|---|\n");
        for (Series x : series) {
            s.append("| ").append(Markdown.text(GateReport.label(x.key()))).append(" | ").append(Markdown.text(x.unit()))
                    .append(" | ")
                    .append(GateReport.v(first(x.values()))).append(" | ").append(GateReport.v(last(x.values())))
                    .append(" | ").append(x.tested() ? String.valueOf(x.changes().size()) : "not tested")
                    .append(" |\n");
        }
        return s.toString();
    }

    /** Writes history.md, history.html and the charts (at most {@code maxCharts}, change points first). */
    public static void write(Path dir, List<Run> runs, List<Series> series, List<String> notes, String method,
            String tooFew, int maxCharts) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            List<String> allNotes = new ArrayList<>(notes);
            List<Series> charted = series.stream().limit(maxCharts).toList();
            if (charted.size() < series.size()) {
                allNotes.add("Charts for the first " + charted.size() + " of " + series.size() + " benchmarks (those "
                        + "with change points first); the tables list every one.");
            }
            Files.writeString(tmp.resolve("history.md"), markdown(runs, series, allNotes, method, tooFew),
                    StandardCharsets.UTF_8);
            List<ChartSpec> charts = new ArrayList<>();
            for (int i = 0; i < charted.size(); i++) {
                charts.add(chart("history-" + i, charted.get(i), runs));
            }
            Map<String, String> svgs = ChartFiles.write(charts, tmp, "h");
            List<List<ReportView.Cell>> rows = new ArrayList<>();
            for (Series x : series) {
                rows.add(List.of(ReportView.Cell.text(GateReport.label(x.key())), ReportView.Cell.text(x.unit()),
                        ReportView.Cell.num(first(x.values()), GateReport.v(first(x.values()))),
                        ReportView.Cell.num(last(x.values()), GateReport.v(last(x.values()))),
                        ReportView.Cell.text(x.tested() ? String.join("; ", x.changes().stream()
                                .map(c -> x.describe(c, runs)).toList()) : "not tested: " + tooFew)));
            }
            List<List<ReportView.Cell>> runRows = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                runRows.add(List.of(ReportView.Cell.num(i, String.valueOf(i)), ReportView.Cell.text(r.date()),
                        ReportView.Cell.text(r.commit() + (r.dirty() ? " (dirty)" : "")),
                        ReportView.Cell.text(r.machine()), ReportView.Cell.text(r.folder())));
            }
            ReportView view = new ReportView("parbench history", List.of(method), List.of(
                    new ReportView.Section("history", "Benchmarks over time", allNotes, charts, List.of(
                            new ReportView.Table("history-table", "Every benchmark (change points first)",
                                    List.of("benchmark", "unit", "first", "last", "change points"), rows))),
                    new ReportView.Section("runs", "Runs", List.of("x in the charts is the run number below."),
                            List.of(), List.of(new ReportView.Table("runs-table", "The runs, oldest first",
                                    List.of("#", "date", "commit", "machine", "folder"), runRows)))),
                    List.of(method, "Dashed vertical lines: change points; grey: the mean level of each segment."),
                    List.of());
            Files.writeString(tmp.resolve("history.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            ReportWriter.replace(tmp, target);
        } finally {
            ReportWriter.deleteTree(tmp);
        }
    }

    /**
     * One benchmark's line: the score per run; the level of each segment (grey, dashed); each change point as its
     * own two-point series, a vertical dashed line between the lowest and highest score (no renderer change needed).
     */
    static ChartSpec chart(String name, Series x, List<Run> runs) {
        List<ChartSpec.XY> pts = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.values().length; i++) {
            double v = x.values()[i];
            if (Double.isFinite(v)) {
                pts.add(new ChartSpec.XY(i, v, Double.NaN, Double.NaN));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        series.add(new ChartSpec.Series("score (" + x.unit() + ")", SCORE, false, true, pts));
        if (!x.changes().isEmpty()) {
            List<ChartSpec.XY> level = new ArrayList<>();
            int start = 0;
            for (int c = 0; c <= x.changes().size(); c++) {
                int end = c < x.changes().size() ? x.changes().get(c).index() : x.values().length;
                double logMean = c < x.changes().size() ? x.changes().get(c).before()
                        : x.changes().get(c - 1).after();
                level.add(new ChartSpec.XY(start, Math.exp(logMean), Double.NaN, Double.NaN));
                level.add(new ChartSpec.XY(end - 1, Math.exp(logMean), Double.NaN, Double.NaN));
                start = end;
            }
            series.add(new ChartSpec.Series("segment level", LEVEL, true, false, level));
        }
        for (ChangePoints.Change c : x.changes()) {
            double at = c.index() - 0.5;
            series.add(new ChartSpec.Series(String.format(Locale.ROOT, "change %+.1f%% at run %d",
                    Series.percent(c), c.index()), CHANGE, true, false, List.of(new ChartSpec.XY(at, lo,
                            Double.NaN, Double.NaN), new ChartSpec.XY(at, hi, Double.NaN, Double.NaN))));
        }
        String first = runs.isEmpty() ? "" : runs.get(0).label();
        String last = runs.isEmpty() ? "" : runs.get(runs.size() - 1).label();
        return new ChartSpec.Line(name, GateReport.label(x.key()), x.key() + " | runs " + first + " .. " + last,
                "run #", x.unit() + (x.higherIsBetter() ? " (higher is better)" : " (lower is better)"), false,
                false, true, series, List.of());
    }

    private static double first(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return x;
            }
        }
        return Double.NaN;
    }

    private static double last(double[] v) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (Double.isFinite(v[i])) {
                return v[i];
            }
        }
        return Double.NaN;
    }
}
