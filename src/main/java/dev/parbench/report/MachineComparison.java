package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.report.ReportView.Cell;
import dev.parbench.report.text.Slug;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two runs side by side (e.g. a laptop and a server): for every configuration measured in both, each run's own
 * speedup (its model's time over its own sequential baseline, from the same run; one machine's time is never divided
 * by the other's), as paired bars per workload and size and one table; where the recommended model differs between
 * the two, a sentence says so; configurations measured in only one run are listed, not dropped.
 */
public final class MachineComparison {
    static final Color FIRST = new Color(0x00, 0x72, 0xB2);
    static final Color SECOND = new Color(0xE6, 0x9F, 0x00);

    private MachineComparison() {
    }

    /** One configuration: workload (with kernel), size, model, parallelism. */
    record Key(String workload, int size, String strategy, int parallelism) {
    }

    /** A run and what to call it ("laptop", or its folder's name). */
    public record Run(String label, Analysis analysis) {
    }

    static Map<Key, Analysis.Point> points(Analysis a) {
        Map<Key, Analysis.Point> out = new LinkedHashMap<>();
        for (Analysis.WorkloadResult w : a.workloads()) {
            for (Analysis.Point p : w.points()) {
                out.put(new Key(w.title(), p.size(), p.strategy(), p.parallelism()), p);
            }
        }
        return out;
    }

    static Map<String, Map<Integer, Analysis.Best>> best(Analysis a) {
        Map<String, Map<Integer, Analysis.Best>> out = new LinkedHashMap<>();
        for (Analysis.WorkloadResult w : a.workloads()) {
            for (Analysis.Best b : w.best()) {
                out.computeIfAbsent(w.title(), k -> new LinkedHashMap<>()).put(b.size(), b);
            }
        }
        return out;
    }

    private static String use(Analysis.Best b) {
        return b.strategy().equals("sequential") ? "sequential" : b.strategy() + " (p=" + b.parallelism() + ", "
                + fmt(b.speedup().point(), 2) + "x)";
    }

    private static String speedup(Estimate e) {
        return fmt(e.point(), 2) + "x " + bracket(e, 2);
    }

    /** The comparison's view: sentences, charts and tables. */
    public static ReportView view(Run a, Run b) {
        Machine ma = Machine.of(a.analysis().environments());
        Machine mb = Machine.of(b.analysis().environments());
        Map<Key, Analysis.Point> pa = points(a.analysis());
        Map<Key, Analysis.Point> pb = points(b.analysis());
        List<Key> both = pa.keySet().stream().filter(pb::containsKey).toList();

        // the recommendations, where both runs measured the workload and size
        List<String> summary = new ArrayList<>();
        summary.add("Each speedup is computed within its own run: that run's model time over that run's sequential "
                + "time at the same size. The two machines' times are never divided by each other, so the bars say "
                + "how much each machine gains from a model, not which machine is faster.");
        Map<String, Map<Integer, Analysis.Best>> ba = best(a.analysis());
        Map<String, Map<Integer, Analysis.Best>> bb = best(b.analysis());
        List<List<Cell>> decisions = new ArrayList<>();
        int same = 0;
        for (var e : ba.entrySet()) {
            Map<Integer, Analysis.Best> other = bb.getOrDefault(e.getKey(), Map.of());
            for (var s : e.getValue().entrySet()) {
                Analysis.Best x = s.getValue();
                Analysis.Best y = other.get(s.getKey());
                if (y == null) {
                    continue;
                }
                boolean differs = !x.strategy().equals(y.strategy()) || x.parallelism() != y.parallelism();
                String evidence = x.provisional() || y.provisional() ? "provisional: too few forks, or forks "
                        + "disagree, on " + (x.provisional() && y.provisional() ? "both" : x.provisional()
                                ? a.label() : b.label()) : "claim on both";
                if (differs) {
                    summary.add(String.format(Locale.ROOT, "%s at %s: on %s use %s, on %s use %s%s.", e.getKey(),
                            size(s.getKey()), a.label(), use(x), b.label(), use(y),
                            evidence.startsWith("claim") ? "" : " (" + evidence + ")"));
                } else {
                    same++;
                }
                decisions.add(List.of(Cell.text(e.getKey()), Cell.num(s.getKey(), size(s.getKey())),
                        Cell.text(use(x)), Cell.text(use(y)), Cell.text(differs ? "differs" : "same"),
                        Cell.text(evidence)));
            }
        }
        if (decisions.isEmpty()) {
            summary.add("The two runs share no workload and size: there is nothing to compare (see the list of "
                    + "configurations measured in one run only).");
        } else {
            summary.add(same == decisions.size() ? "Both machines recommend the same model at every workload and "
                    + "size they share (" + same + ")."
                    : "At the other " + same + " of " + decisions.size() + " workloads and sizes both machines "
                            + "recommend the same model.");
        }

        List<ReportView.Section> sections = new ArrayList<>();
        List<ReportView.Table> firstTables = new ArrayList<>();
        firstTables.add(new ReportView.Table("compare-decisions", "Recommended model per workload and size, on each "
                + "machine", List.of("workload", "size", "use on " + a.label(), "use on " + b.label(), "choice",
                        "evidence"), decisions));
        List<Key> onlyA = pa.keySet().stream().filter(k -> !pb.containsKey(k)).toList();
        List<Key> onlyB = pb.keySet().stream().filter(k -> !pa.containsKey(k)).toList();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            int one = onlyA.size() + onlyB.size();
            summary.add(one + (one == 1 ? " configuration was" : " configurations were") + " measured in one run only ("
                    + onlyA.size() + " on " + a.label() + ", " + onlyB.size() + " on " + b.label() + "): listed "
                    + "below, not compared.");
            List<List<Cell>> rows = new ArrayList<>();
            for (Key k : onlyA) {
                rows.add(oneSided(k, a.label(), pa.get(k)));
            }
            for (Key k : onlyB) {
                rows.add(oneSided(k, b.label(), pb.get(k)));
            }
            firstTables.add(new ReportView.Table("compare-one-run", "Configurations measured in one run only",
                    List.of("workload", "size", "model", "p", "measured on", "speedup there"), rows));
        }
        sections.add(new ReportView.Section("compare", a.label() + " and " + b.label(), summary, List.of(),
                firstTables));

        // paired bars per workload and size, and one table of every shared configuration per workload
        Map<String, Set<Integer>> sizes = new LinkedHashMap<>();
        both.forEach(k -> sizes.computeIfAbsent(k.workload(), x -> new LinkedHashSet<>()).add(k.size()));
        for (var e : sizes.entrySet()) {
            String workload = e.getKey();
            List<ChartSpec> charts = new ArrayList<>();
            List<List<Cell>> rows = new ArrayList<>();
            for (int n : e.getValue().stream().sorted().toList()) {
                List<ChartSpec.Bar> bars = new ArrayList<>();
                List<Estimate> shown = new ArrayList<>();
                for (Key k : both) {
                    if (!k.workload().equals(workload) || k.size() != n) {
                        continue;
                    }
                    Estimate x = pa.get(k).speedup();
                    Estimate y = pb.get(k).speedup();
                    shown.add(x);
                    shown.add(y);
                    String config = workload + ", size " + size(n);
                    List<String> row = List.of(k.strategy(), String.valueOf(k.parallelism()), size(n));
                    bars.add(new ChartSpec.Bar(k.strategy() + " p=" + k.parallelism() + " · " + a.label(), x.point(),
                            x.low(), x.high(), FIRST, x.forks(), config + ", on " + a.label(), row,
                            EstimateWords.of(x)));
                    bars.add(new ChartSpec.Bar(k.strategy() + " p=" + k.parallelism() + " · " + b.label(), y.point(),
                            y.low(), y.high(), SECOND, y.forks(), config + ", on " + b.label(), row,
                            EstimateWords.of(y)));
                    rows.add(List.of(Cell.text(k.strategy()), Cell.text(String.valueOf(k.parallelism())),
                            Cell.num(n, size(n)), Cell.num(x.point(), speedup(x)), Cell.num(y.point(), speedup(y)),
                            Cell.text(gains(x, y, a.label(), b.label()))));
                }
                double lo = bars.stream().mapToDouble(ChartSpec.Bar::value).filter(v -> v > 0).min().orElse(1);
                double hi = bars.stream().mapToDouble(ChartSpec.Bar::value).max().orElse(1);
                charts.add(new ChartSpec.Bars(id(workload) + "-" + n + "-compare", workload + " at " + size(n)
                        + ": speedup on each machine", a.label() + " (blue, first) vs " + b.label()
                        + " (orange, second) | each over its own sequential time | whiskers: "
                        + EstimateWords.of(shown),
                        "speedup over that machine's sequential (x)", bars, List.of(new ChartSpec.Marker(1,
                                "1x = sequential", Color.DARK_GRAY)), hi / lo > 100, AxisUnit.NUMBER));
            }
            ReportView.Table table = new ReportView.Table("table-" + id(workload), workload + ": speedup of every "
                    + "configuration measured on both", List.of("model", "p", "size", "speedup on " + a.label(),
                            "speedup on " + b.label(), "gains more"), rows);
            sections.add(new ReportView.Section(id(workload), workload, List.of(), charts, List.of(table)));
        }
        List<String> machine = List.of(a.label() + ": " + ma.oneLine(), b.label() + ": " + mb.oneLine());
        List<String> notes = List.of("A speedup is T(sequential) / T(model) at equal size, both from the same run; "
                + "intervals are each run's own 95% intervals over its forks, or the range of its forks where "
                + "it has fewer than 3 (the captions and hovers say which; docs/METHOD.md). 'gains more' names the "
                + "machine whose interval lies wholly above the other's; otherwise the two overlap.");
        List<String> warnings = new ArrayList<>(a.analysis().warnings().stream().map(w -> a.label() + ": " + w)
                .toList());
        b.analysis().warnings().forEach(w -> warnings.add(b.label() + ": " + w));
        return new ReportView("parbench: " + a.label() + " vs " + b.label(), machine, sections, notes, warnings);
    }

    /** Which machine gains more from this configuration: only where the intervals do not overlap. */
    static String gains(Estimate x, Estimate y, String a, String b) {
        if (x.interval() && y.interval()) {
            if (x.low() > y.high()) {
                return a;
            }
            if (y.low() > x.high()) {
                return b;
            }
            return "overlap";
        }
        return "too few forks";
    }

    private static List<Cell> oneSided(Key k, String where, Analysis.Point p) {
        return List.of(Cell.text(k.workload()), Cell.num(k.size(), size(k.size())), Cell.text(k.strategy()),
                Cell.text(String.valueOf(k.parallelism())), Cell.text(where), Cell.num(p.speedup().point(),
                        speedup(p.speedup())));
    }

    private static String id(String workload) {
        return Slug.part(workload);
    }

    /**
     * Writes {@code index.html} and every chart as PNG and SVG into {@code out} (a temporary sibling first, then
     * moved). Returns the page's path.
     */
    public static Path write(Run a, Run b, Path out) throws IOException {
        ReportView view = view(a, b);
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            Map<String, String> svgs = ChartFiles.write(view.sections().stream().flatMap(s -> s.charts().stream())
                    .toList(), tmp, "m");
            Files.writeString(tmp.resolve("index.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            ReportWriter.replace(tmp, target);
        } finally {
            ReportWriter.deleteTree(tmp);
        }
        return target.resolve("index.html");
    }

    /** For tests: the workloads and sizes whose recommended model differs. */
    static List<String> differing(ReportView v) {
        return v.sections().get(0).summary().stream().filter(s -> s.contains(": on ")).toList();
    }
}
