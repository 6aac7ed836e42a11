package dev.parbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's outputs: a console table, gate.md (CI job summary / PR comment), gate-junit.xml (a REGRESSION is a
 * failed test case, an INCONCLUSIVE a skipped one), gate.json, and gate.html with baseline-vs-candidate charts in the
 * reporter's look. Formats what the gate decided; decides nothing.
 */
public final class GateReport {
    private static final Color BASE = new Color(0x99, 0x99, 0x99);
    private static final Color CAND = new Color(0x00, 0x72, 0xB2);

    private GateReport() {
    }

    static String v(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4g", x) : "n/a";
    }

    static String ratio(BenchmarkVerdict b) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", b.ratio(), b.ratioLow(), b.ratioHigh());
    }

    public static String console(GateResult r) {
        StringBuilder s = new StringBuilder();
        s.append("parbench gate: ").append(r.mode()).append('\n');
        r.notes().forEach(n -> s.append("  note: ").append(n).append('\n'));
        int w = Math.max(9, r.verdicts().stream().mapToInt(b -> b.key().length()).max().orElse(9));
        w = Math.min(w, 90);
        String fmt = "%-" + w + "s  %10s  %10s  %-24s  %9s  %s%n";
        s.append(String.format(Locale.ROOT, fmt, "benchmark", "baseline", "candidate", "ratio [95% interval]",
                "p (Holm)", "verdict"));
        for (BenchmarkVerdict b : r.verdicts()) {
            String k = b.key().length() > w ? "…" + b.key().substring(b.key().length() - w + 1) : b.key();
            s.append(String.format(Locale.ROOT, fmt, k, v(b.baseline()), v(b.candidate()), ratio(b),
                    v(b.pSlowerAdjusted()), b.verdict()));
        }
        s.append(String.format(Locale.ROOT, "result: %s (%d regression, %d inconclusive, %d improved, %d pass)%n",
                r.overall(), r.count(Verdict.REGRESSION), r.count(Verdict.INCONCLUSIVE), r.count(Verdict.IMPROVED),
                r.count(Verdict.PASS)));
        return s.toString();
    }

    public static String markdown(GateResult r) {
        StringBuilder s = new StringBuilder();
        String icon = switch (r.overall()) {
            case REGRESSION -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case IMPROVED -> "🚀";
            case PASS -> "✅";
        };
        s.append("## ").append(icon).append(" parbench performance gate: ").append(r.overall()).append("\n\n");
        s.append("_").append(r.mode()).append("_\n\n");
        r.notes().forEach(n -> s.append("> ").append(n).append("\n"));
        if (!r.notes().isEmpty()) {
            s.append('\n');
        }
        s.append("| benchmark | baseline | candidate | ratio [95% interval] | p (Holm) | verdict | why |\n")
                .append("|---|---:|---:|---:|---:|---|---|\n");
        List<BenchmarkVerdict> sorted = new ArrayList<>(r.verdicts());
        sorted.sort((a, b) -> b.verdict().ordinal() - a.verdict().ordinal());
        for (BenchmarkVerdict b : sorted) {
            s.append("| `").append(b.key().replace("|", "\\|")).append("` | ").append(v(b.baseline())).append(" | ")
                    .append(v(b.candidate())).append(" | ").append(ratio(b)).append(" | ")
                    .append(v(b.pSlowerAdjusted())).append(" | **").append(b.verdict()).append("** | ")
                    .append(b.reason().replace("|", "\\|")).append(" |\n");
        }
        s.append("\nRatio = candidate / baseline cost (time per operation; above 1 is slower), Hodges-Lehmann "
                + "estimate over forks. p: one-sided rank test of \"slower by more than the noise margin\", Holm-"
                + "corrected across all benchmarks.\n");
        return s.toString();
    }

    public static String junit(GateResult r) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<testsuite name=\"parbench-gate\" tests=\"%d\" failures=\"%d\" "
                + "skipped=\"%d\" errors=\"0\">%n", r.verdicts().size(), r.count(Verdict.REGRESSION),
                r.count(Verdict.INCONCLUSIVE)));
        for (BenchmarkVerdict b : r.verdicts()) {
            s.append("  <testcase classname=\"parbench.gate\" name=\"").append(xml(b.key())).append("\">");
            String detail = xml(b.verdict() + ": " + b.reason() + "; ratio " + ratio(b));
            if (b.verdict() == Verdict.REGRESSION) {
                s.append("<failure message=\"").append(detail).append("\"/>");
            } else if (b.verdict() == Verdict.INCONCLUSIVE) {
                s.append("<skipped message=\"").append(detail).append("\"/>");
            } else {
                s.append("<system-out>").append(detail).append("</system-out>");
            }
            s.append("</testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    static String xml(String s) {
        return HtmlPage.esc(s);
    }

    public static String json(GateResult r) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", r.mode());
        m.put("overall", r.overall().name());
        m.put("exitCode", r.exitCode());
        m.put("notes", r.notes());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchmarkVerdict b : r.verdicts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", b.key());
            row.put("verdict", b.verdict().name());
            row.put("reason", b.reason());
            row.put("baseline", finite(b.baseline()));
            row.put("candidate", finite(b.candidate()));
            row.put("ratio", finite(b.ratio()));
            row.put("ratioLow", finite(b.ratioLow()));
            row.put("ratioHigh", finite(b.ratioHigh()));
            row.put("pSlower", finite(b.pSlower()));
            row.put("pSlowerAdjusted", finite(b.pSlowerAdjusted()));
            row.put("pFaster", finite(b.pFaster()));
            row.put("pFasterAdjusted", finite(b.pFasterAdjusted()));
            row.put("baselineForks", b.baselineForks());
            row.put("candidateForks", b.candidateForks());
            row.put("threshold", b.settings().threshold());
            row.put("delta", b.settings().delta());
            row.put("alpha", b.settings().alpha());
            rows.add(row);
        }
        m.put("benchmarks", rows);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** Writes every output into {@code dir} (temporary folder, then moved: never half-written). */
    public static void write(GateResult r, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            Files.writeString(tmp.resolve("gate.txt"), console(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("gate.md"), markdown(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("gate-junit.xml"), junit(r), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("gate.json"), json(r), StandardCharsets.UTF_8);
            List<ChartSpec> charts = charts(r);
            Map<String, String> svgs = ChartFiles.write(charts, tmp, "g");
            ReportView view = new ReportView("parbench gate: " + r.overall(), List.of(r.mode()),
                    List.of(new ReportView.Section("gate", "Baseline vs candidate", r.notes(), charts,
                            List.of(table(r)))),
                    List.of("Ratio = candidate / baseline cost; the interval is a 95% bootstrap interval over forks.",
                            "REGRESSION: Holm-corrected p below α and ratio at least 1 + threshold; IMPROVED: the "
                                    + "mirror image; INCONCLUSIVE: too few forks, or the reference benchmark moved."),
                    List.of());
            Files.writeString(tmp.resolve("gate.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            ReportWriter.replace(tmp, target);
        } finally {
            ReportWriter.deleteTree(tmp);
        }
    }

    private static ReportView.Table table(GateResult r) {
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (BenchmarkVerdict b : r.verdicts()) {
            rows.add(List.of(ReportView.Cell.text(b.key()), ReportView.Cell.num(b.baseline(), v(b.baseline())),
                    ReportView.Cell.num(b.candidate(), v(b.candidate())), ReportView.Cell.num(b.ratio(), ratio(b)),
                    ReportView.Cell.num(b.pSlowerAdjusted(), v(b.pSlowerAdjusted())),
                    ReportView.Cell.text(b.verdict().name()), ReportView.Cell.text(b.reason())));
        }
        return new ReportView.Table("gate-table", "Every gated benchmark", List.of("benchmark", "baseline",
                "candidate", "ratio [95% interval]", "p (Holm)", "verdict", "why"), rows);
    }

    private static List<ChartSpec> charts(GateResult r) {
        List<ChartSpec.Bar> ratios = new ArrayList<>();
        List<ChartSpec.Bar> sides = new ArrayList<>();
        double threshold = r.verdicts().isEmpty() ? 0.1 : r.verdicts().get(0).settings().threshold();
        for (BenchmarkVerdict b : r.verdicts()) {
            String label = shortKey(b.key());
            Color c = switch (b.verdict()) {
                case REGRESSION -> new Color(0xD5, 0x5E, 0x00);
                case IMPROVED -> new Color(0x00, 0x9E, 0x73);
                case INCONCLUSIVE -> new Color(0xE6, 0x9F, 0x00);
                case PASS -> new Color(0x56, 0xB4, 0xE9);
            };
            String forks = b.baselineForks() + " baseline / " + b.candidateForks() + " candidate forks; "
                    + b.verdict() + (b.reason().isEmpty() ? "" : ": " + b.reason());
            List<String> row = List.of(b.key());
            ratios.add(new ChartSpec.Bar(label, b.ratio(), b.ratioLow(), b.ratioHigh(), c, 0, forks, row));
            sides.add(new ChartSpec.Bar(label + " (base)", 1, Double.NaN, Double.NaN, BASE, b.baselineForks(),
                    "baseline = 1", row));
            sides.add(new ChartSpec.Bar(label + " (cand)", b.ratio(), b.ratioLow(), b.ratioHigh(), CAND,
                    b.candidateForks(), forks, row));
        }
        return List.of(new ChartSpec.Bars("gate-ratio", "Candidate / baseline, per benchmark", r.mode()
                + " | whiskers: 95% interval | colour: verdict", "cost ratio (above 1 = slower)", ratios,
                List.of(new ChartSpec.Marker(1 + threshold, String.format(Locale.ROOT, "threshold +%.0f%%",
                        100 * threshold), new Color(0xB2, 0x18, 0x2B)), new ChartSpec.Marker(1, "no change",
                        Color.DARK_GRAY))),
                new ChartSpec.Bars("gate-sides", "Baseline vs candidate (baseline = 1)", r.mode(),
                        "relative cost", sides, List.of()));
    }

    /** The chart label of a benchmark key: without the package and the default kernel; never cut (it wraps). */
    static String shortKey(String key) {
        return key.replace("dev.parbench.bench.", "").replace("kernel=simd, ", "");
    }
}
