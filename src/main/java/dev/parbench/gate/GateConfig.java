package dev.parbench.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.parbench.results.JsonInput;
import dev.parbench.results.ResultsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The gate's settings, from a small JSON file in the repository ({@code .ci/gate.json}): global threshold, noise
 * margin δ and α; per-benchmark rules (a regex on {@code benchmark params}, first match wins) that change them or
 * exclude a benchmark; the multiplicity correction across the family of gated benchmarks ({@code "bh"}, the
 * default, or {@code "holm"}); and what {@code compare} runs. α is one value for the whole family: a rule may change
 * a benchmark's threshold and noise margin, not its α (a rule's {@code alpha} is ignored, with a note).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GateConfig(Double threshold, Double delta, Double alpha, String correction, List<Rule> rules,
        Compare compare) {

    /** Per-benchmark override; null fields keep the global value. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rule(String match, Double threshold, Double delta, Double alpha, Boolean exclude) {
    }

    /** What {@code compare --against} runs: JMH passes (include regex + params), forks per side, iteration times. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Compare(Integer forks, Integer warmupIterations, Integer warmupMillis, Integer iterations,
            Integer iterationMillis, String reference, List<Pass> passes, Integer extraRounds, Integer extraMinutes) {

        public Compare(Integer forks, Integer warmupIterations, Integer warmupMillis, Integer iterations,
                Integer iterationMillis, String reference, List<Pass> passes) {
            this(forks, warmupIterations, warmupMillis, iterations, iterationMillis, reference, passes, null, null);
        }

        /** The cap on sequential rounds for suspects (default {@value Sequential#MAX_EXTRA_ROUNDS}). */
        public int extraRoundsOrDefault() {
            return extraRounds == null ? Sequential.MAX_EXTRA_ROUNDS : extraRounds;
        }

        /** The time budget of the sequential stage, in minutes (default {@value Sequential#BUDGET_MINUTES}). */
        public int extraMinutesOrDefault() {
            return extraMinutes == null ? Sequential.BUDGET_MINUTES : extraMinutes;
        }
    }

    /**
     * One JMH pass of a comparison. In {@code include}, {@value #WORKLOAD_SHELLS} stands for the alternation of every
     * workload's JMH shell ({@code (SumBench|VectorAddBench|...)}, from {@code WorkloadKind}), so a new workload
     * joins the gate subset without an edit to the config.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Pass(String include, Map<String, List<String>> params) {
        public static final String WORKLOAD_SHELLS = "{workload-shells}";
        /**
         * The JMH shell of the first workload of {@code WorkloadKind} (the suite's lead workload, sum): the one on
         * which the gate runs every model, so that a model's own cost is gated once without naming a workload here.
         */
        public static final String FIRST_WORKLOAD_SHELL = "{first-workload-shell}";

        /** The include pattern with {@value #WORKLOAD_SHELLS} and {@value #FIRST_WORKLOAD_SHELL} expanded. */
        public String includeRegex() {
            return include.replace(WORKLOAD_SHELLS, java.util.Arrays.stream(dev.parbench.workload.WorkloadKind.values())
                    .map(dev.parbench.workload.WorkloadKind::benchClass)
                    .collect(java.util.stream.Collectors.joining("|", "(", ")")))
                    .replace(FIRST_WORKLOAD_SHELL, dev.parbench.workload.WorkloadKind.values()[0].benchClass());
        }
    }

    public static final double DEFAULT_THRESHOLD = 0.10;
    public static final double DEFAULT_DELTA = 0.02;
    public static final double DEFAULT_ALPHA = 0.05;

    public static GateConfig defaults() {
        return new GateConfig(DEFAULT_THRESHOLD, DEFAULT_DELTA, DEFAULT_ALPHA, null, List.of(), null);
    }

    /** Reads and checks a config file; problems are IllegalArgumentExceptions with one line naming the file. */
    public static GateConfig load(Path file) {
        GateConfig c;
        try {
            c = JsonInput.read(file, JsonInput.mapper().readerFor(GateConfig.class)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));
        } catch (ResultsFormatException e) {
            throw new IllegalArgumentException("not a valid gate config: " + e.getMessage());
        }
        if (c == null) {
            throw new IllegalArgumentException(file + ": not a valid gate config (the file is empty)");
        }
        c.check(file.toString());
        return c;
    }

    private void check(String where) {
        checkRange(where, "threshold", threshold, 0, 10);
        checkRange(where, "delta", delta, 0, 10);
        checkRange(where, "alpha", alpha, 1e-9, 0.5);
        if (correction != null) {
            try {
                Correction.parse(correction);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (compare != null) {
            if (compare.extraRounds() != null && (compare.extraRounds() < 0 || compare.extraRounds() > 200)) {
                throw new IllegalArgumentException(where + ": compare.extraRounds " + compare.extraRounds()
                        + " is outside [0, 200]");
            }
            if (compare.extraMinutes() != null && (compare.extraMinutes() < 0 || compare.extraMinutes() > 600)) {
                throw new IllegalArgumentException(where + ": compare.extraMinutes " + compare.extraMinutes()
                        + " is outside [0, 600]");
            }
        }
        if (compare != null && compare.passes() != null) {
            for (Pass p : compare.passes()) {
                try {
                    Pattern.compile(p.includeRegex());
                } catch (PatternSyntaxException | NullPointerException e) {
                    throw new IllegalArgumentException(where + ": compare pass include '" + p.include()
                            + "' is not a regex");
                }
            }
        }
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
                // α belongs to the family (one error budget for the whole gate): a rule's alpha is ignored
                return new Settings(r.threshold() == null ? t : r.threshold(), r.delta() == null ? d : r.delta(), a);
            }
        }
        return new Settings(t, d, a);
    }

    /** Settings of one gated benchmark. */
    public record Settings(double threshold, double delta, double alpha) {
    }

    /** The family's α (the global one). */
    public double familyAlpha() {
        return alpha == null ? DEFAULT_ALPHA : alpha;
    }

    /** The multiplicity correction across the gated benchmarks (default: Benjamini-Hochberg). */
    public Correction correctionOrDefault() {
        return correction == null ? Correction.BH : Correction.parse(correction);
    }

    /** The family: one α and one correction for every gated benchmark of a comparison. */
    public Family family() {
        return new Family(familyAlpha(), correctionOrDefault());
    }

    /** Lines a reader of the gate must see about the config itself (e.g. an ignored per-rule α). */
    public List<String> notes() {
        List<String> n = new java.util.ArrayList<>();
        for (Rule r : rules()) {
            if (r.alpha() != null) {
                n.add("The rule '" + r.match() + "' sets alpha " + r.alpha() + "; ignored: the correction across "
                        + "benchmarks uses one α for the whole family (" + familyAlpha() + "). Change the rule's "
                        + "threshold instead.");
            }
        }
        return n;
    }

    /** Multiplicity correction across the gated benchmarks. */
    public enum Correction {
        /** Holm's step-down: controls the family-wise error rate. */
        HOLM,
        /** Benjamini-Hochberg step-up: controls the false discovery rate (and the FWER when nothing changed). */
        BH;

        public static Correction parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "holm" -> HOLM;
                case "bh", "benjamini-hochberg", "fdr" -> BH;
                default -> throw new IllegalArgumentException("correction '" + s + "' is neither \"holm\" nor "
                        + "\"bh\"");
            };
        }

        /** The short name shown in reports ("Holm", "BH"). */
        public String label() {
            return this == HOLM ? "Holm" : "BH";
        }
    }

    /** One α and one correction for the whole family of gated benchmarks. */
    public record Family(double alpha, Correction correction) {
    }

    public static GateConfig loadOrDefault(Path file) {
        return file != null && Files.exists(file) ? load(file) : defaults();
    }
}
