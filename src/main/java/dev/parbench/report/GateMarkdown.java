package dev.parbench.report;

import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import dev.parbench.report.text.Markdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gate.md, the file CI appends to the job summary or posts as a pull-request comment, answer first: line one is the
 * overall verdict, then the verdicts table (one row per benchmark, suspects first, five short columns), every line of
 * which is at most {@link #WIDTH} characters so that it reads without scrolling sideways. A label that would make its
 * line longer loses the parameters its workload's rows share, then is cut with "…"; the row's number leads to its
 * entry in full below the table. After the table: the mode
 * and the notes, the regressions explained, those past the threshold but undecided, every benchmark in full (its JMH
 * key, both sides, its reason), and how to read the figures with the settings used. Every value read from the input
 * goes through {@link Markdown}.
 */
final class GateMarkdown {
    /** The longest line of the verdicts table, in characters (code points). */
    static final int WIDTH = 100;
    static final String HEADER = "| # | benchmark | verdict | cost change [95% interval] | p (adj.) |";

    private GateMarkdown() {
    }

    static String of(GateResult r) {
        StringBuilder s = new StringBuilder();
        String icon = switch (r.overall()) {
            case REGRESSION -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case IMPROVED -> "🚀";
            case PASS -> "✅";
        };
        s.append("## ").append(icon).append(" parbench performance gate: ").append(headline(r)).append("\n\n");
        List<BenchmarkVerdict> rows = GateReport.suspectsFirst(r.verdicts());
        List<String> labels = rows.stream().map(b -> GateReport.label(b.key())).toList();
        s.append(HEADER).append("\n|---:|---|---|---:|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            s.append(row(i + 1, rows.get(i), labels.get(i), distinct(labels.get(i), labels))).append('\n');
        }
        s.append("\n_").append(Markdown.text(r.mode())).append("_\n\n");
        r.notes().forEach(n -> s.append("> ").append(Markdown.text(n)).append("\n"));
        if (!r.notes().isEmpty()) {
            s.append('\n');
        }
        List<BenchmarkVerdict> regressions = rows.stream().filter(b -> b.verdict() == Verdict.REGRESSION).toList();
        if (!regressions.isEmpty()) {
            s.append("### Regressions\n\n");
            regressions.forEach(b -> s.append("- **").append(Markdown.text(GateReport.label(b.key()))).append("**: ")
                    .append(GateReport.explain(b)).append("\n"));
            s.append('\n');
        }
        List<BenchmarkVerdict> undecided = rows.stream().filter(b -> b.verdict() != Verdict.REGRESSION
                && b.ratio() >= 1 + b.settings().threshold()).toList();
        if (!undecided.isEmpty()) {
            s.append("### Past the threshold but not decided\n\n");
            undecided.forEach(b -> s.append("- ").append(Markdown.text(GateReport.label(b.key()))).append(" (")
                    .append(b.verdict()).append("): ").append(GateReport.explain(b)).append(" — ")
                    .append(Markdown.text(b.reason())).append("\n"));
            s.append('\n');
        }
        s.append("### Every benchmark in full\n\n");
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkVerdict b = rows.get(i);
            s.append(i + 1).append(". ").append(Markdown.text(GateReport.label(b.key()))).append(": ")
                    .append(Markdown.code(b.key())).append(" — ").append(b.verdict()).append(", baseline ")
                    .append(GateReport.v(b.baseline())).append(", candidate ").append(GateReport.v(b.candidate()))
                    .append("; ").append(GateReport.explain(b))
                    .append(b.reason().isEmpty() ? "" : " — " + Markdown.text(b.reason())).append('\n');
        }
        s.append("\nCost change: the candidate's cost per operation against the baseline's (time per operation, or "
                + "1 / throughput; + is slower), the Hodges-Lehmann estimate over forks with its 95% bootstrap "
                + "interval (in full: as a ratio, candidate / baseline cost). p: one-sided rank test of \"slower by "
                + "more than the noise margin\" (of \"faster\" for IMPROVED: the side the verdict is on), corrected "
                + "across all benchmarks (Holm or Benjamini-Hochberg: see the notes). ").append(settings(r.verdicts()))
                .append('\n');
        return s.toString();
    }

    /** "REGRESSION — 2 regressed, 15 passed (17 benchmarks)": the overall verdict and the count of each. */
    static String headline(GateResult r) {
        StringBuilder s = new StringBuilder(r.overall().name()).append(" — ");
        String sep = "";
        for (Verdict v : List.of(Verdict.REGRESSION, Verdict.INCONCLUSIVE, Verdict.IMPROVED, Verdict.PASS)) {
            long n = r.count(v);
            if (n > 0) {
                s.append(sep).append(n).append(switch (v) {
                    case REGRESSION -> " regressed";
                    case INCONCLUSIVE -> " inconclusive";
                    case IMPROVED -> " improved";
                    case PASS -> " passed";
                });
                sep = ", ";
            }
        }
        int n = r.verdicts().size();
        if (n == 0) {
            return s.append("no benchmark was gated").toString();
        }
        return s.append(" (").append(n).append(n == 1 ? " benchmark)" : " benchmarks)").toString();
    }

    /**
     * One table line of at most {@link #WIDTH} code points: the label whole if it fits in what the other cells leave,
     * else its {@link #distinct} form, cut with "…" if that is still too long.
     */
    private static String row(int number, BenchmarkVerdict b, String label, String distinct) {
        String verdict = b.verdict() == Verdict.PASS ? "PASS" : "**" + b.verdict() + "**";
        String rest = " | " + verdict + " | " + change(b) + " | " + p(GateReport.verdictP(b)) + " |";
        String head = "| " + number + " | ";
        int max = WIDTH - width(head) - width(rest);
        return head + (width(Markdown.text(label)) <= max ? Markdown.text(label) : fit(distinct, max)) + rest;
    }

    /**
     * {@code label} without the parts every label of its workload shares, an ellipsis in their place: "queue ·
     * handoff · consumers=4 · threads=virtual · variant=monitor" among other queue rows that differ only in threads
     * and variant reads "queue · … · threads=virtual · variant=monitor". The label itself when it is its workload's
     * only one or nothing is shared.
     */
    static String distinct(String label, List<String> labels) {
        List<String> parts = List.of(label.split(" · "));
        List<List<String>> same = labels.stream().map(l -> List.of(l.split(" · ")))
                .filter(p -> p.get(0).equals(parts.get(0))).toList();
        if (same.size() < 2) {
            return label;
        }
        List<String> kept = parts.subList(1, parts.size()).stream()
                .filter(p -> !same.stream().allMatch(o -> o.contains(p))).toList();
        if (kept.size() == parts.size() - 1) {
            return label;
        }
        return parts.get(0) + " · …" + (kept.isEmpty() ? "" : " · " + String.join(" · ", kept));
    }

    /** {@code label} escaped for a cell, cut (before escaping, then ended with "…") to at most {@code max}. */
    static String fit(String label, int max) {
        String whole = Markdown.text(label);
        if (width(whole) <= max) {
            return whole;
        }
        int[] cps = label.codePoints().toArray();
        for (int n = cps.length - 1; n > 0; n--) {
            String cut = Markdown.text(new String(cps, 0, n).replaceAll("[\\s·]+$", "") + "…");
            if (width(cut) <= max) {
                return cut;
            }
        }
        return "…";
    }

    /** "+15.3% [+13.0%, +18.0%]": the cost change with its 95% interval (the point alone without one). */
    static String change(BenchmarkVerdict b) {
        if (!Double.isFinite(b.ratio())) {
            return "n/a";
        }
        String point = percent(b.ratio());
        return Double.isFinite(b.ratioLow()) && Double.isFinite(b.ratioHigh())
                ? point + " [" + percent(b.ratioLow()) + ", " + percent(b.ratioHigh()) + "]" : point;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (ratio - 1));
    }

    /** Two significant digits (0.0020, 0.30, 1.0), as the explanations give them. */
    static String p(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2g", p) : "n/a";
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    /** "Settings: threshold 10% (15% for 2 benchmarks, by rule), noise margin δ 2%, α 0.05 for the family." */
    private static String settings(List<BenchmarkVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "";
        }
        return "Settings: threshold " + common(verdicts, b -> String.format(Locale.ROOT, "%.0f%%",
                100 * b.settings().threshold())) + ", noise margin δ " + common(verdicts, b -> String.format(
                Locale.ROOT, "%.0f%%", 100 * b.settings().delta())) + ", α " + common(verdicts, b -> java.math.BigDecimal
                .valueOf(b.settings().alpha()).stripTrailingZeros().toPlainString()) + " for the family.";
    }

    /** The value most benchmarks have, then the others with how many have each. */
    private static String common(List<BenchmarkVerdict> verdicts,
            java.util.function.Function<BenchmarkVerdict, String> f) {
        Map<String, Integer> n = new LinkedHashMap<>();
        verdicts.forEach(b -> n.merge(f.apply(b), 1, Integer::sum));
        String most = n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        StringBuilder s = new StringBuilder(most);
        n.forEach((v, k) -> {
            if (!v.equals(most)) {
                s.append(" (").append(v).append(" for ").append(k).append(k == 1 ? " benchmark, by rule)"
                        : " benchmarks, by rule)");
            }
        });
        return s.toString();
    }
}
