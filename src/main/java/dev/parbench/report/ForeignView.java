package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The view of benchmarks that are not parbench's own (any JMH project): per benchmark, its score with a fork-level
 * interval, charted against its one numeric parameter when it has one (one line per combination of the others), as
 * bars per parameter combination otherwise, and a table of every number. At most {@link ChartLimits#MAX_CHARTS}
 * charts; the summary says when there would have been more.
 */
final class ForeignView {
    private static final int MAX_SERIES = 10;

    private ForeignView() {
    }

    static List<ReportView.Section> sections(List<Analysis.ForeignResult> results, String where) {
        Map<String, List<Analysis.ForeignResult>> byBenchmark = new LinkedHashMap<>();
        for (Analysis.ForeignResult r : results) {
            byBenchmark.computeIfAbsent(r.benchmark() + " (" + r.mode() + ", " + r.unit() + ")",
                    k -> new ArrayList<>()).add(r);
        }
        List<ChartSpec> charts = new ArrayList<>();
        List<Analysis.ForeignResult> noParams = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Analysis.ForeignResult>> e : byBenchmark.entrySet()) {
            List<Analysis.ForeignResult> group = e.getValue();
            if (group.size() == 1 && group.get(0).params().isEmpty()) {
                noParams.add(group.get(0));
                continue;
            }
            if (n < ChartLimits.MAX_CHARTS) {
                charts.add(chart(e.getKey(), group, where, n));
            }
            n++;
        }
        Map<String, List<Analysis.ForeignResult>> byUnit = new TreeMap<>();
        for (Analysis.ForeignResult r : noParams) {
            byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Analysis.ForeignResult>> e : byUnit.entrySet()) {
            if (charts.size() >= ChartLimits.MAX_CHARTS) {
                n++;
                continue;
            }
            List<ChartSpec.Bar> bars = new ArrayList<>();
            int i = 0;
            for (Analysis.ForeignResult r : e.getValue()) {
                bars.add(bar(shortName(r.benchmark()), r, Palette.nth(i++)));
            }
            boolean log = spansDecades(bars.stream().mapToDouble(ChartSpec.Bar::value).toArray());
            charts.add(new ChartSpec.Bars("benchmarks-" + slug(e.getKey()) + "-" + n++, "Benchmarks without "
                    + "parameters, in " + e.getKey(), where + " | whiskers: " + EstimateWords.of(e.getValue()
                    .stream().map(Analysis.ForeignResult::score).toList()) + (log ? " | log scale" : ""),
                    "score (" + e.getKey() + ")", bars, List.of(), log,
                    AxisUnit.ofJmh(e.getKey())));
        }
        List<String> summary = new ArrayList<>();
        summary.add(results.size() + " results of " + byBenchmark.size() + " benchmark(s) that are not parbench's "
                + "own: each score is the geometric mean over forks of the fork's median iteration, with a 95% t "
                + "interval over the forks from 3 forks on, the range of the forks below (JMH's own ± pools iterations "
                + "across forks).");
        if (n > charts.size()) {
            summary.add("Charts: " + ChartLimits.shown(charts.size(), n, "(one per benchmark with parameters, one "
                    + "per unit for the others)") + "; the table below has every result.");
        }
        return List.of(new ReportView.Section("benchmarks", "Benchmarks", summary, charts, List.of(table(results))));
    }

    private static ChartSpec chart(String title, List<Analysis.ForeignResult> group, String where, int n) {
        String name = "benchmark-" + n + "-" + slug(shortName(group.get(0).benchmark()));
        String unit = group.get(0).unit();
        // the parameters that vary in this group
        Map<String, TreeSet<String>> values = new TreeMap<>();
        for (Analysis.ForeignResult r : group) {
            r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        List<String> varying = values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .toList();
        String numeric = varying.stream().filter(k -> values.get(k).stream().allMatch(ForeignView::isNumber))
                .findFirst().orElse(null);
        if (numeric != null) {
            Map<String, List<ChartSpec.XY>> series = new LinkedHashMap<>();
            for (Analysis.ForeignResult r : group) {
                StringBuilder label = new StringBuilder();
                r.params().forEach((k, v) -> {
                    if (!k.equals(numeric) && varying.contains(k)) {
                        label.append(label.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                    }
                });
                String key = label.isEmpty() ? shortName(r.benchmark()) : label.toString();
                Estimate s = r.score();
                series.computeIfAbsent(key, k -> new ArrayList<>()).add(new ChartSpec.XY(
                        Double.parseDouble(r.params().get(numeric)), s.point(), s.low(), s.high(), s,
                        r.benchmark() + (r.params().isEmpty() ? "" : " [" + params(r) + "]"), rowOf(r)));
            }
            if (series.size() <= MAX_SERIES) {
                List<ChartSpec.Series> lines = new ArrayList<>();
                int i = 0;
                for (Map.Entry<String, List<ChartSpec.XY>> e : series.entrySet()) {
                    List<ChartSpec.XY> pts = new ArrayList<>(e.getValue());
                    pts.sort(java.util.Comparator.comparingDouble(ChartSpec.XY::x));
                    lines.add(new ChartSpec.Series(e.getKey(), Palette.nth(i++), false, true, pts));
                }
                double min = values.get(numeric).stream().mapToDouble(Double::parseDouble).min().orElse(1);
                double max = values.get(numeric).stream().mapToDouble(Double::parseDouble).max().orElse(1);
                boolean logX = min > 0 && max / min >= 16;
                boolean logY = spansDecades(group.stream().mapToDouble(r -> r.score().point()).toArray());
                boolean powersOfTwo = values.get(numeric).stream().mapToDouble(Double::parseDouble)
                        .allMatch(v -> v >= 1 && v == Math.rint(v) && Long.bitCount((long) v) == 1);
                return new ChartSpec.Line(name, title, where + " | error bars: " + EstimateWords.of(group
                        .stream().map(Analysis.ForeignResult::score).toList()) + (logY ? " | log scale" : ""), numeric + (logX ? " (log)" : ""),
                        "score (" + unit + ")", logX, logY, false, lines, List.of(),
                        powersOfTwo ? AxisUnit.ELEMENTS : AxisUnit.NUMBER, AxisUnit.ofJmh(unit));
            }
        }
        List<ChartSpec.Bar> bars = new ArrayList<>();
        int i = 0;
        for (Analysis.ForeignResult r : group) {
            StringBuilder label = new StringBuilder();
            r.params().forEach((k, v) -> {
                if (varying.contains(k)) {
                    label.append(label.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            bars.add(bar(label.isEmpty() ? shortName(r.benchmark()) : label.toString(), r, Palette.nth(i++)));
        }
        boolean log = spansDecades(bars.stream().mapToDouble(ChartSpec.Bar::value).toArray());
        return new ChartSpec.Bars(name, title, where + " | whiskers: " + EstimateWords.of(group.stream()
                .map(Analysis.ForeignResult::score).toList()) + (log ? " | log scale" : ""), "score (" + unit + ")", bars, List.of(), log, AxisUnit.ofJmh(unit));
    }

    private static ChartSpec.Bar bar(String label, Analysis.ForeignResult r, java.awt.Color colour) {
        Estimate s = r.score();
        return new ChartSpec.Bar(label, s.point(), s.low(), s.high(), colour, s.forks(),
                r.benchmark() + (r.params().isEmpty() ? "" : " [" + params(r) + "]"), rowOf(r),
                EstimateWords.of(s));
    }

    /** More than two decades between the smallest and the largest positive value: a linear axis hides the small. */
    static boolean spansDecades(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return values.length > 1 && max / min > 100;
    }

    private static String params(Analysis.ForeignResult r) {
        StringBuilder params = new StringBuilder();
        r.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return params.toString();
    }

    /** The leading cells of this result's row in {@link #table}: benchmark and parameters. */
    private static List<String> rowOf(Analysis.ForeignResult r) {
        return List.of(r.benchmark(), params(r));
    }

    private static ReportView.Table table(List<Analysis.ForeignResult> results) {
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (Analysis.ForeignResult r : results) {
            String params = params(r);
            StringBuilder secondary = new StringBuilder();
            r.secondary().forEach((k, v) -> secondary.append(secondary.isEmpty() ? "" : "; ").append(k).append(' ')
                    .append(num(v.point())));
            rows.add(List.of(ReportView.Cell.text(r.benchmark()), ReportView.Cell.text(params),
                    ReportView.Cell.text(r.mode()), ReportView.Cell.num(r.score().point(), num(r.score().point())),
                    ReportView.Cell.text(Formats.span(r.score(), ForeignView::num)),
                    ReportView.Cell.text(r.unit() + (r.higherIsBetter() ? " (higher is better)" : "")),
                    ReportView.Cell.num(r.score().forks(), String.valueOf(r.score().forks())),
                    ReportView.Cell.text(secondary.toString())));
        }
        return new ReportView.Table("benchmarks-table", "Every benchmark result",
                List.of("benchmark", "params", "mode", "score", EstimateWords.of(results.stream()
                        .map(Analysis.ForeignResult::score).toList()), "unit", "forks", "secondary metrics"),
                rows);
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+INF" : "-INF";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.3f" : "%.4g", v);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /**
     * A readable chart-name part from a benchmark name or unit: {@code a-z 0-9 -}, at most 40 characters. The chart's
     * number keeps names distinct; {@link HtmlPage#fileName} makes the whole name a {@link dev.parbench.report.text.Slug}.
     */
    static String slug(String s) {
        String v = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        v = v.substring(0, Math.min(v.length(), 40));
        return v.replaceAll("(^-+|-+$)", "");
    }
}
