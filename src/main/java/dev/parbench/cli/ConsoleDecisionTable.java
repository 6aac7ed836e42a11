package dev.parbench.cli;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's decision table for the terminal: per workload and size, the model to use, its speedup over sequential
 * with its interval, and whether that is a claim. It reads the analysis's best figures, the same the HTML decision
 * table shows, and computes no statistics of its own. Lines stay within {@link #WIDTH} columns: long cells are cut
 * with an ellipsis (the report has them whole).
 */
final class ConsoleDecisionTable {
    static final int WIDTH = 99;
    private static final List<String> HEADER = List.of("workload", "size", "use", "speedup",
            "evidence");
    /** Columns that may be cut when the table is too wide, in this order; size and speedup never are. */
    private static final int[] CUTTABLE = {2, 4, 0};
    private static final int MIN_CUT = 8;

    private ConsoleDecisionTable() {
    }

    /** The table as lines (a title line, the header, one row per workload and size); empty when nothing to decide. */
    static List<String> lines(Analysis analysis) {
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.WorkloadResult w : analysis.workloads()) {
            if (w.points().isEmpty()) {
                continue;
            }
            for (Analysis.Best b : w.best()) {
                rows.add(row(w, b));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        rows.add(0, HEADER);
        int[] widths = widths(rows);
        List<String> out = new ArrayList<>();
        out.add("[parbench] which model to use, at the parallelism measured (the report says why):");
        for (List<String> r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = cut(r.get(i), widths[i]);
                s.append("  ").append(i == r.size() - 1 ? cell : pad(cell, widths[i]));
            }
            out.add(s.toString().stripTrailing());
        }
        out.add("  [a, b]: a 95% interval; (range a-b): the forks' range; any of: they tie within the noise");
        return out;
    }

    private static List<String> row(Analysis.WorkloadResult w, Analysis.Best b) {
        boolean sequential = b.strategy().equals("sequential");
        String speedup = sequential ? "1 (baseline)" : speedup(b.speedup());
        String workload = w.workload() + (w.kernel().isEmpty() || w.kernel().equals("simd") ? "" : "/" + w.kernel());
        return List.of(workload, size(b.size()), dev.parbench.report.Advice.use(b), speedup,
                dev.parbench.report.Advice.evidence(w, b));
    }

    /** {@code 1.83x [1.75, 1.91]}, or {@code 1.83x (range 1.75-1.91)} when too few forks give only a range. */
    static String speedup(Estimate e) {
        String point = String.format(Locale.ROOT, "%.2fx", e.point());
        if (!Double.isFinite(e.low()) || !Double.isFinite(e.high())) {
            return point;
        }
        return point + String.format(Locale.ROOT, e.interval() ? " [%.2f, %.2f]" : " (range %.2f-%.2f)", e.low(),
                e.high());
    }

    /** 1000, 1k, 32k, 1M, 32M: powers of two with k/M/G, as the report writes sizes. */
    static String size(long n) {
        for (int shift = 30; shift >= 10; shift -= 10) {
            if (n >= 1L << shift && n % (1L << shift) == 0) {
                return n / (1L << shift) + (shift == 30 ? "G" : shift == 20 ? "M" : "k");
            }
        }
        return Long.toString(n);
    }

    /** Natural widths, then the cuttable columns narrowed (widest first) until a row fits in {@link #WIDTH}. */
    private static int[] widths(List<List<String>> rows) {
        int[] w = new int[HEADER.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        int total = 2 * w.length;
        for (int x : w) {
            total += x;
        }
        for (int i : CUTTABLE) {
            int over = total - WIDTH;
            if (over <= 0) {
                break;
            }
            int cut = Math.min(over, Math.max(0, w[i] - MIN_CUT));
            w[i] -= cut;
            total -= cut;
        }
        return w;
    }

    private static String cut(String text, int width) {
        String s = text.replaceAll("\\p{Cntrl}", "?"); // names from a results file: no terminal escapes
        // "~", not an ellipsis: a console without a UTF-8 locale prints "?" for one
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "~";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
