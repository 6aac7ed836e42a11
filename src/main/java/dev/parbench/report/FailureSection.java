package dev.parbench.report;

import dev.parbench.results.RunFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's "Failed configurations" section: from a run folder's failures.json, every configuration that failed
 * (with JMH's reason) or was never run (the run was interrupted or stopped), and how to run them. Their numbers are
 * missing from every chart and table; the section says so first, so that no reader takes a gap for a result.
 */
public final class FailureSection {
    static final String ID = "failures";

    private FailureSection() {
    }

    /** {@code view} with the section and a warning added when any run has failed or missing configurations. */
    public static ReportView addTo(ReportView view, List<RunFailures> runs) {
        List<RunFailures> bad = runs.stream().filter(f -> !f.isEmpty()).toList();
        if (bad.isEmpty()) {
            return view;
        }
        int failed = bad.stream().mapToInt(f -> f.failed().size()).sum();
        int notRun = bad.stream().mapToInt(f -> f.notRun().size()).sum();
        String counts = failed + " configuration" + (failed == 1 ? "" : "s") + " failed"
                + (notRun == 0 ? "" : " and " + notRun + " " + (notRun == 1 ? "was" : "were") + " not run");
        List<String> summary = new ArrayList<>();
        summary.add(counts + ": their numbers are missing from every chart and table of this report.");
        for (RunFailures f : bad) {
            if (!f.resume().isEmpty()) {
                summary.add("Run " + (f.status().isEmpty() ? "" : "(" + f.status() + ") ") + "holds " + f.finished()
                        + " of " + f.planned() + " configurations; to run the missing ones: " + f.resume());
            }
        }
        List<List<ReportView.Cell>> rows = new ArrayList<>();
        for (RunFailures f : bad) {
            for (RunFailures.Entry e : f.failed()) {
                rows.add(row(e, "failed", e.reason()));
            }
            for (RunFailures.Entry e : f.notRun()) {
                rows.add(row(e, "not run", ""));
            }
        }
        ReportView.Table table = new ReportView.Table("failures-table", "Configurations without results",
                List.of("benchmark", "parameters", "status", "reason"), rows);
        List<ReportView.Section> sections = new ArrayList<>();
        sections.add(new ReportView.Section(ID, "Failed configurations", summary, List.of(), List.of(table)));
        sections.addAll(view.sections());
        List<String> warnings = new ArrayList<>(view.warnings());
        warnings.add(0, "Incomplete run: " + counts + " (see Failed configurations).");
        return new ReportView(view.title(), view.machine(), sections, view.notes(), warnings);
    }

    private static List<ReportView.Cell> row(RunFailures.Entry e, String status, String reason) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> p : e.params().entrySet()) {
            params.append(params.isEmpty() ? "" : ", ").append(p.getKey()).append('=').append(p.getValue());
        }
        return List.of(ReportView.Cell.text(e.benchmark()), ReportView.Cell.text(params.toString()),
                ReportView.Cell.text(status), ReportView.Cell.text(reason));
    }
}
