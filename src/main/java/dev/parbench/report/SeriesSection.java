package dev.parbench.report;

import static dev.parbench.report.Formats.sig;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.family.Family;
import dev.parbench.report.ReportView.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The section of a SERIES family (a coordination pattern): per benchmark, a chart of its score vs the family's x axis
 * with one line per variant (the second series value, e.g. virtual threads, dashed beside the first), a sentence
 * saying what the chart shows, the secondary metrics in words, and a table of every point. What the axes are comes
 * from the family's declaration.
 */
final class SeriesSection {
    private SeriesSection() {
    }

    static ReportView.Section of(Family family, List<Analysis.SeriesResult> results, String where) {
        List<String> summary = new ArrayList<>(List.of(family.question()));
        List<ChartSpec> charts = new ArrayList<>();
        List<ReportView.Table> tables = new ArrayList<>();
        for (Analysis.SeriesResult r : results) {
            String name = family.id() + "-" + r.benchmark().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
            charts.add(chart(family, r, name, where));
            summary.add(sentence(family, r));
            contrasts(family, r).ifPresent(summary::add);
            secondary(family, r).ifPresent(summary::add);
            tables.add(table(family, r, name));
        }
        return new ReportView.Section(family.id(), family.title(), summary, charts, tables);
    }

    private static ChartSpec chart(Family family, Analysis.SeriesResult r, String name, String where) {
        String yLabel = r.unit() + (r.higherIsBetter() ? " (higher is better)" : " (lower is better)");
        if (r.xs().isEmpty()) { // no x axis: one bar per line
            List<ChartSpec.Bar> bars = new ArrayList<>();
            for (Analysis.SeriesPoint p : r.points()) {
                bars.add(new ChartSpec.Bar(label(p), p.score().point(), p.score().low(), p.score().high(),
                        Palette.nth(r.variants().indexOf(p.variant())), p.score().forks(), r.benchmark(), row(r, p)));
            }
            return new ChartSpec.Bars(name, family.title() + ": " + r.benchmark(), where
                    + " | whiskers: 95% interval over forks", yLabel, bars, List.of(), false, AxisUnit.ofJmh(r.unit()));
        }
        List<ChartSpec.Series> lines = new ArrayList<>();
        List<String> seriesValues = r.seriesValues().isEmpty() ? java.util.Collections.singletonList(null)
                : r.seriesValues();
        for (int v = 0; v < r.variants().size(); v++) {
            String variant = r.variants().get(v);
            for (int s = 0; s < seriesValues.size(); s++) {
                String series = seriesValues.get(s);
                List<ChartSpec.XY> pts = new ArrayList<>();
                for (double x : r.xs()) {
                    r.point(variant, series, x).ifPresent(p -> pts.add(new ChartSpec.XY(x, p.score().point(),
                            p.score().low(), p.score().high(), p.score().forks(), r.benchmark(), row(r, p))));
                }
                if (!pts.isEmpty()) {
                    lines.add(new ChartSpec.Series(series == null ? variant : variant + " (" + series + ")",
                            Palette.nth(v), s > 0, true, pts));
                }
            }
        }
        double minX = r.xs().get(0);
        double maxX = r.xs().get(r.xs().size() - 1);
        double minY = r.points().stream().mapToDouble(p -> p.score().point()).filter(y -> y > 0).min().orElse(1);
        double maxY = r.points().stream().mapToDouble(p -> p.score().point()).max().orElse(1);
        boolean logX = minX > 0 && maxX / minX >= 8;
        boolean logY = minY > 0 && maxY / minY >= 100;
        return new ChartSpec.Line(name, family.title() + ": " + r.benchmark(), where + " | error bars: 95% interval "
                + "over forks" + (r.seriesValues().size() > 1 ? " | hollow markers: " + String.join(", ",
                        r.seriesValues().subList(1, r.seriesValues().size())) : ""),
                family.xLabel(), yLabel, logX, logY, !logX, lines, List.of(), AxisUnit.NUMBER,
                AxisUnit.ofJmh(r.unit()));
    }

    /** What the chart shows, in one sentence: the best and worst line at the largest x. */
    static String sentence(Family family, Analysis.SeriesResult r) {
        double maxX = r.xs().isEmpty() ? Double.NaN : r.xs().get(r.xs().size() - 1);
        Comparator<Analysis.SeriesPoint> better = Comparator.comparingDouble(p -> p.score().point());
        if (!r.higherIsBetter()) {
            better = better.reversed();
        }
        List<Analysis.SeriesPoint> atMax = r.points().stream().filter(p -> Double.compare(p.x(), maxX) == 0)
                .sorted(better.reversed()).toList();
        if (atMax.isEmpty()) {
            return r.benchmark() + ": no point at the largest " + family.xParam() + ".";
        }
        Analysis.SeriesPoint best = atMax.get(0);
        Analysis.SeriesPoint worst = atMax.get(atMax.size() - 1);
        String x = Double.isNaN(maxX) ? "the setting measured" : family.xParam() + " = " + sig(maxX);
        if (atMax.size() == 1) {
            return String.format(Locale.ROOT, "%s at %s: %s %s %s.", r.benchmark(), x, label(best), sig(
                    best.score().point()), r.unit());
        }
        double factor = r.higherIsBetter() ? best.score().point() / worst.score().point()
                : worst.score().point() / best.score().point();
        return String.format(Locale.ROOT, "%s at %s: %s is best (%s %s %s), %s is worst (%s %s), %sx apart.",
                r.benchmark(), x, label(best), sig(best.score().point()), r.unit(), interval(best.score()),
                label(worst), sig(worst.score().point()), r.unit(), Formats.fmt(factor, 1));
    }

    /**
     * The family's declared contrasts in words: per contrast, each series value (and x) where both variants have a
     * point, "variant X vs reference Y (+D)", and what the difference means.
     */
    static Optional<String> contrasts(Family family, Analysis.SeriesResult r) {
        List<String> parts = new ArrayList<>();
        List<String> seriesValues = r.seriesValues().isEmpty() ? java.util.Collections.singletonList(null)
                : r.seriesValues();
        List<Double> xs = r.xs().isEmpty() ? List.of(Double.NaN) : r.xs();
        for (Family.Contrast c : family.contrasts()) {
            List<String> values = new ArrayList<>();
            for (String series : seriesValues) {
                for (double x : xs) {
                    Optional<Analysis.SeriesPoint> a = r.point(c.variant(), series, x);
                    Optional<Analysis.SeriesPoint> b = r.point(c.reference(), series, x);
                    if (a.isPresent() && b.isPresent()) {
                        double va = a.get().score().point();
                        double vb = b.get().score().point();
                        String where = ((series == null ? "" : series + " ")
                                + (Double.isNaN(x) ? "" : family.xParam() + " " + sig(x) + " ")).trim();
                        values.add(String.format(Locale.ROOT, "%s%s vs %s %s (%s%s %s)", where.isEmpty() ? ""
                                : where + ": ", sig(va), sig(vb), r.unit(), va >= vb ? "+" : "-",
                                sig(Math.abs(va - vb)), r.unit()));
                    }
                }
            }
            if (!values.isEmpty()) {
                parts.add(c.variant() + " against " + c.reference() + ", " + String.join("; ", values) + ": "
                        + c.meaning());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(". ", parts) + ".");
    }

    /** The declared secondary metrics in words: per variant, the value at each x. */
    private static Optional<String> secondary(Family family, Analysis.SeriesResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> m : family.secondary().entrySet()) {
            for (String variant : r.variants()) {
                List<String> values = new ArrayList<>();
                for (Analysis.SeriesPoint p : r.points()) {
                    Estimate e = p.secondary().get(m.getKey());
                    if (p.variant().equals(variant) && e != null) {
                        values.add((Double.isNaN(p.x()) ? "" : family.xParam() + " " + sig(p.x()) + " ")
                                + (p.series() == null ? "" : p.series()) + ": " + sig(e.point()));
                    }
                }
                boolean allZero = r.points().stream().filter(p -> p.variant().equals(variant))
                        .map(p -> p.secondary().get(m.getKey())).allMatch(e -> e == null || e.point() == 0);
                if (!values.isEmpty() && !allZero) {
                    parts.add(variant + " " + m.getKey() + " (" + m.getValue() + ") " + String.join(", ", values));
                }
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts) + ".");
    }

    private static ReportView.Table table(Family family, Analysis.SeriesResult r, String name) {
        List<String> headers = new ArrayList<>(List.of(family.variantParam() == null ? "variant"
                : family.variantParam()));
        if (!r.seriesValues().isEmpty()) {
            headers.add(family.seriesParam());
        }
        boolean hasX = !r.xs().isEmpty();
        if (hasX) {
            headers.add(family.xParam());
        }
        headers.addAll(List.of(r.unit(), "95% interval (or range)", "forks"));
        List<Double> quantiles = r.points().stream().flatMap(p -> p.percentiles().keySet().stream())
                .filter(q -> q == 50.0 || q == 90.0 || q == 99.0 || q == 99.9).distinct().sorted().toList();
        quantiles.forEach(q -> headers.add("p" + sig(q) + " (pooled)"));
        headers.addAll(family.secondary().keySet());
        List<List<Cell>> rows = new ArrayList<>();
        for (Analysis.SeriesPoint p : r.points()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(p.variant())));
            if (!r.seriesValues().isEmpty()) {
                row.add(Cell.text(String.valueOf(p.series())));
            }
            if (hasX) {
                row.add(Cell.num(p.x(), sig(p.x())));
            }
            row.add(Cell.num(p.score().point(), sig(p.score().point())));
            row.add(Cell.text(interval(p.score())));
            row.add(Cell.num(p.score().forks(), String.valueOf(p.score().forks())));
            for (double q : quantiles) {
                Double v = p.percentiles().get(q);
                row.add(v == null ? Cell.text("") : Cell.num(v, sig(v)));
            }
            for (String m : family.secondary().keySet()) {
                Estimate e = p.secondary().get(m);
                row.add(e == null ? Cell.text("") : Cell.num(e.point(), sig(e.point())));
            }
            rows.add(row);
        }
        return new ReportView.Table(name + "-table", family.title() + ": " + r.benchmark() + ", every point",
                headers, rows);
    }

    /** The leading cells of the point's row in the family's table. */
    private static List<String> row(Analysis.SeriesResult r, Analysis.SeriesPoint p) {
        List<String> cells = new ArrayList<>(List.of(p.variant()));
        if (!r.seriesValues().isEmpty()) {
            cells.add(String.valueOf(p.series()));
        }
        if (!r.xs().isEmpty()) {
            cells.add(sig(p.x()));
        }
        return cells;
    }

    private static String label(Analysis.SeriesPoint p) {
        return p.series() == null ? p.variant() : p.variant() + " (" + p.series() + ")";
    }

    private static String interval(Estimate e) {
        return Formats.span(e, Formats::sig);
    }
}
