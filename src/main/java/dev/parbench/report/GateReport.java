package dev.parbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import dev.parbench.report.text.Xml;
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
 * The gate's outputs: a console table, gate.md (CI job summary / PR comment: {@link GateMarkdown}), gate-junit.xml (a
 * REGRESSION is a failed test case, an INCONCLUSIVE a skipped one), gate.json, and gate.html in the reporter's look:
 * the verdicts table first, then the baseline-vs-candidate charts and every figure in full. Formats what the gate
 * decided; decides nothing.
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
                "p (adj.)", "verdict"));
        for (BenchmarkVerdict b : r.verdicts()) {
            String k = b.key().length() > w ? "…" + b.key().substring(b.key().length() - w + 1) : b.key();
            s.append(String.format(Locale.ROOT, fmt, k, v(b.baseline()), v(b.candidate()), ratio(b),
                    v(verdictP(b)), b.verdict()));
        }
        s.append(String.format(Locale.ROOT, "result: %s (%d regression, %d inconclusive, %d improved, %d pass)%n",
                r.overall(), r.count(Verdict.REGRESSION), r.count(Verdict.INCONCLUSIVE), r.count(Verdict.IMPROVED),
                r.count(Verdict.PASS)));
        return s.toString();
    }

    /** gate.md: the overall verdict, then the verdicts table, then the explanations ({@link GateMarkdown}). */
    public static String markdown(GateResult r) {
        return GateMarkdown.of(r);
    }

    public static String junit(GateResult r) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<testsuite name=\"parbench-gate\" tests=\"%d\" failures=\"%d\" "
                + "skipped=\"%d\" errors=\"0\">%n", r.verdicts().size(), r.count(Verdict.REGRESSION),
                r.count(Verdict.INCONCLUSIVE)));
        for (BenchmarkVerdict b : r.verdicts()) {
            s.append("  <testcase classname=\"parbench.gate\" name=\"").append(Xml.attr(b.key())).append("\">");
            String detail = b.verdict() + ": " + b.reason() + "; ratio " + ratio(b);
            if (b.verdict() == Verdict.REGRESSION) {
                s.append("<failure message=\"").append(Xml.attr(detail)).append("\"/>");
            } else if (b.verdict() == Verdict.INCONCLUSIVE) {
                s.append("<skipped message=\"").append(Xml.attr(detail)).append("\"/>");
            } else {
                s.append("<system-out>").append(Xml.text(detail)).append("</system-out>");
            }
            s.append("</testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
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
            ReportView view = new ReportView("parbench gate: " + GateMarkdown.headline(r), List.of(r.mode()),
                    List.of(new ReportView.Section("verdicts", "Verdicts", List.of(), List.of(),
                                    List.of(verdicts(r))),
                            new ReportView.Section("gate", "Baseline vs candidate", r.notes(), charts,
                                    List.of(details(r)))),
                    List.of("Cost change: the candidate's cost per operation against the baseline's (time per "
                                    + "operation, or 1 / throughput; + is slower), with its 95% bootstrap interval "
                                    + "over forks; ratio = candidate / baseline cost.",
                            "REGRESSION: corrected p (Holm or BH, see the notes) below α and ratio at least 1 + "
                                    + "threshold; IMPROVED: the mirror image; INCONCLUSIVE: too few forks, or the "
                                    + "reference benchmark moved."),
                    List.of());
            Files.writeString(tmp.resolve("gate.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            ReportWriter.replace(tmp, target);
        } finally {
            ReportWriter.deleteTree(tmp);
        }
    }

    /**
     * The first table of gate.html: per benchmark, suspects first, its label, verdict, cost change with its interval
     * and adjusted p; cells wrap (HtmlPage's CSS) so that it fits a 1280-pixel window.
     */
    private static ReportView.Table verdicts(GateResult r) {
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (BenchmarkVerdict b : suspectsFirst(r.verdicts())) {
            rows.add(List.of(ReportView.Cell.text(label(b.key())), ReportView.Cell.text(b.verdict().name()),
                    ReportView.Cell.num(b.ratio(), GateMarkdown.change(b)),
                    ReportView.Cell.num(verdictP(b), GateMarkdown.p(verdictP(b)))));
        }
        return new ReportView.Table("gate-table", "One row per benchmark, suspects first", List.of("benchmark",
                "verdict", "cost change [95% interval]", "p (adjusted)"), rows);
    }

    /** Every figure per benchmark under its JMH key (the charts' bars link to these rows). */
    private static ReportView.Table details(GateResult r) {
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (BenchmarkVerdict b : suspectsFirst(r.verdicts())) {
            rows.add(List.of(ReportView.Cell.text(b.key()), ReportView.Cell.num(b.baseline(), v(b.baseline())),
                    ReportView.Cell.num(b.candidate(), v(b.candidate())), ReportView.Cell.num(b.ratio(), ratio(b)),
                    ReportView.Cell.num(verdictP(b), v(verdictP(b))),
                    ReportView.Cell.text(b.verdict().name()), ReportView.Cell.text(b.reason())));
        }
        return new ReportView.Table("gate-details", "Every gated benchmark in full", List.of("benchmark", "baseline",
                "candidate", "ratio [95% interval]", "p (adjusted)", "verdict", "why"), rows);
    }

    private static List<ChartSpec> charts(GateResult r) {
        List<ChartSpec.Bar> ratios = new ArrayList<>();
        List<Double> limits = new ArrayList<>();
        List<ChartSpec.Bar> sides = new ArrayList<>();
        double threshold = commonThreshold(r.verdicts());
        for (BenchmarkVerdict b : suspectsFirst(r.verdicts())) {
            double t = b.settings().threshold();
            String label = label(b.key()) + (t != threshold ? String.format(Locale.ROOT, " (threshold %.0f%%)",
                    100 * t) : "");
            Color c = colour(b.verdict());
            String forks = b.verdict() + ": " + explain(b) + (b.reason().isEmpty() ? "" : "; " + b.reason());
            List<String> row = List.of(b.key());
            ratios.add(new ChartSpec.Bar(label, b.ratio(), b.ratioLow(), b.ratioHigh(), c, 0, forks, row,
                    EstimateWords.INTERVAL));
            limits.add(1 + t);
            sides.add(new ChartSpec.Bar(label + " (base)", 1, Double.NaN, Double.NaN, BASE, b.baselineForks(),
                    "baseline = 1", row, null));
            sides.add(new ChartSpec.Bar(label + " (cand)", b.ratio(), b.ratioLow(), b.ratioHigh(), CAND,
                    b.candidateForks(), forks, row, EstimateWords.INTERVAL));
        }
        return List.of(ChartSpec.Bars.forest("gate-ratio", "Candidate / baseline cost per benchmark (suspects first)",
                r.mode() + " | dot: ratio, whiskers: 95% interval, red tick: that benchmark's threshold | colour: "
                + "verdict (red regression, orange inconclusive, blue pass, green improved)",
                "cost ratio, candidate / baseline (above 1 = slower)", ratios, limits,
                List.of(new ChartSpec.Marker(1, "no change", Color.DARK_GRAY))),
                new ChartSpec.Bars("gate-sides", "Baseline vs candidate (baseline = 1)", r.mode(),
                        "relative cost", sides, List.of()));
    }

    static Color colour(Verdict v) {
        return switch (v) {
            case REGRESSION -> new Color(0xD5, 0x5E, 0x00);
            case IMPROVED -> new Color(0x00, 0x9E, 0x73);
            case INCONCLUSIVE -> new Color(0xE6, 0x9F, 0x00);
            case PASS -> new Color(0x56, 0xB4, 0xE9);
        };
    }

    /** The threshold most benchmarks have (labels name only the others'). */
    private static double commonThreshold(List<BenchmarkVerdict> verdicts) {
        Map<Double, Integer> n = new LinkedHashMap<>();
        verdicts.forEach(b -> n.merge(b.settings().threshold(), 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0.1);
    }

    /** Regressions first, then inconclusive, improved, pass; within each, the largest slowdown first. */
    static List<BenchmarkVerdict> suspectsFirst(List<BenchmarkVerdict> verdicts) {
        List<BenchmarkVerdict> sorted = new ArrayList<>(verdicts);
        sorted.sort((a, b) -> a.verdict() != b.verdict() ? b.verdict().ordinal() - a.verdict().ordinal()
                : Double.compare(b.ratio(), a.ratio()));
        return sorted;
    }

    /** "+14.4% [1.08, 1.22], 10 pairs, p = 0.001 (adjusted 0.02), threshold 10%". */
    public static String explain(BenchmarkVerdict b) {
        boolean paired = b.baselineForks() == b.candidateForks();
        return String.format(Locale.ROOT, "%+.1f%% [%.2f, %.2f], %s, p = %.2g (adjusted %.2g), threshold %.0f%%",
                100 * (b.ratio() - 1), b.ratioLow(), b.ratioHigh(), paired ? b.baselineForks() + " pairs"
                        : b.baselineForks() + " vs " + b.candidateForks() + " forks", b.verdict() == Verdict.IMPROVED
                        ? b.pFaster() : b.pSlower(), verdictP(b), 100 * b.settings().threshold());
    }

    /**
     * The adjusted p of the side the verdict is on: the "faster by more than the margin" test for IMPROVED, the
     * "slower" test otherwise (the slowdown side's p beside an IMPROVED verdict read as 1.000 against a reason that
     * cites the faster side's p).
     */
    static double verdictP(BenchmarkVerdict b) {
        return b.verdict() == Verdict.IMPROVED ? b.pFasterAdjusted() : b.pSlowerAdjusted();
    }

    /**
     * A label a reviewer reads at a glance: workload · model · size · parallelism (and any other parameter, a power of
     * two from 1024 on with k/M/G), e.g. "sum · fork-join · 1M · p=2", instead of the raw JMH key.
     */
    public static String label(String key) {
        int open = key.indexOf(" [");
        String bench = open < 0 ? key : key.substring(0, open);
        String[] parts = bench.split("\\.");
        String method = parts[parts.length - 1];
        String cls = parts.length > 1 ? parts[parts.length - 2] : "";
        String workload = java.util.Arrays.stream(dev.parbench.workload.WorkloadKind.values())
                .filter(k -> k.benchClass().equals(cls)).map(dev.parbench.workload.WorkloadKind::id).findFirst()
                .orElse(cls.endsWith("Bench") ? cls.substring(0, cls.length() - 5) : cls);
        workload = workload.isEmpty() ? method : Character.toLowerCase(workload.charAt(0)) + workload.substring(1);
        Map<String, String> params = new LinkedHashMap<>();
        if (open >= 0 && key.endsWith("]")) {
            for (String kv : key.substring(open + 2, key.length() - 1).split(", ")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(workload);
        String model = params.remove("strategy");
        if (model != null) {
            out.add(model);
        } else if (!method.equals(workload)) {
            out.add(method);
        }
        String size = params.remove("size");
        if (size != null) {
            out.add(humanSize(size));
        }
        String parallelism = params.remove("parallelism");
        if (parallelism != null && !"sequential".equals(model) && !"sequential".equals(method)) {
            out.add("p=" + parallelism);
        }
        params.remove("kernel", "simd");
        params.forEach((k, v) -> out.add(k + "=" + humanSize(v)));
        return String.join(" · ", out);
    }

    private static String humanSize(String s) {
        try {
            long n = Long.parseLong(s);
            return Long.toString(n).equals(s) ? Formats.size(n) : s;
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
