package dev.parbench.family;

import java.util.List;
import java.util.Map;

/**
 * A benchmark family: benchmarks that answer one question and are read together, declared once. The run plan, the
 * analysis and the report find a family's benchmarks, its x axis, its variants and its secondary metrics here,
 * never by switching on class names.
 *
 * @param id            the id users type ({@code --patterns counter}) and the report's section anchor
 * @param title         the report section's heading
 * @param question      the one question the family answers, as the report's first sentence
 * @param layout        how the analysis reads it and the report draws it
 * @param benchClasses  simple names of its JMH classes in {@code dev.parbench.bench}
 * @param xParam        the JMH parameter on the x axis (e.g. {@code size}, {@code workers})
 * @param xLabel        the x axis label
 * @param variantParam  the parameter whose values are the lines of a chart (e.g. {@code strategy}, {@code variant})
 * @param seriesParam   a second parameter drawn side by side (e.g. {@code threads}: platform / virtual), or null
 * @param secondary     secondary metrics worth reporting (JMH aux counters), name -> what it means
 * @param params        the parameter values a run passes to JMH for this family (empty: the profile decides)
 * @param charted       secondary metrics (keys of {@code secondary}) the report draws as charts of their own, with
 *                      the same x axis and lines as the score (e.g. a stream's bytes per second)
 * @param contrasts     pairs of variants whose difference the report states in words (SERIES), e.g. what SIGTERM
 *                      costs over SIGKILL
 */
public record Family(String id, String title, String question, Layout layout, List<String> benchClasses,
        String xParam, String xLabel, String variantParam, String seriesParam, Map<String, String> secondary,
        Map<String, List<String>> params, List<String> charted, List<Contrast> contrasts) {

    /**
     * {@code variant} against {@code reference}, per series value and x: the report says both scores and their
     * difference, and {@code meaning}: what the difference is.
     */
    public record Contrast(String variant, String reference, String meaning) {
    }

    /** How a family's results are analysed and drawn. */
    public enum Layout {
        /** Workloads x models: speedups over the sequential baseline, per size and parallelism. */
        MODEL_MATRIX,
        /** The machine's own ceilings (bandwidth, transfer, start-up): figures other families are read against. */
        PROBE,
        /** Score vs one parameter, one line per variant (and per series value): the coordination families. */
        SERIES,
        /** The gate's fixed reference work: a report shows it as it shows any benchmark it has no analysis for. */
        REFERENCE
    }

    public Family {
        benchClasses = List.copyOf(benchClasses);
        secondary = Map.copyOf(secondary);
        params = Map.copyOf(params);
        charted = List.copyOf(charted);
        contrasts = List.copyOf(contrasts);
        if (benchClasses.isEmpty()) {
            throw new IllegalArgumentException("family " + id + " has no benchmark class");
        }
        if (!secondary.keySet().containsAll(charted)) {
            throw new IllegalArgumentException("family " + id + " charts a metric it does not declare: " + charted);
        }
    }

    /** A family that charts no secondary metric and states no contrast. */
    public Family(String id, String title, String question, Layout layout, List<String> benchClasses, String xParam,
            String xLabel, String variantParam, String seriesParam, Map<String, String> secondary,
            Map<String, List<String>> params) {
        this(id, title, question, layout, benchClasses, xParam, xLabel, variantParam, seriesParam, secondary, params,
                List.of(), List.of());
    }

    /** True if this family holds the JMH benchmark {@code benchmark} (fully qualified, method included). */
    public boolean owns(String benchmark) {
        String cls = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        return cls.startsWith(Families.BENCH_PACKAGE + ".")
                && benchClasses.contains(cls.substring(Families.BENCH_PACKAGE.length() + 1));
    }

    /** JMH include patterns (regular expressions) selecting every benchmark of the family. */
    public List<String> includes() {
        return benchClasses.stream()
                .map(c -> "^" + java.util.regex.Pattern.quote(Families.BENCH_PACKAGE + "." + c + ".")).toList();
    }
}
