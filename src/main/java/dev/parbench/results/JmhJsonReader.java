package dev.parbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result format as JMH really writes it: numbers that may be the strings {@code "NaN"},
 * {@code "+INF"}, {@code "-INF"}; no {@code params} for benchmarks without parameters; modes {@code thrpt},
 * {@code avgt}, {@code sample} (with {@code rawDataHistogram} instead of {@code rawData}) and {@code ss};
 * secondary metrics such as {@code gc.alloc.rate} (older JMH: {@code ·gc.alloc.rate}); older files without {@code jvm}/{@code jdkVersion}.
 */
public final class JmhJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");

    private JmhJsonReader() {
    }

    /** Reads several files into one data set; each file's env.json (same folder) is attached when present. */
    public static RunData read(List<Path> files) {
        if (files.isEmpty()) {
            throw new ResultsFormatException("no results file given");
        }
        List<BenchmarkRecord> records = new ArrayList<>();
        Map<String, Map<String, Object>> envs = new LinkedHashMap<>();
        for (Path f : files) {
            records.addAll(readFile(f));
            Path env = f.toAbsolutePath().resolveSibling("env.json");
            if (Files.isRegularFile(env)) {
                envs.put(f.toString(), readEnv(env));
            }
        }
        return new RunData(records, envs);
    }

    public static List<BenchmarkRecord> readFile(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(name + ": no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(name + ": cannot read (" + e.getMessage() + ")");
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ResultsFormatException(name + ": the file is empty, not JMH JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ResultsFormatException(name + ": malformed or truncated JSON" + where
                    + " (was the run interrupted?)");
        } catch (IOException e) {
            throw new ResultsFormatException(name + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(root, name);
    }

    /** Parses an already-read JSON tree; {@code name} is for messages. */
    public static List<BenchmarkRecord> parse(JsonNode root, String name) {
        if (root == null || !root.isArray()) {
            throw new ResultsFormatException(name + ": not JMH JSON (expected an array of benchmark results, as "
                    + "written by -rf json)");
        }
        if (root.isEmpty()) {
            throw new ResultsFormatException(name + ": holds no benchmark results (an empty array)");
        }
        List<BenchmarkRecord> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            out.add(record(n, name + " [result " + i + "]", name));
            i++;
        }
        return out;
    }

    private static BenchmarkRecord record(JsonNode n, String where, String source) {
        if (!n.isObject() || !n.hasNonNull("benchmark") || !n.hasNonNull("primaryMetric")) {
            throw new ResultsFormatException(where + ": not a JMH result (needs 'benchmark' and 'primaryMetric')");
        }
        String mode = text(n, "mode", where);
        if (!MODES.contains(mode)) {
            throw new ResultsFormatException(where + ": unknown mode '" + mode + "' (expected thrpt, avgt, sample or ss)");
        }
        SortedMap<String, String> params = new TreeMap<>();
        JsonNode p = n.get("params");
        if (p != null && p.isObject()) {
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode s = n.get("secondaryMetrics");
        if (s != null && s.isObject()) {
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                secondary.put(e.getKey(), metric(e.getValue(), where + " secondary '" + e.getKey() + "'"));
            }
        }
        Map<String, String> jvm = new LinkedHashMap<>();
        for (String k : List.of("jmhVersion", "jvm", "jdkVersion", "vmName", "vmVersion")) {
            if (n.hasNonNull(k)) {
                jvm.put(k, n.get(k).asText());
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        if (n.has("jvmArgs") && n.get("jvmArgs").isArray()) {
            n.get("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        }
        return new BenchmarkRecord(n.get("benchmark").asText(), mode, params, n.path("forks").asInt(0),
                n.path("threads").asInt(1), metric(n.get("primaryMetric"), where + " primaryMetric"), secondary, jvm,
                jvmArgs, source);
    }

    private static Metric metric(JsonNode m, String where) {
        if (!m.isObject() || !m.has("score")) {
            throw new ResultsFormatException(where + ": a metric needs a 'score'");
        }
        double score = number(m.get("score"), where + " score");
        double error = m.has("scoreError") ? number(m.get("scoreError"), where + " scoreError") : Double.NaN;
        String unit = m.path("scoreUnit").asText("");
        SortedMap<Double, Double> pct = new TreeMap<>();
        JsonNode pn = m.get("scorePercentiles");
        if (pn != null && pn.isObject()) {
            pn.properties().forEach(e -> pct.put(Double.parseDouble(e.getKey()),
                    number(e.getValue(), where + " percentile " + e.getKey())));
        }
        List<double[]> iterations = new ArrayList<>();
        if (m.has("rawData") && m.get("rawData").isArray()) {
            for (JsonNode fork : m.get("rawData")) {
                if (!fork.isArray()) {
                    throw new ResultsFormatException(where + ": rawData must be an array per fork");
                }
                double[] v = new double[fork.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = number(fork.get(i), where + " rawData");
                }
                iterations.add(v);
            }
        } else if (m.has("rawDataHistogram") && m.get("rawDataHistogram").isArray()) {
            for (JsonNode fork : m.get("rawDataHistogram")) {
                List<Double> means = new ArrayList<>();
                for (JsonNode iteration : fork) {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode bin : iteration) {
                        if (!bin.isArray() || bin.size() != 2) {
                            throw new ResultsFormatException(where + ": rawDataHistogram bins must be [value, count]");
                        }
                        double value = number(bin.get(0), where + " histogram value");
                        double c = number(bin.get(1), where + " histogram count");
                        sum += value * c;
                        count += c;
                    }
                    means.add(count == 0 ? Double.NaN : sum / count);
                }
                iterations.add(means.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return new Metric(score, error, unit, pct, iterations);
    }

    /** JMH writes non-finite doubles as the strings "NaN", "+INF" and "-INF". */
    static double number(JsonNode v, String where) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "+INF", "INF", "Infinity", "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF", "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(v.asText());
                    } catch (NumberFormatException e) {
                        throw new ResultsFormatException(where + ": '" + v.asText() + "' is not a number");
                    }
            }
        }
        throw new ResultsFormatException(where + ": expected a number, got " + v.getNodeType());
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new ResultsFormatException(where + ": missing '" + field + "'");
        }
        return v.asText();
    }

    /** Reads an env.json written by {@code run} (any JSON object is accepted). */
    public static Map<String, Object> readEnv(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": not a readable env.json (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
    }
}
