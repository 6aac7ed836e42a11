package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.results.RunFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a whole report (index.html, summary.md, summary.csv, every chart as PNG and SVG) into a temporary sibling
 * folder and only then moves it to {@code out}: a failure never leaves a half-written report over a good one.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Writes the report and returns the path of its index.html. */
    public static Path write(Analysis analysis, Path out) throws IOException {
        return write(analysis, out, List.of());
    }

    /**
     * As {@link #write(Analysis, Path)}, with the runs' failures.json: failed and not-run configurations get a
     * section of their own, first, and a warning.
     */
    public static Path write(Analysis analysis, Path out, List<RunFailures> failures) throws IOException {
        ReportView view = FailureSection.addTo(ReportView.of(analysis), failures);
        Path target = out.toAbsolutePath().normalize();
        OutFolder.requireReplaceable(target); // before any work: a folder parbench did not write is refused
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            Map<String, String> svgs = ChartFiles.write(view.sections().stream()
                    .flatMap(s -> s.charts().stream()).toList(), tmp, "c");
            Files.writeString(tmp.resolve("index.html"), HtmlPage.render(view, svgs), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.md"), TextSummaries.markdown(view, analysis), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.csv"), TextSummaries.csv(analysis), StandardCharsets.UTF_8);
            replace(tmp, target);
        } finally {
            deleteTree(tmp);
        }
        return target.resolve("index.html");
    }

    /** Puts the finished folder at {@code target}: see {@link OutFolder#replace}. */
    static void replace(Path finished, Path target) throws IOException {
        OutFolder.replace(finished, target);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
