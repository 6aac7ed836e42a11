package dev.parbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parbench run folder's {@code failures.json}: the run's status, the configurations that failed (and why) and
 * those never run (the run was interrupted or stopped). Results files of other projects have none.
 *
 * @param status {@code complete}, {@code incomplete} (some failed), {@code interrupted}, {@code stopped} or
 *               {@code running}
 * @param planned configurations in the run's plan
 * @param finished configurations in its results.json
 * @param resume the command that runs what is missing (empty when nothing is)
 */
public record RunFailures(String status, int planned, int finished, List<Entry> failed, List<Entry> notRun,
        String resume) {
    public static final String FILE = "failures.json";

    /** One configuration: benchmark, its parameter values, and why it failed (empty for one never run). */
    public record Entry(String benchmark, SortedMap<String, String> params, String reason) {
        public Entry {
            params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        }
    }

    public RunFailures {
        failed = List.copyOf(failed);
        notRun = List.copyOf(notRun);
    }

    /** True when every planned configuration finished. */
    public boolean isEmpty() {
        return failed.isEmpty() && notRun.isEmpty();
    }

    /** The failures.json next to {@code resultsFile}, if there is one. */
    public static Optional<RunFailures> nextTo(Path resultsFile) {
        Path f = resultsFile.toAbsolutePath().resolveSibling(FILE);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }

    public static RunFailures read(Path file) {
        JsonNode root = JsonInput.readTree(file);
        if ( !root.isObject() || !root.path("failed").isArray()) {
            throw new ResultsFormatException(file + ": not a parbench failures.json (needs a 'failed' list)");
        }
        return new RunFailures(root.path("status").asText(""), root.path("planned").asInt(0),
                root.path("finished").asInt(0), entries(root.path("failed"), file), entries(root.path("notRun"), file),
                root.path("resume").asText(""));
    }

    private static List<Entry> entries(JsonNode list, Path file) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.hasNonNull("benchmark")) {
                throw new ResultsFormatException(file + ": an entry without 'benchmark'");
            }
            SortedMap<String, String> params = new TreeMap<>();
            n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            out.add(new Entry(n.get("benchmark").asText(), params, n.path("reason").asText("")));
        }
        return out;
    }
}
