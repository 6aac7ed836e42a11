package dev.parbench.cli;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Analyzer;
import dev.parbench.report.ReportWriter;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.ResultsFormatException;
import dev.parbench.results.RunFailures;
import dev.parbench.results.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: JMH JSON (parbench's or any project's) -> charts (PNG, SVG), index.html, summary.md, summary.csv. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn JMH JSON results into speedup charts (PNG and SVG), one self-contained index.html, "
                + "summary.md and summary.csv.",
            "Works on any JMH JSON; parbench runs get speedups, crossovers, Amdahl fits and bandwidth charts. "
                + "An env.json next to a results file describes its machine; a failures.json there lists the run's "
                + "failed configurations."},
        footer = {"", "Examples:", "  report results/latest/results.json",
            "  report run1/results.json run2/results.json --out charts/merged",
            "  report results/laptop/ results/server/ --compare     (two machines side by side)", "",
            dev.parbench.results.JsonInput.LIMITS})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS.json", description = "One or more JMH JSON files (merged); "
            + "with --compare exactly two runs, each a results.json or the folder holding it.")
    List<Path> files;

    @Option(names = "--compare", description = "Two runs (e.g. two machines) side by side: each configuration's "
            + "speedup within its own run, paired; where the recommended model differs; what only one run has.")
    boolean compare;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder (default: charts/<run timestamp> next to results/, else charts/report-<now>). "
                    + "An existing report there is replaced only once the new one is complete.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (compare) {
            return compare();
        }
        RunData data;
        try {
            data = JmhJsonReader.read(files);
        } catch (ResultsFormatException e) {
            throw new UsageException(e.getMessage());
        }
        List<RunFailures> failures = new java.util.ArrayList<>();
        try {
            for (Path f : files) {
                RunFailures.nextTo(f).ifPresent(failures::add); // a parbench run folder's failed configurations
            }
        } catch (ResultsFormatException e) {
            throw new UsageException(e.getMessage());
        }
        Analysis analysis = new Analyzer().analyze(data);
        Path target = out != null ? out : defaultOut(files.get(0));
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException(target + " exists and is not a folder; choose another --out");
        }
        Path index = ReportWriter.write(analysis, target, failures);
        System.out.println("[parbench] report: " + index);
        return 0;
    }

    private int compare() throws Exception {
        if (files.size() != 2) {
            throw new UsageException("--compare takes exactly two runs (results.json files or their folders), got "
                    + files.size());
        }
        List<Path> json = new java.util.ArrayList<>();
        for (Path p : files) {
            Path f = Files.isDirectory(p) ? p.resolve("results.json") : p;
            if (!Files.isRegularFile(f)) {
                throw new UsageException("no results file at " + f);
            }
            json.add(f);
        }
        List<String> labels = new java.util.ArrayList<>();
        for (Path f : json) {
            Path dir = f.toAbsolutePath().normalize().getParent();
            String name = dir == null || dir.getFileName() == null ? f.toString() : dir.getFileName().toString();
            try {
                if (dir != null) {
                    name = dir.toRealPath().getFileName().toString(); // results/latest -> its timestamp
                }
            } catch (java.io.IOException e) {
                // keep the name as given
            }
            labels.add(name);
        }
        if (labels.get(0).equals(labels.get(1))) {
            labels.set(0, "A (" + labels.get(0) + ")");
            labels.set(1, "B (" + labels.get(1) + ")");
        }
        List<dev.parbench.report.MachineComparison.Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                runs.add(new dev.parbench.report.MachineComparison.Run(labels.get(i),
                        new Analyzer().analyze(JmhJsonReader.read(List.of(json.get(i))))));
            } catch (ResultsFormatException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Path target = out != null ? out : Path.of("charts", "compare-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException(target + " exists and is not a folder; choose another --out");
        }
        Path index = dev.parbench.report.MachineComparison.write(runs.get(0), runs.get(1), target);
        System.out.println("[parbench] comparison: " + index);
        return 0;
    }

    /** results/<stamp>/results.json -> charts/<stamp>; anything else -> charts/report-<now> in the working folder. */
    static Path defaultOut(Path results) {
        Path abs = results.toAbsolutePath().normalize();
        Path runDir = abs.getParent();
        if (runDir != null && runDir.getParent() != null && runDir.getParent().getFileName() != null
                && runDir.getParent().getFileName().toString().equals("results")) {
            Path root = runDir.getParent().getParent();
            String stamp = runDir.getFileName().toString();
            try {
                stamp = runDir.toRealPath().getFileName().toString(); // results/latest -> its timestamp
            } catch (java.io.IOException e) {
                // keep the name as given
            }
            return root.resolve("charts").resolve(stamp);
        }
        return Path.of("charts", "report-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH-mm-ss")));
    }
}
