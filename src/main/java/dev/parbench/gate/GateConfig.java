package dev.parbench.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The gate's settings, from a small JSON file in the repository ({@code .ci/gate.json}): global threshold, noise
 * margin δ and α; per-benchmark rules (a regex on {@code benchmark params}, first match wins) that change them or
 * exclude a benchmark; and what {@code compare} runs.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GateConfig(Double threshold, Double delta, Double alpha, List<Rule> rules, Compare compare) {

    /** Per-benchmark override; null fields keep the global value. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rule(String match, Double threshold, Double delta, Double alpha, Boolean exclude) {
    }

    /** What {@code compare --against} runs: JMH passes (include regex + params), forks per side, iteration times. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Compare(Integer forks, Integer warmupIterations, Integer warmupMillis, Integer iterations,
            Integer iterationMillis, String reference, List<Pass> passes) {
    }

    /**
     * One JMH pass of a comparison. In {@code include}, {@value #WORKLOAD_SHELLS} stands for the alternation of every
     * workload's JMH shell ({@code (SumBench|VectorAddBench|...)}, from {@code WorkloadKind}), so a new workload
     * joins the gate subset without an edit to the config.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Pass(String include, Map<String, List<String>> params) {
        public static final String WORKLOAD_SHELLS = "{workload-shells}";

        /** The include pattern with {@value #WORKLOAD_SHELLS} expanded. */
        public String includeRegex() {
            return include.replace(WORKLOAD_SHELLS, java.util.Arrays.stream(dev.parbench.workload.WorkloadKind.values())
                    .map(dev.parbench.workload.WorkloadKind::benchClass)
                    .collect(java.util.stream.Collectors.joining("|", "(", ")")));
        }
    }

    public static final double DEFAULT_THRESHOLD = 0.10;
    public static final double DEFAULT_DELTA = 0.02;
    public static final double DEFAULT_ALPHA = 0.05;

    public static GateConfig defaults() {
        return new GateConfig(DEFAULT_THRESHOLD, DEFAULT_DELTA, DEFAULT_ALPHA, List.of(), null);
    }

    /** Reads and checks a config file; problems are IllegalArgumentExceptions with one line naming the file. */
    public static GateConfig load(Path file) {
        GateConfig c;
        try {
            c = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(file.toFile(), GateConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a valid gate config (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
        c.check(file.toString());
        return c;
    }

    private void check(String where) {
        checkRange(where, "threshold", threshold, 0, 10);
        checkRange(where, "delta", delta, 0, 10);
        checkRange(where, "alpha", alpha, 1e-9, 0.5);
        for (Rule r : rules()) {
            if (r.match() == null) {
                throw new IllegalArgumentException(where + ": every rule needs a 'match' regex");
            }
            try {
                Pattern.compile(r.match());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": rule match '" + r.match() + "' is not a regex");
            }
            checkRange(where, "rule threshold", r.threshold(), 0, 10);
            checkRange(where, "rule delta", r.delta(), 0, 10);
            checkRange(where, "rule alpha", r.alpha(), 1e-9, 0.5);
        }
    }

    private static void checkRange(String where, String name, Double v, double lo, double hi) {
        if (v != null && !(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(where + ": " + name + " " + v + " is outside [" + lo + ", " + hi + "]");
        }
    }

    @Override
    public List<Rule> rules() {
        return rules == null ? List.of() : rules;
    }

    /** The settings for one benchmark key ({@code benchmark params}); null if it is excluded. */
    public Settings settingsFor(String key) {
        double t = threshold == null ? DEFAULT_THRESHOLD : threshold;
        double d = delta == null ? DEFAULT_DELTA : delta;
        double a = alpha == null ? DEFAULT_ALPHA : alpha;
        for (Rule r : rules()) {
            if (Pattern.compile(r.match()).matcher(key).find()) {
                if (Boolean.TRUE.equals(r.exclude())) {
                    return null;
                }
                return new Settings(r.threshold() == null ? t : r.threshold(), r.delta() == null ? d : r.delta(),
                        r.alpha() == null ? a : r.alpha());
            }
        }
        return new Settings(t, d, a);
    }

    /** Settings of one gated benchmark. */
    public record Settings(double threshold, double delta, double alpha) {
    }

    public static GateConfig loadOrDefault(Path file) {
        return file != null && Files.exists(file) ? load(file) : defaults();
    }
}
