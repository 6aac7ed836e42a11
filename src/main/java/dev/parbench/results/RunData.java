package dev.parbench.results;

import java.util.List;
import java.util.Map;

/**
 * Everything read for one report: the records of one or more JMH JSON files, and each file's environment
 * ({@code env.json} found next to it), keyed by the file it belongs to.
 */
public record RunData(List<BenchmarkRecord> records, Map<String, Map<String, Object>> environments) {
    public RunData {
        records = List.copyOf(records);
        environments = Map.copyOf(environments);
    }
}
