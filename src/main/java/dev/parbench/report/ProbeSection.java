package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
import static dev.parbench.report.Formats.bracketTime;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.gb;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.workload.Ceiling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's section on the machine's ceilings: what the probes measured, in sentences and one table. */
final class ProbeSection {
    private ProbeSection() {
    }

    static ReportView.Section of(Analysis.Probe p, Machine m) {
        List<String> summary = new ArrayList<>();
        if (!p.oneCore().isEmpty()) {
            summary.add(String.format(Locale.ROOT, "This machine's memory delivers %s GB/s reading with one core and "
                    + "%s GB/s with all %s cores; a STREAM-like add (two reads, one write) %s and %s GB/s. These are "
                    + "the ceilings of the memory-bound workloads below (STREAM's convention: the best fork's rate; "
                    + "the interval spans the slowest to the fastest fork).", gb(p.oneCore().get(Ceiling.READ)),
                    gb(p.allCores().get(Ceiling.READ)), m.cores(), gb(p.oneCore().get(Ceiling.ADD)),
                    gb(p.allCores().get(Ceiling.ADD))));
        }
        if (p.loopback() != null) {
            summary.add(String.format(Locale.ROOT, "One loopback TCP connection carries %s GB/s of raw bulk bytes, "
                    + "memory to memory: the ceiling for what the socket models can move over one connection.", gb(p.loopback())));
        }
        if (p.pipe() != null) {
            summary.add(String.format(Locale.ROOT, "One pipe to a child JVM carries %s GB/s of raw bulk bytes, memory "
                    + "to memory: the ceiling for what the process models can move over one pipe.", gb(p.pipe())));
        }
        if (p.workerStart() != null) {
            summary.add(String.format(Locale.ROOT, "Starting a worker JVM until it answers, and letting it exit, "
                    + "takes %s %s: process-per-task pays that for every task.",
                    TimeUnits.format(p.workerStart().point()), bracketTime(p.workerStart())));
        }
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (Ceiling c : Ceiling.values()) {
            addRow(rows, c.label(), "1", p.oneCore().get(c));
            addRow(rows, c.label(), "all", p.allCores().get(c));
        }
        addRow(rows, "loopback TCP, one connection", "1", p.loopback());
        addRow(rows, "pipe to a child JVM", "1", p.pipe());
        ReportView.Table t = new ReportView.Table("probe-table", "Bandwidth probes (memory: "
                + Formats.size(p.elements()) + " elements per array)",
                List.of("probe", "threads", "GB/s (best fork)", "range over forks"), rows);
        List<ReportView.Table> tables = new ArrayList<>(List.of(t));
        List<ChartSpec> charts = new ArrayList<>();
        if (p.sweep().stream().mapToInt(Analysis.ProbeLevel::elements).distinct().count() > 1) {
            summary.add(sweepSentence(p, m));
            tables.add(sweepTable(p));
            charts.add(sweepChart(p, m));
        }
        return new ReportView.Section("probe", "Machine ceilings (probes)", summary, charts, tables);
    }

    /** The memory hierarchy in one sentence: the probe at its smallest and largest size, one core and all. */
    private static String sweepSentence(Analysis.Probe p, Machine m) {
        List<Analysis.ProbeLevel> read = p.sweep().stream().filter(l -> l.ceiling() == Ceiling.READ).toList();
        List<Analysis.ProbeLevel> levels = read.isEmpty() ? p.sweep() : read;
        Analysis.ProbeLevel small = levels.stream().filter(l -> !l.allCores())
                .min(java.util.Comparator.comparingInt(Analysis.ProbeLevel::elements)).orElse(levels.get(0));
        Analysis.ProbeLevel large = levels.stream().filter(l -> !l.allCores())
                .max(java.util.Comparator.comparingInt(Analysis.ProbeLevel::elements)).orElse(levels.get(0));
        return String.format(Locale.ROOT, "The probe sweeps array sizes, so each size of a memory-bound workload is "
                + "read against the probe at that size (or the nearest one measured): on one core, the %s probe "
                + "moves %s GB/s with %s per array, and %s GB/s with %s (central figures; best forks %s and %s). The curve is "
                + "measured, not derived from the cache sizes the machine reports (a VM may report its host's).",
                large.ceiling().probeMethod(), fmt(small.central().point(), 1), bytes(small.bytes()),
                fmt(large.central().point(), 1), bytes(large.bytes()), fmt(small.best().point(), 1),
                fmt(large.best().point(), 1));
    }

    private static String bytes(long b) {
        return b >= 1 << 30 ? fmt(b / (double) (1L << 30), 1) + " GiB" : b >= 1 << 20 ? (b >> 20) + " MiB"
                : (b >> 10) + " KiB";
    }

    private static ReportView.Table sweepTable(Analysis.Probe p) {
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (Analysis.ProbeLevel l : p.sweep()) {
            rows.add(List.of(ReportView.Cell.text(l.ceiling().label()),
                    ReportView.Cell.text(l.allCores() ? "all" : "1"),
                    ReportView.Cell.num(l.elements(), Formats.size(l.elements())),
                    ReportView.Cell.num(l.bytes(), bytes(l.bytes())),
                    ReportView.Cell.num(l.central().point(), fmt(l.central().point(), 1)),
                    ReportView.Cell.text(bracket(l.central(), 1)),
                    ReportView.Cell.num(l.best().point(), fmt(l.best().point(), 1)),
                    ReportView.Cell.num(l.central().forks(), String.valueOf(l.central().forks()))));
        }
        return new ReportView.Table("probe-sweep", "Bandwidth probe over sizes (the memory-hierarchy curve)",
                List.of("probe", "threads", "elements", "bytes moved per op", "GB/s (central)",
                        "95% interval or range", "GB/s (best fork)", "forks"), rows);
    }

    private static ChartSpec sweepChart(Analysis.Probe p, Machine m) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (Ceiling c : Ceiling.values()) {
            for (boolean all : List.of(false, true)) {
                List<ChartSpec.XY> pts = new ArrayList<>();
                for (Analysis.ProbeLevel l : p.sweep()) {
                    if (l.ceiling() == c && l.allCores() == all) {
                        pts.add(new ChartSpec.XY(l.elements(), l.central().point(), l.central().low(),
                                l.central().high(), l.central(), "best fork " + fmt(l.best().point(), 1)
                                        + " GB/s, " + bytes(l.bytes()) + " per op", List.of()));
                    }
                }
                if (!pts.isEmpty()) {
                    series.add(new ChartSpec.Series(c.probeMethod() + ", " + (all ? "all cores" : "1 core"),
                            c == Ceiling.READ ? (all ? READ_ALL : READ_ONE) : (all ? ADD_ALL : ADD_ONE), !all, true,
                            pts));
                }
            }
        }
        return new ChartSpec.Line("probe-sweep", "Memory bandwidth vs array size (the bandwidth probe)",
                m.oneLine() + " | central figure of the forks, whiskers: 95% interval (range below 3 forks) | "
                        + "log-log", "array size (elements, log scale)", "GB/s (10^9 bytes per second, log scale)",
                true, true, false, series, List.of(), AxisUnit.ELEMENTS, AxisUnit.NUMBER);
    }

    private static final java.awt.Color READ_ONE = new java.awt.Color(0x92, 0xC5, 0xDE);
    private static final java.awt.Color READ_ALL = new java.awt.Color(0x21, 0x66, 0xAC);
    private static final java.awt.Color ADD_ONE = new java.awt.Color(0xF4, 0xA5, 0x82);
    private static final java.awt.Color ADD_ALL = new java.awt.Color(0xB2, 0x18, 0x2B);

    private static void addRow(List<List<ReportView.Cell>> rows, String kernel, String threads, Estimate e) {
        if (e != null) {
            rows.add(List.of(ReportView.Cell.text(kernel), ReportView.Cell.text(threads),
                    ReportView.Cell.num(e.point(), fmt(e.point(), 1)), ReportView.Cell.text(bracket(e, 1))));
        }
    }
}
