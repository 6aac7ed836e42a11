package dev.parbench.report;

import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;
import static dev.parbench.report.Formats.xy;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.ForkIntervals;
import dev.parbench.analysis.ForkPoints;
import dev.parbench.workload.Ceiling;
import dev.parbench.workload.WorkloadKind;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The five charts of a model-matrix workload: speedup and efficiency vs parallelism at the largest size, time vs
 * size (log-log), a speedup heatmap (model x size; a star only where the claim rests on enough agreeing forks), and,
 * for memory-bound work, bandwidth over size against the probe's size sweep. The speedup and time charts show every
 * fork (or round) as a dot beside its point ({@link ForkDots}).
 * Picks and places the analysed figures; computes nothing.
 */
final class WorkloadCharts {
    private static final Color IDEAL = new Color(0x88, 0x88, 0x88);
    private static final Color CEILING = new Color(0xB2, 0x18, 0x2B);
    private static final Color CEILING_ONE = new Color(0xE0, 0x7B, 0x6A);

    private WorkloadCharts() {
    }

    static List<ChartSpec> of(String id, Analysis.WorkloadResult w, Analysis.Probe probe, String where) {
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(speedup(id, w, where));
        charts.add(time(id, w, where));
        charts.add(heatmap(id, w, where));
        charts.add(efficiency(id, w, where));
        if (w.memoryBound()) {
            charts.add(bandwidth(id, w, probe, where));
        }
        return charts;
    }

    private static ChartSpec speedup(String id, Analysis.WorkloadResult w, String where) {
        int largest = w.largestSize();
        List<ChartSpec.Series> series = new ArrayList<>();
        List<Analysis.Point> shown = new ArrayList<>();
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            List<ChartSpec.Dot> dots = new ArrayList<>();
            for (int p : w.parallelisms()) {
                w.point(s, p, largest).ifPresent(pt -> {
                    pts.add(new ChartSpec.XY(p, pt.speedup().point(), pt.speedup().low(), pt.speedup().high(),
                            pt.speedup(), config(w, largest), row(s, p, largest)));
                    dots.addAll(ForkDots.speedups(p, pt));
                    shown.add(pt);
                });
            }
            if (!pts.isEmpty()) {
                series.add(new ChartSpec.Series(s, Palette.of(s), false, true, pts, dots));
            }
        }
        int minP = w.parallelisms().isEmpty() ? 1 : w.parallelisms().get(0);
        int maxP = w.largestParallelism();
        series.add(new ChartSpec.Series("ideal (S = p)", IDEAL, true, false, List.of(xy(minP, minP), xy(maxP, maxP))));
        return new ChartSpec.Line(id + "-speedup", w.title() + ": speedup vs parallelism at " + size(largest),
                caption(where + " | error bars: 95% interval over forks (the forks' range below "
                        + ForkIntervals.MIN_FORKS + " forks)", ForkDots.speedupCaption(shown)), "parallelism (tasks)",
                "speedup over sequential (x)", false, false, true, series,
                List.of(new ChartSpec.Marker(1, "sequential", Palette.SEQUENTIAL)));
    }

    private static ChartSpec efficiency(String id, Analysis.WorkloadResult w, String where) {
        int largest = w.largestSize();
        List<ChartSpec.Series> series = new ArrayList<>();
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            for (int p : w.parallelisms()) {
                w.point(s, p, largest).ifPresent(pt -> pts.add(new ChartSpec.XY(p, pt.efficiency(),
                        pt.speedup().low() / p, pt.speedup().high() / p, pt.speedup(), config(w, largest),
                        row(s, p, largest))));
            }
            if (!pts.isEmpty()) {
                series.add(new ChartSpec.Series(s, Palette.of(s), false, true, pts));
            }
        }
        int minP = w.parallelisms().isEmpty() ? 1 : w.parallelisms().get(0);
        series.add(new ChartSpec.Series("ideal (100%)", IDEAL, true, false,
                List.of(xy(minP, 1), xy(w.largestParallelism(), 1))));
        return new ChartSpec.Line(id + "-efficiency", w.title() + ": parallel efficiency at " + size(largest),
                where + " | efficiency = speedup / parallelism", "parallelism (tasks)", "efficiency (speedup / p)",
                false, false, true, series, List.of());
    }

    private static ChartSpec time(String id, Analysis.WorkloadResult w, String where) {
        int maxP = w.sweepParallelism();
        List<ChartSpec.Series> series = new ArrayList<>();
        List<ChartSpec.XY> seq = new ArrayList<>();
        List<ChartSpec.Dot> seqDots = new ArrayList<>();
        List<ForkPoints> shown = new ArrayList<>(w.baselineForks().values());
        w.baseline().forEach((size, t) -> {
            seq.add(micros(size, t, config(w, size), row("sequential", 1, size)));
            seqDots.addAll(ForkDots.times(size, w.baselineForks().get(size), ForkDots.sequential(size)));
        });
        series.add(new ChartSpec.Series("sequential", Palette.SEQUENTIAL, false, true, seq, seqDots));
        w.otherBaselines().forEach((kernel, bySize) -> {
            List<ChartSpec.XY> pts = new ArrayList<>();
            bySize.forEach((size, t) -> pts.add(micros(size, t, "kernel=" + kernel + ", size " + size(size),
                    List.of())));
            series.add(new ChartSpec.Series("sequential (" + kernel + " kernel)", Palette.SEQUENTIAL, true, true,
                    pts));
        });
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            List<ChartSpec.Dot> dots = new ArrayList<>();
            for (int size : w.sizes()) {
                w.point(s, maxP, size).ifPresent(pt -> {
                    pts.add(micros(size, pt.time(), config(w, size), row(s, maxP, size)));
                    dots.addAll(ForkDots.times(size, pt.forks(), ForkDots.model(s, maxP, size)));
                    shown.add(pt.forks());
                });
            }
            if (!pts.isEmpty()) {
                series.add(new ChartSpec.Series(s + " (p=" + maxP + ")", Palette.of(s), false, true, pts, dots));
            }
        }
        return new ChartSpec.Line(id + "-time", w.title() + ": time per operation vs size",
                caption(where + " | models at parallelism " + maxP + " | log-log", ForkDots.timeCaption(shown)),
                "size (elements, log scale)",
                "time per operation (log scale)", true, true, false, series, List.of(), AxisUnit.ELEMENTS,
                AxisUnit.MICROSECONDS);
    }

    /** A chart's subtitle with what its dots are, when it has any. */
    private static String caption(String subtitle, String dots) {
        return dots.isEmpty() ? subtitle : subtitle + " | " + dots;
    }

    private static ChartSpec.XY micros(int size, Estimate t, String config, List<String> row) {
        return new ChartSpec.XY(size, t.point() / 1e3, t.low() / 1e3, t.high() / 1e3, t, config, row);
    }

    /** What a point measured, for its hover text. */
    private static String config(Analysis.WorkloadResult w, int size) {
        return (w.kernel().isEmpty() ? "" : "kernel=" + w.kernel() + ", ") + "size " + size(size);
    }

    /** The leading cells of the point's row in {@link WorkloadTables}' table of every configuration. */
    private static List<String> row(String strategy, int parallelism, int size) {
        return List.of(strategy, String.valueOf(parallelism), size(size));
    }

    private static ChartSpec heatmap(String id, Analysis.WorkloadResult w, String where) {
        int maxP = w.sweepParallelism();
        List<String> cols = w.sizes().stream().map(Formats::size).toList();
        List<String> rows = w.strategies();
        double[][] values = new double[rows.size()][cols.size()];
        String[][] labels = new String[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                Optional<Analysis.Point> pt = w.point(rows.get(r), maxP, w.sizes().get(c));
                values[r][c] = pt.map(x -> x.speedup().point()).orElse(Double.NaN);
                labels[r][c] = pt.map(x -> cell(x.speedup().point())
                        + (!x.claimable() ? "?" : x.speedup().above(1) ? "*" : "")).orElse("");
            }
        }
        return new ChartSpec.Heatmap(id + "-heatmap", w.title() + ": speedup by model and size (parallelism "
                + maxP + ")", where + " | * = 95% interval above 1 | ? = no claim (few forks, or forks disagree) | "
                        + "darker = faster",
                "size (elements)", "model", cols, rows, values, labels, "speedup (x)", 1.0);
    }

    /** A speedup as a heatmap cell prints it: two decimals, two significant digits below 0.1 (0.0042, not 0.00). */
    static String cell(double speedup) {
        if (speedup > 0 && speedup < 0.1) {
            return new java.math.BigDecimal(speedup).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString();
        }
        return fmt(speedup, 2);
    }

    /**
     * Achieved GB/s over size (log-log) against the bandwidth probe's size sweep: the probe's lines (one core and
     * all cores, their central figures) draw the memory-hierarchy curve, cache plateaus down to DRAM; sequential and
     * each model (at the parallelism of the size sweep) are drawn over it. Without a sweep (an older run: one probe
     * size) the probe figures are horizontal markers.
     */
    private static ChartSpec bandwidth(String id, Analysis.WorkloadResult w, Analysis.Probe probe, String where) {
        int sweepP = w.sweepParallelism();
        List<ChartSpec.Series> series = new ArrayList<>();
        Ceiling ceiling = WorkloadKind.fromId(w.workload()).traffic().ceiling();
        for (boolean all : List.of(false, true)) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            for (Analysis.ProbeLevel l : probe.sweep()) {
                if (l.ceiling() == ceiling && l.allCores() == all) {
                    pts.add(new ChartSpec.XY(l.elements(), l.central().point(), l.central().low(),
                            l.central().high(), l.central(), "probe " + ceiling.probeMethod() + ", "
                                    + (all ? "all cores" : "1 core") + ", best fork " + fmt(l.best().point(), 1)
                                    + " GB/s", List.of()));
                }
            }
            if (!pts.isEmpty()) {
                series.add(new ChartSpec.Series("probe, " + (all ? "all cores" : "1 core"), all ? CEILING
                        : CEILING_ONE, true, true, pts));
            }
        }
        List<ChartSpec.XY> seq = new ArrayList<>();
        w.baselineRate().forEach((size, r) -> seq.add(new ChartSpec.XY(size, r.point(), r.low(), r.high(), r,
                config(w, size), row("sequential", 1, size))));
        if (!seq.isEmpty()) {
            series.add(new ChartSpec.Series("sequential", Palette.SEQUENTIAL, false, true, seq));
        }
        for (String s : w.strategies()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            for (int size : w.sizes()) {
                w.point(s, sweepP, size).ifPresent(pt -> pts.add(new ChartSpec.XY(size,
                        pt.gigabytesPerSecond().point(), pt.gigabytesPerSecond().low(),
                        pt.gigabytesPerSecond().high(), pt.gigabytesPerSecond(), config(w, size),
                        row(s, sweepP, size))));
            }
            if (!pts.isEmpty()) {
                series.add(new ChartSpec.Series(s + " (p=" + sweepP + ")", Palette.of(s), false, true, pts));
            }
        }
        List<ChartSpec.Marker> markers = new ArrayList<>();
        if (probe.sweep().isEmpty()) {
            Estimate one = probe.oneCore().get(ceiling);
            Estimate all = probe.allCores().get(ceiling);
            if (one != null) {
                markers.add(new ChartSpec.Marker(one.point(), "probe, 1 core: " + fmt(one.point(), 1) + " GB/s",
                        CEILING));
            }
            if (all != null) {
                markers.add(new ChartSpec.Marker(all.point(), "probe, all cores: " + fmt(all.point(), 1) + " GB/s",
                        CEILING));
            }
        }
        return new ChartSpec.Line(id + "-bandwidth", w.title() + ": achieved bandwidth vs size, against the probe",
                where + " | " + w.bytesPerElement() + " bytes per element | dashed: the bandwidth probe at each size "
                        + "(" + ceiling.probeMethod() + ", central figure; cache plateaus, then memory) | whiskers: "
                        + "95% interval (range below " + ForkIntervals.MIN_FORKS + " forks) | log-log",
                "size (elements, log scale)", "GB/s (10^9 bytes per second, log scale)", true, true, false, series,
                markers, AxisUnit.ELEMENTS, AxisUnit.NUMBER);
    }
}
