package dev.parbench.report;

import static dev.parbench.report.Formats.bytes;
import static dev.parbench.report.Formats.count;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.sig;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.report.ReportView.Cell;
import dev.parbench.strategy.CostMetric;
import dev.parbench.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why each model costs what it costs, in a workload's section: one table of what every model cost per operation
 * beside its time (bytes moved between processes, JVMs and threads started, bytes allocated in the benchmark JVM, the
 * share of a link's time spent moving data), at the largest size measured with costs; the line that says what the
 * table counts, or that the run did not count costs; and the decision's sentence on the out-of-process model that
 * loses most. Picks and formats the analysis's {@link Analysis.Cost} figures; computes nothing.
 */
final class CostTable {
    private CostTable() {
    }

    static final List<String> HEADERS = List.of("model", "parallelism", "size", "time/op", "bytes moved/op",
            "JVMs started/op", "platform threads started/op", "allocated/op (this JVM)",
            "moving data: share of a link's time");

    /**
     * Every model (at each parallelism) at the largest size it was measured at with costs, largest sizes first (a
     * run may measure the out-of-process models at a smaller size than the others: they are in the table all the
     * same, with their size), or empty when the run counted none.
     */
    static List<Analysis.Cost> largest(Analysis.WorkloadResult w) {
        java.util.Map<String, Analysis.Cost> best = new java.util.LinkedHashMap<>();
        for (Analysis.Cost c : w.costs()) {
            best.merge(c.strategy() + "/" + c.parallelism(), c, (a, b) -> b.size() > a.size() ? b : a);
        }
        return best.values().stream().sorted(java.util.Comparator.comparingInt((Analysis.Cost c) -> -c.size()))
                .toList();
    }

    /** "32M", or "32M (1M for some models)": the sizes the table holds. */
    private static String sizes(List<Analysis.Cost> costs) {
        List<String> s = costs.stream().map(Analysis.Cost::size).distinct().map(Formats::size).toList();
        return s.size() == 1 ? s.get(0) : s.get(0) + " (" + String.join(", ", s.subList(1, s.size()))
                + " for the models measured only there)";
    }

    /** The cost table of a workload's section, or empty (the run did not count costs: {@link #line} says so). */
    static Optional<ReportView.Table> of(String id, Analysis.WorkloadResult w) {
        List<Analysis.Cost> costs = largest(w);
        if (costs.isEmpty()) {
            return Optional.empty();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Analysis.Cost c : costs) {
            rows.add(List.of(Cell.text(c.strategy()), Cell.num(c.parallelism(), String.valueOf(c.parallelism())),
                    Cell.num(c.size(), size(c.size())), Cell.num(c.time().point(), TimeUnits.format(c.time().point())),
                    bytesCell(c), perOp(c, CostMetric.JVMS), perOp(c, CostMetric.THREADS), allocCell(c),
                    transferCell(c)));
        }
        return Optional.of(new ReportView.Table(id + "-costs", w.title() + ": what each operation cost at "
                + sizes(costs) + ", beside its time", HEADERS, rows));
    }

    /** The section's line about its cost table, or the one line saying the run counted no costs. */
    static Optional<String> line(Analysis.WorkloadResult w) {
        if (w.points().isEmpty()) {
            return Optional.empty();
        }
        if (w.costs().isEmpty()) {
            return Optional.of("This run did not count what each operation cost besides its time (bytes moved, JVMs "
                    + "and threads started, allocation): its results were written without parbench's cost profile.");
        }
        return Optional.of("What each operation cost at " + sizes(largest(w)) + " (table below): the "
                + "bytes moved between processes, counted at the benchmark JVM's end (every frame it wrote to or "
                + "read from a worker's pipe or socket, every copy through a shared mapping, an engine client's own "
                + "byte counters); the JVMs and platform threads it started (the JVM does not count virtual "
                + "threads); what it allocated (threads that ended included; what child JVMs allocate is not "
                + "included); and for the out-of-process models the share of a link's time spent writing and "
                + "reading frames or copying through the mapping.");
    }

    /**
     * The decision's sentence on the out-of-process model that loses most: the lowest speedup over sequential among
     * the out-of-process rows of each workload's cost table, with what it moved, over what, and how much of its time
     * that took. Empty when no such row has a speedup.
     */
    static Optional<String> loser(List<Analysis.WorkloadResult> workloads) {
        Analysis.WorkloadResult where = null;
        Analysis.Cost worst = null;
        double worstSpeedup = Double.POSITIVE_INFINITY;
        for (Analysis.WorkloadResult w : workloads) {
            for (Analysis.Cost c : largest(w)) {
                Optional<Analysis.Point> p = w.point(c.strategy(), c.parallelism(), c.size());
                double s = p.map(x -> x.speedup().point()).orElse(Double.NaN);
                if (c.outOfProcess() && Double.isFinite(s) && s < worstSpeedup) {
                    worstSpeedup = s;
                    worst = c;
                    where = w;
                }
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        Analysis.Cost c = worst;
        StrategyKind.Transport t = StrategyKind.find(c.strategy()).map(StrategyKind::transport).orElseThrow();
        int links = (int) Math.round(c.figure(CostMetric.LINKS).map(Estimate::point).orElse((double) c.parallelism()));
        Estimate seq = where.baseline().get(c.size());
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Of the out-of-process models, %s (p=%d) loses most against sequential: on %s at %s it takes %s per "
                        + "operation (%sx sequential's %s). ", c.strategy(), c.parallelism(), where.title(),
                size(c.size()), TimeUnits.format(c.time().point()), worstSpeedup < 0.01 ? sig(worstSpeedup)
                        : fmt(worstSpeedup, 2), seq == null ? "n/a" : TimeUnits.format(seq.point())));
        Optional<Estimate> moved = c.figure(CostMetric.WIRE_BYTES);
        Optional<Estimate> busy = c.figure(CostMetric.TRANSFER_TIME);
        String time = TimeUnits.format(c.time().point());
        b.append(c.strategy()).append(moved.map(m -> " moves " + bytes(m.point()) + " per operation over "
                + over(t, links)).orElse("'s bytes on the wire were not counted"));
        if (busy.isPresent()) {
            String spent = TimeUnits.format(busy.get().point());
            b.append(links > 1 ? ": each " + noun(t)[0] + " is busy moving data for " + spent + " of the operation's "
                    + time : ": " + spent + " of its " + time + " go to moving data");
        } else {
            b.append(" (its time moving data is not measured; it takes ").append(time).append(" per operation)");
        }
        c.figure(CostMetric.JVMS).filter(j -> j.point() >= 0.5).ifPresent(j -> b.append(", and it starts ")
                .append(count(j.point())).append(count(j.point()).equals("1") ? " JVM" : " JVMs")
                .append(" per operation"));
        return Optional.of(b.append('.').toString());
    }

    /** "one pipe", "2 sockets", "2 pipes and a shared mapping": the links of a transport, in words. */
    static String over(StrategyKind.Transport t, int links) {
        String n = links == 1 ? "one " + noun(t)[0] : links + " " + noun(t)[1];
        return t.copiesOutputBack() ? n + " and a shared mapping" : n;
    }

    /** What one link of a transport is called, singular and plural. */
    private static String[] noun(StrategyKind.Transport t) {
        return switch (t) {
            case PIPES, PIPES_RESIDENT, SHARED_MEMORY -> new String[] {"pipe", "pipes"};
            case TCP, TCP_RESIDENT -> new String[] {"socket", "sockets"};
            case ENGINE, ENGINE_RESIDENT -> new String[] {"client connection", "client connections"};
            case IN_JVM -> new String[] {"link", "links"};
        };
    }

    private static Cell bytesCell(Analysis.Cost c) {
        return c.figure(CostMetric.WIRE_BYTES).map(e -> Cell.num(e.point(), bytes(e.point())))
                .orElse(Cell.text(c.outOfProcess() ? "not counted: its connections did not report their bytes"
                        : "not counted"));
    }

    private static Cell allocCell(Analysis.Cost c) {
        return c.figure(CostMetric.ALLOC_BYTES).map(e -> Cell.num(e.point(), bytes(e.point())))
                .orElse(Cell.text("not counted: this JVM cannot say"));
    }

    private static Cell perOp(Analysis.Cost c, CostMetric m) {
        return c.figure(m).map(e -> Cell.num(e.point(), count(e.point()))).orElse(Cell.text("not counted"));
    }

    private static Cell transferCell(Analysis.Cost c) {
        Optional<Estimate> share = c.figure(CostMetric.TRANSFER_SHARE);
        Optional<Estimate> busy = c.figure(CostMetric.TRANSFER_TIME);
        if (share.isPresent() && busy.isPresent()) {
            double links = c.figure(CostMetric.LINKS).map(Estimate::point).orElse(Double.NaN);
            return Cell.num(share.get().point(), fmt(100 * share.get().point(), 0) + "% (" + TimeUnits.format(
                    busy.get().point()) + " per link" + (Double.isFinite(links) ? ", " + count(links)
                            + (count(links).equals("1") ? " link/op" : " links/op") : "") + ")");
        }
        return Cell.text(c.outOfProcess() ? "not measured: its connections are not timed frame by frame"
                : "none: one JVM");
    }
}
