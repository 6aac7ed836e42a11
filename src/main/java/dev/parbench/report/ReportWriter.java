package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.results.RunFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Puts the finished folder at {@code target}, replacing an older report only once the new one is complete. */
    static void replace(Path finished, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target); // put the previous report back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
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
