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
        return of(family, results, where, null);
    }

    /**
     * {@code probe}: the machine's transfer ceilings, drawn as reference lines on the charts of a charted secondary
     * metric in bytes per second (the channels' bandwidth) and named in its sentence; null where not measured.
     */
    static ReportView.Section of(Family family, List<Analysis.SeriesResult> results, String where,
            Analysis.Probe probe) {
        List<String> summary = new ArrayList<>(List.of(family.question()));
        List<ChartSpec> charts = new ArrayList<>();
        List<ReportView.Table> tables = new ArrayList<>();
        for (Analysis.SeriesResult r : results) {
            String name = family.id() + "-" + r.benchmark().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
            charts.add(chart(family, r, name, where));
            summary.add(sentence(family, r));
            for (String metric : family.charted()) {
                Optional<Analysis.SeriesResult> m = asResult(r, metric, family.secondary().get(metric));
                if (m.isPresent()) {
                    List<ChartSpec.Marker> markers = transferMarkers(probe);
                    ChartSpec.Line line = (ChartSpec.Line) chart(family, m.get(), name + "-" + metric, where);
                    charts.add(new ChartSpec.Line(line.name(), line.title(), line.subtitle(), line.xLabel(),
                            line.yLabel(), line.logX(), line.logY(), line.integerX(), line.series(), markers,
                            line.xUnit(), line.yUnit()));
                    summary.add(sentence(family, m.get()) + transferSentence(probe));
                }
            }
            contrasts(family, r).ifPresent(summary::add);
            secondary(family, r).ifPresent(summary::add);
            verdicts(family, r).ifPresent(summary::add);
            growth(family, r).ifPresent(summary::add);
            tables.add(table(family, r, name));
        }
        return new ReportView.Section(family.id(), family.title(), summary, charts, tables);
    }

    /**
     * A charted secondary metric as a result of its own: the same lines and x, y = the metric (its points only
     * where measured; empty where this benchmark has none).
     */
    static Optional<Analysis.SeriesResult> asResult(Analysis.SeriesResult r, String metric, String meaning) {
        boolean bytesPerSecond = meaning != null && meaning.startsWith("bytes per second");
        double scale = bytesPerSecond ? 1e-9 : 1;
        List<Analysis.SeriesPoint> points = r.points().stream().filter(p -> p.secondary().containsKey(metric))
                .map(p -> new Analysis.SeriesPoint(p.variant(), p.series(), p.x(),
                        scaled(p.secondary().get(metric), scale), Map.of(), new java.util.TreeMap<>())).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        String unit = bytesPerSecond ? "GB/s" + meaning.substring("bytes per second".length())
                : meaning == null ? metric : meaning;
        return Optional.of(new Analysis.SeriesResult(r.family(), r.benchmark() + " " + metric, unit, true,
                r.variants(), r.seriesValues(), r.xs(), points));
    }

    private static Estimate scaled(Estimate e, double f) {
        return f == 1 ? e : new Estimate(e.point() * f, e.low() * f, e.high() * f, e.forks(), e.kind());
    }

    private static List<ChartSpec.Marker> transferMarkers(Analysis.Probe probe) {
        List<ChartSpec.Marker> out = new ArrayList<>();
        if (probe != null && probe.loopback() != null) {
            out.add(new ChartSpec.Marker(probe.loopback().point(), "probe: loopback TCP, 1 connection",
                    java.awt.Color.GRAY));
        }
        if (probe != null && probe.pipe() != null) {
            out.add(new ChartSpec.Marker(probe.pipe().point(), "probe: pipe to a child JVM",
                    java.awt.Color.DARK_GRAY));
        }
        return out;
    }

    private static String transferSentence(Analysis.Probe probe) {
        List<String> parts = new ArrayList<>();
        if (probe != null && probe.loopback() != null) {
            parts.add("one loopback TCP connection " + sig(probe.loopback().point()) + " GB/s");
        }
        if (probe != null && probe.pipe() != null) {
            parts.add("a pipe to a child JVM " + sig(probe.pipe().point()) + " GB/s");
        }
        return parts.isEmpty() ? "" : " The machine's transfer probes (bulk, 1 direction, grey lines): "
                + String.join(", ", parts) + ".";
    }

    /** Every point's score, for the words that name their spread. */
    private static List<dev.parbench.analysis.Estimate> scores(Analysis.SeriesResult r) {
        return r.points().stream().map(Analysis.SeriesPoint::score).toList();
    }

    private static ChartSpec chart(Family family, Analysis.SeriesResult r, String name, String where) {
        String yLabel = r.unit() + (r.higherIsBetter() ? " (higher is better)" : " (lower is better)");
        if (r.xs().isEmpty()) { // no x axis: one bar per line
            List<ChartSpec.Bar> bars = new ArrayList<>();
            for (Analysis.SeriesPoint p : r.points()) {
                bars.add(new ChartSpec.Bar(label(p), p.score().point(), p.score().low(), p.score().high(),
                        Palette.nth(r.variants().indexOf(p.variant())), p.score().forks(), r.benchmark(), row(r, p),
                        EstimateWords.of(p.score())));
            }
            return new ChartSpec.Bars(name, family.title() + ": " + r.benchmark(), where
                    + " | whiskers: " + EstimateWords.of(scores(r)), yLabel, bars, List.of(), false, AxisUnit.ofJmh(r.unit()));
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
                            p.score().low(), p.score().high(), p.score(), r.benchmark(), row(r, p))));
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
        // sizes over orders of magnitude (messages): log-log, whatever the spread of y
        boolean logY = minY > 0 && (maxY / minY >= 100 || maxX / minX >= 1000);
        // byte counts and other powers of two from 1k on: binary ticks (1k, 64k, 1M), not 1,048,576
        AxisUnit xUnit = maxX >= 1024 && r.xs().stream().allMatch(SeriesSection::powerOfTwo) ? AxisUnit.ELEMENTS
                : AxisUnit.NUMBER;
        List<String> flagged = flagged(family, r).stream().map(f -> f.word() + ": " + label(f.point()) + " at "
                + family.xParam() + " " + xUnit.value(f.point().x())).toList();
        String title = family.title() + ": " + r.benchmark() + (flagged.isEmpty() ? ""
                : " (" + String.join("; ", flagged) + ")");
        return new ChartSpec.Line(name, title, where + " | error bars: " + EstimateWords.of(scores(r))
                + (r.seriesValues().size() > 1 ? " | hollow markers: " + String.join(", ",
                        r.seriesValues().subList(1, r.seriesValues().size())) : ""),
                family.xLabel(), yLabel, logX, logY, !logX, lines, List.of(), xUnit,
                AxisUnit.ofJmh(r.unit()));
    }

    private static boolean powerOfTwo(double x) {
        return x >= 1 && x == Math.rint(x) && Long.bitCount((long) x) == 1;
    }

    /** A point where a verdict metric holds (see {@link #verdictWord}). */
    record Flagged(String word, String metric, Analysis.SeriesPoint point, Estimate value) {
    }

    /**
     * A declared secondary metric whose description starts with an upper-case word and a colon (e.g.
     * {@code "DEADLOCK: fraction of exchanges that ..."}) is a verdict: that word, or null. The verdict holds at a
     * point where the metric (a fraction) is at least one half.
     */
    static String verdictWord(String description) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Z][A-Z_-]{2,}):").matcher(description);
        return m.find() ? m.group(1) : null;
    }

    static List<Flagged> flagged(Family family, Analysis.SeriesResult r) {
        List<Flagged> out = new ArrayList<>();
        for (Map.Entry<String, String> m : family.secondary().entrySet()) {
            String word = verdictWord(m.getValue());
            if (word == null) {
                continue;
            }
            for (Analysis.SeriesPoint p : r.points()) {
                Estimate e = p.secondary().get(m.getKey());
                if (e != null && e.point() >= 0.5) {
                    out.add(new Flagged(word, m.getKey(), p, e));
                }
            }
        }
        return out;
    }

    /**
     * The verdicts in words: where a verdict metric holds, the word, the point, and what its time means there (the
     * time to detect it, not to do the work); and, of the same lines, the points where it did not hold.
     */
    private static Optional<String> verdicts(Family family, Analysis.SeriesResult r) {
        List<Flagged> flagged = flagged(family, r);
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Flagged f : flagged) {
            parts.add(String.format(Locale.ROOT, "%s: %s at %s %s (%s %s; its time there, %s %s, is the time to "
                    + "detect it)", f.word(), label(f.point()), family.xParam(), sig(f.point().x()), f.metric(),
                    sig(f.value().point()), sig(f.point().score().point()), r.unit()));
        }
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        flagged.forEach(f -> lines.add(f.point().variant()));
        for (String variant : lines) {
            List<String> fine = r.points().stream().filter(p -> p.variant().equals(variant))
                    .filter(p -> flagged.stream().noneMatch(f -> f.point() == p))
                    .map(p -> family.xParam() + " " + sig(p.x())).toList();
            if (!fine.isEmpty()) {
                parts.add(variant + " completed at " + String.join(", ", fine));
            }
        }
        return Optional.of(String.join("; ", parts) + ".");
    }

    /**
     * What the chart shows, in one sentence: the best and worst line at the largest x, and, where the x axis spans
     * orders of magnitude (message sizes), at the smallest x too.
     */
    static String sentence(Family family, Analysis.SeriesResult r) {
        double maxX = r.xs().isEmpty() ? Double.NaN : r.xs().get(r.xs().size() - 1);
        String at = atX(family, r, maxX);
        if (r.xs().size() > 1 && r.xs().get(0) > 0 && maxX / r.xs().get(0) >= 1000) {
            String low = atX(family, r, r.xs().get(0));
            at = at.substring(0, at.length() - 1) + "; " + low.substring(r.benchmark().length() + 1);
        }
        return at;
    }

    private static String xText(Family family, Analysis.SeriesResult r, double x) {
        boolean binary = r.xs().stream().allMatch(SeriesSection::powerOfTwo) && x >= 1024;
        return family.xParam() + " = " + (binary ? AxisUnit.ELEMENTS.value(x) : sig(x));
    }

    private static String atX(Family family, Analysis.SeriesResult r, double atX) {
        Comparator<Analysis.SeriesPoint> better = Comparator.comparingDouble(p -> p.score().point());
        if (!r.higherIsBetter()) {
            better = better.reversed();
        }
        List<Analysis.SeriesPoint> atMax = r.points().stream().filter(p -> Double.compare(p.x(), atX) == 0)
                .sorted(better.reversed()).toList();
        if (atMax.isEmpty()) {
            return r.benchmark() + ": no point at the largest " + family.xParam() + ".";
        }
        Analysis.SeriesPoint best = atMax.get(0);
        Analysis.SeriesPoint worst = atMax.get(atMax.size() - 1);
        String x = Double.isNaN(atX) ? "the setting measured" : xText(family, r, atX);
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

    /**
     * When the series values are numbers (e.g. ranks 2, 4, 8), how each line's score changes from the smallest to the
     * largest of them at the largest x: the scaling the hollow markers show, in words.
     */
    static Optional<String> growth(Family family, Analysis.SeriesResult r) {
        if (r.seriesValues().size() < 2 || r.xs().isEmpty()
                || !r.seriesValues().stream().allMatch(v -> v.matches("\\d+"))) {
            return Optional.empty();
        }
        List<String> sorted = r.seriesValues().stream().sorted(Comparator.comparingLong(Long::parseLong)).toList();
        String lo = sorted.get(0);
        String hi = sorted.get(sorted.size() - 1);
        double maxX = r.xs().get(r.xs().size() - 1);
        List<String> parts = new ArrayList<>();
        for (String variant : r.variants()) {
            Optional<Analysis.SeriesPoint> a = r.point(variant, lo, maxX);
            Optional<Analysis.SeriesPoint> b = r.point(variant, hi, maxX);
            if (a.isPresent() && b.isPresent() && a.get().score().point() > 0) {
                parts.add(variant + " " + Formats.fmt(b.get().score().point() / a.get().score().point(), 1) + "x");
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "From %s %s to %s at %s = %s, the score changes by: %s.", family.seriesParam(), lo, hi,
                family.xParam(), sig(maxX), String.join(", ", parts)));
    }

    /** The declared secondary metrics in words: per variant, the value at each x. */
    private static Optional<String> secondary(Family family, Analysis.SeriesResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> m : family.secondary().entrySet()) {
            if (family.charted().contains(m.getKey())) {
                continue; // it has a chart and a sentence of its own
            }
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
        headers.addAll(List.of(r.unit(), EstimateWords.of(scores(r)), "forks"));
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
            for (Map.Entry<String, String> m : family.secondary().entrySet()) {
                Estimate e = p.secondary().get(m.getKey());
                String word = verdictWord(m.getValue());
                row.add(e == null ? Cell.text("") : Cell.num(e.point(), word != null && e.point() >= 0.5
                        ? word + " (" + sig(e.point()) + ")" : sig(e.point())));
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
