package dev.parbench.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
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
    /** The env.json sections that are objects (machine, JDK, commit, run settings, engine cluster). */
    public static final List<String> ENV_SECTIONS = List.of("cpu", "os", "jdk", "git", "run", "hazelcast");
    private static final com.fasterxml.jackson.databind.JavaType ENV_TYPE = JsonInput.mapper().getTypeFactory()
            .constructType(new TypeReference<LinkedHashMap<String, Object>>() { });
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

    /** Reads one JMH JSON file through the bounded {@link JsonInput} parser (streamed once, never held twice). */
    public static List<BenchmarkRecord> readFile(Path file) {
        JsonNode root = JsonInput.readTree(file);
        return parse(root, file.toString());
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
        Metric primary = metric(n.get("primaryMetric"), where + " primaryMetric");
        int forks = primary.iterations().size();
        return new BenchmarkRecord(n.get("benchmark").asText(), mode, params, n.path("forks").asInt(0),
                n.path("threads").asInt(1), primary, secondary, jvm, jvmArgs, source,
                marks(n, "rounds", forks, where).stream().map(Long::intValue).toList(),
                marks(n, "forkStarted", forks, where));
    }

    /**
     * parbench's per-fork marks ({@code rounds}, {@code forkStarted}): whole non-negative numbers, one per fork of
     * the primary metric; absent (plain JMH output) gives an empty list.
     */
    private static List<Long> marks(JsonNode n, String field, int forks, String where) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray() || a.size() != forks) {
            throw new ResultsFormatException(where + ": '" + field + "' must be an array with one number per fork ("
                    + forks + ")");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode v : a) {
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0
                    || field.equals("rounds") && v.asLong() > Integer.MAX_VALUE) {
                throw new ResultsFormatException(where + ": '" + field + "' holds '" + v + "', not a whole number >= 0");
            }
            out.add(v.asLong());
        }
        return out;
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
            for (Map.Entry<String, JsonNode> e : pn.properties()) {
                pct.put(percentile(e.getKey(), where), number(e.getValue(), where + " percentile " + e.getKey()));
            }
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

    /** A scorePercentiles key: a number from 0 to 100, such as "99.9". */
    private static double percentile(String key, String where) {
        double p;
        try {
            p = Double.parseDouble(key);
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p >= 0 && p <= 100)) {
            throw new ResultsFormatException(where + " scorePercentiles: key '" + key + "' is not a percentile "
                    + "(expected a number from 0 to 100, such as \"99.9\")");
        }
        return p;
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

    /**
     * Reads an env.json written by {@code run}: any JSON object, but the sections parbench reads
     * ({@link #ENV_SECTIONS}) must be objects when present.
     */
    public static Map<String, Object> readEnv(Path file) {
        JsonNode root = JsonInput.readTree(file);
        if (!root.isObject()) {
            throw new ResultsFormatException(file + ": not an env.json (expected a JSON object)");
        }
        Map<String, Object> env = JsonInput.mapper().convertValue(root, ENV_TYPE);
        for (String k : ENV_SECTIONS) {
            Object v = env.get(k);
            if (v != null && !(v instanceof Map)) {
                throw new ResultsFormatException(file + ": field '" + k + "' must be an object, got "
                        + (v instanceof Number ? "a number" : v instanceof String ? "a string"
                        : v instanceof List ? "an array" : "a " + v.getClass().getSimpleName().toLowerCase(
                        java.util.Locale.ROOT)));
            }
        }
        return env;
    }
}
