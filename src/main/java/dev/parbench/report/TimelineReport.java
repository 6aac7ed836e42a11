package dev.parbench.report;

import dev.parbench.strategy.TaskTrace;
import dev.parbench.strategy.TaskTrace.Phase;
import dev.parbench.report.text.Csv;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code timeline} page: per model, a Gantt chart of one traced operation (the one of median duration: one lane
 * per task, coloured by phase) and a table of every phase over all traced operations; also every moment as CSV.
 * Picks and formats; the moments come from the models' tracers ({@link TaskTrace}).
 */
public final class TimelineReport {
    private TimelineReport() {
    }

    /**
     * What was traced of one model: its id and one-sentence description, the traced operations (each a list of
     * its tasks' moments) and each operation's wall time (nanoseconds, as the caller measured it).
     */
    public record Model(String id, String description, List<List<TaskTrace>> operations, List<Long> operationNanos) {
        public Model {
            operations = List.copyOf(operations);
            operationNanos = List.copyOf(operationNanos);
            if (operations.isEmpty() || operations.size() != operationNanos.size()) {
                throw new IllegalArgumentException("a model needs at least one traced operation and its time");
            }
        }

        /** The index of the operation of median wall time (the lower median of an even count). */
        public int medianOperation() {
            Integer[] order = new Integer[operationNanos.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(operationNanos.get(a), operationNanos.get(b)));
            return order[(order.length - 1) / 2];
        }
    }

    /**
     * The phases, in order, with colours far apart in lightness where they touch (start dark, queue light, transfer
     * in mid, compute dark, transfer out mid-light, join darkest) and their names printed on every wide bar.
     */
    static final List<ChartSpec.Phase> PHASES = List.of(
            new ChartSpec.Phase(Phase.START.label(), "start", new Color(0xD5, 0x5E, 0x00)),
            new ChartSpec.Phase(Phase.QUEUE.label(), "queue", new Color(0xF0, 0xE4, 0x42)),
            new ChartSpec.Phase(Phase.TRANSFER_IN.label(), "in", new Color(0x56, 0xB4, 0xE9)),
            new ChartSpec.Phase(Phase.COMPUTE.label(), "compute", new Color(0x00, 0x72, 0xB2)),
            new ChartSpec.Phase(Phase.TRANSFER_OUT.label(), "out", new Color(0xE6, 0x9F, 0x00)),
            new ChartSpec.Phase(Phase.JOIN.label(), "join", new Color(0x44, 0x44, 0x44)));

    /** "parbench-fork-join-1" -> "fork-join-1"; "worker 127.0.0.1:4711 (pid 42)" and "worker pid 42" -> "pid 42". */
    static String place(String where) {
        if (where == null) {
            return "?";
        }
        int pid = where.indexOf("pid ");
        if (where.startsWith("worker") && pid >= 0) {
            return where.substring(pid).replace(")", "");
        }
        return where.startsWith("parbench-") ? where.substring("parbench-".length()) : where;
    }

    static String ms(double nanos) {
        double ms = nanos / 1e6;
        return Math.abs(ms) >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : Math.abs(ms) >= 1 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.3f", ms);
    }

    /** The Gantt chart of {@code m}'s median operation; {@code where}: workload, size, parallelism, machine. */
    public static ChartSpec.Gantt gantt(Model m, String where) {
        int op = m.medianOperation();
        List<TaskTrace> tasks = m.operations().get(op);
        List<String> lanes = new ArrayList<>();
        List<ChartSpec.Segment> segments = new ArrayList<>();
        for (int lane = 0; lane < tasks.size(); lane++) {
            TaskTrace t = tasks.get(lane);
            lanes.add("task " + t.task() + " · " + place(t.where()));
            for (Phase p : Phase.values()) {
                // worker moments may sit up to the alignment uncertainty out of order: never draw a negative bar
                double from = t.begin(p) / 1e6;
                double to = Math.max(from, t.end(p) / 1e6);
                String hover = "task " + t.task() + " on " + t.where() + "\n" + p.label() + ": " + ms(t.nanos(p))
                        + " ms (" + ms(t.begin(p)) + " to " + ms(t.end(p)) + " ms)"
                        + (t.uncertaintyNanos() > 0 && p != Phase.START && p != Phase.JOIN
                                ? "\nworker clock aligned within ±" + ms(t.uncertaintyNanos()) + " ms" : "");
                segments.add(new ChartSpec.Segment(lane, p.ordinal(), from, to, hover));
            }
        }
        return new ChartSpec.Gantt("timeline-" + m.id(), m.id() + ": where the time of one operation goes",
                where + " | operation " + (op + 1) + " of " + m.operations().size() + " (median, "
                        + ms(m.operationNanos().get(op)) + " ms)",
                "time since the operation began (ms)", lanes, PHASES, segments);
    }

    /** Per phase, over every task of every traced operation: median, min and max (nanoseconds). */
    static List<double[]> phaseStats(Model m) {
        List<double[]> out = new ArrayList<>();
        for (Phase p : Phase.values()) {
            double[] v = m.operations().stream().flatMap(List::stream).mapToDouble(t -> Math.max(0, t.nanos(p)))
                    .sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            out.add(new double[] {median, v[0], v[v.length - 1]});
        }
        return out;
    }

    static ReportView.Section section(Model m, String where) {
        ChartSpec.Gantt chart = gantt(m, where);
        List<double[]> stats = phaseStats(m);
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (Phase p : Phase.values()) {
            double[] s = stats.get(p.ordinal());
            rows.add(List.of(ReportView.Cell.text(p.label()), ReportView.Cell.num(s[0], ms(s[0])),
                    ReportView.Cell.num(s[1], ms(s[1])), ReportView.Cell.num(s[2], ms(s[2]))));
        }
        int tasks = m.operations().get(0).size();
        long[] wall = m.operationNanos().stream().mapToLong(Long::longValue).sorted().toArray();
        long uncertainty = m.operations().stream().flatMap(List::stream).mapToLong(TaskTrace::uncertaintyNanos)
                .max().orElse(0);
        Phase largest = Phase.COMPUTE;
        for (Phase p : Phase.values()) {
            if (stats.get(p.ordinal())[0] > stats.get(largest.ordinal())[0]) {
                largest = p;
            }
        }
        List<String> summary = new ArrayList<>();
        summary.add(m.description());
        String phases = largest == Phase.COMPUTE
                ? "Compute is the largest phase per task: median " + ms(stats.get(largest.ordinal())[0]) + " ms."
                : "The largest phase per task is " + largest.label() + ": median " + ms(stats.get(largest.ordinal())[0])
                        + " ms, against " + ms(stats.get(Phase.COMPUTE.ordinal())[0]) + " ms of compute.";
        summary.add(String.format(Locale.ROOT, "%d traced operations of %d tasks each; wall time median %s ms "
                + "(%s to %s ms). %s", m.operations().size(), tasks, ms(wall[(wall.length - 1) / 2]), ms(wall[0]),
                ms(wall[wall.length - 1]), phases));
        if (uncertainty > 0) {
            summary.add("The worker JVMs stamped their own moments (request arrived, decoded, computed); they are put "
                    + "on this JVM's clock by an NTP-style ping exchange (offset = ((t1 - t0) + (t2 - t3)) / 2, best "
                    + "of 8 pings), so they are known within ± half the best round trip: at most ±" + ms(uncertainty)
                    + " ms here.");
        }
        ReportView.Table table = new ReportView.Table("table-" + m.id(), m.id() + ": each phase per task, over all "
                + m.operations().size() + " traced operations", List.of("phase", "median (ms)", "min (ms)",
                        "max (ms)"), rows);
        return new ReportView.Section(m.id(), m.id(), summary, List.of(chart), List.of(table));
    }

    /** Every moment of every task, one line each (nanoseconds since its operation began). */
    static String csv(List<Model> models) {
        StringBuilder s = new StringBuilder("model,operation,task,where,created_ns,ready_ns,started_ns,got_data_ns,"
                + "computed_ns,returned_ns,joined_ns,uncertainty_ns\n");
        for (Model m : models) {
            for (int op = 0; op < m.operations().size(); op++) {
                for (TaskTrace t : m.operations().get(op)) {
                    s.append(Csv.cell(m.id())).append(',').append(op + 1).append(',').append(t.task())
                            .append(',').append(Csv.cell(t.where()));
                    for (long v : new long[] {t.created(), t.ready(), t.started(), t.gotData(), t.computed(),
                        t.returned(), t.joined(), t.uncertaintyNanos()}) {
                        s.append(',').append(v);
                    }
                    s.append('\n');
                }
            }
        }
        return s.toString();
    }

    /**
     * Writes {@code timeline.html}, {@code timeline.csv} and each model's chart as PNG and SVG into {@code out}
     * (built in a temporary sibling folder, then moved: never half-written). Returns the page's path.
     */
    public static Path write(Path out, String title, List<String> machine, String where, List<Model> models,
            List<String> notes) throws IOException {
        List<ReportView.Section> sections = models.stream().map(m -> section(m, where)).toList();
        ReportView view = new ReportView(title, machine, sections, notes, List.of());
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            Map<String, String> svgs = ChartFiles.write(sections.stream().flatMap(s -> s.charts().stream()).toList(),
                    tmp, "t");
            Files.writeString(tmp.resolve("timeline.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("timeline.csv"), csv(models), StandardCharsets.UTF_8);
            ReportWriter.replace(tmp, target);
        } finally {
            ReportWriter.deleteTree(tmp);
        }
        return target.resolve("timeline.html");
    }
}
