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
            summary.add(String.format(Locale.ROOT, "One loopback TCP connection carries %s GB/s of raw bulk bytes: "
                    + "the ceiling for what the socket models can move.", gb(p.loopback())));
        }
        if (p.pipe() != null) {
            summary.add(String.format(Locale.ROOT, "One pipe to a child JVM carries %s GB/s of raw bulk bytes: the "
                    + "ceiling for what the process models can move.", gb(p.pipe())));
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
        return new ReportView.Section("probe", "Machine ceilings (probes)", summary, List.of(), List.of(t));
    }

    private static void addRow(List<List<ReportView.Cell>> rows, String kernel, String threads, Estimate e) {
        if (e != null) {
            rows.add(List.of(ReportView.Cell.text(kernel), ReportView.Cell.text(threads),
                    ReportView.Cell.num(e.point(), fmt(e.point(), 1)), ReportView.Cell.text(bracket(e, 1))));
        }
    }
}
