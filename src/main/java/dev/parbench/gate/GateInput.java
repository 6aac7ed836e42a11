package dev.parbench.gate;

import dev.parbench.analysis.Stats;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.results.BenchmarkRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns two sides' records into {@link Sample}s: one key per benchmark + params; costs (time per operation; a
 * throughput is inverted so that smaller is always better); fork medians. Both sides must hold the same keys.
 */
public final class GateInput {
    private GateInput() {
    }

    /** How stored-mode runs are made comparable. */
    public enum Normalisation {
        /** Raw costs: only when both runs come from the same machine and conditions. */
        RAW,
        /**
         * Relative to the other benchmarks: {@code gate} uses {@link #relativeToOthers} (the median change of the
         * others as the machine factor); {@link #normalise} on one run divides each benchmark by the geometric mean
         * of the <em>other</em> benchmarks' centres. Either way the tested benchmark is left out, so a regression
         * does not shrink itself.
         */
        GEOMETRIC_MEAN,
        /** Each run divided by one reference benchmark of the same run. */
        REFERENCE
    }

    public static String key(BenchmarkRecord r) {
        return r.paramLabel().isEmpty() ? r.benchmark() : r.benchmark() + " [" + r.paramLabel() + "]";
    }

    /** Per key, per fork, the median iteration as a cost (smaller is better). */
    public static Map<String, double[]> costs(List<BenchmarkRecord> records) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (BenchmarkRecord r : records) {
            boolean higherIsBetter = TimeUnits.higherIsBetter(r.mode(), r.primary().unit());
            for (double[] fork : r.primary().iterations()) {
                double[] finite = java.util.Arrays.stream(fork).filter(Double::isFinite).toArray();
                if (finite.length == 0) {
                    continue;
                }
                double m = Stats.median(finite);
                out.computeIfAbsent(key(r), k -> new ArrayList<>()).add(higherIsBetter ? 1 / m : m);
            }
            if (r.primary().iterations().isEmpty() && Double.isFinite(r.primary().score())) {
                out.computeIfAbsent(key(r), k -> new ArrayList<>()).add(higherIsBetter ? 1 / r.primary().score()
                        : r.primary().score());
            }
        }
        Map<String, double[]> result = new TreeMap<>();
        out.forEach((k, v) -> result.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return result;
    }

    /** Per key, how it was measured: "mode unit" (e.g. "avgt us/op"). */
    public static Map<String, String> units(List<BenchmarkRecord> records) {
        Map<String, String> out = new TreeMap<>();
        for (BenchmarkRecord r : records) {
            out.put(key(r), r.mode() + " " + r.primary().unit());
        }
        return out;
    }

    /**
     * Checks that every key present on both sides was measured in the same mode and unit; a change is an error in
     * one line (the gate does not compare a time with a throughput, nor us/op with ms/op: it would read as a 1000x
     * regression).
     */
    public static void checkSameUnits(Map<String, String> baseline, Map<String, String> candidate) {
        for (Map.Entry<String, String> e : baseline.entrySet()) {
            String c = candidate.get(e.getKey());
            if (c != null && !c.equals(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " is measured as " + e.getValue()
                        + " in the baseline but as " + c + " in the candidate; the gate does not compare across "
                        + "modes or units (rerun both sides alike)");
            }
        }
    }

    /** Checks that both sides hold the same keys; the message names the first difference. */
    public static void checkSameKeys(Map<String, ?> baseline, Map<String, ?> candidate) {
        for (String k : baseline.keySet()) {
            if (!candidate.containsKey(k)) {
                throw new IllegalArgumentException(k + " is in the baseline but not in the candidate (a removed "
                        + "benchmark or mismatched params)");
            }
        }
        for (String k : candidate.keySet()) {
            if (!baseline.containsKey(k)) {
                throw new IllegalArgumentException(k + " is in the candidate but not in the baseline (a new "
                        + "benchmark or mismatched params)");
            }
        }
    }

    /** Divides a run's costs as the normalisation says; returns a new map (the reference key removed). */
    public static Map<String, double[]> normalise(Map<String, double[]> costs, Normalisation how, String reference) {
        if (how == Normalisation.RAW) {
            return costs;
        }
        final double by;
        Map<String, double[]> out = new TreeMap<>(costs);
        if (how == Normalisation.REFERENCE) {
            String ref = find(costs, reference);
            by = Stats.median(costs.get(ref));
            out.remove(ref);
        } else {
            if (costs.size() < 2) {
                throw new IllegalArgumentException("one benchmark cannot be normalised by the geometric mean of the "
                        + "others; use --reference or --raw-times");
            }
            double logSum = 0;
            for (double[] v : costs.values()) {
                logSum += Math.log(Stats.median(v));
            }
            int n = costs.size();
            double total = logSum;
            out.replaceAll((k, v) -> Sample.scale(v, Math.exp((total - Math.log(Stats.median(v))) / (n - 1))));
            return out;
        }
        out.replaceAll((k, v) -> Sample.scale(v, by));
        return out;
    }

    /** Every key matching a regex (the compare references: e.g. an ALU loop and a memory stream); none is an error. */
    public static List<String> findAll(Map<String, ?> costs, String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> hits = costs.keySet().stream().filter(k -> p.matcher(k).find()).toList();
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("the reference '" + regex + "' matches no benchmark of the run");
        }
        return hits;
    }

    /**
     * Stored mode's default normalisation, for both runs at once: benchmark k of the candidate is divided by the
     * machine factor f_k = the median, on the log scale, of the <em>other</em> benchmarks' candidate / baseline
     * ratios of centres (so a regression neither shrinks itself nor, being one of several, moves the factor that the
     * others are judged by). Returns the rescaled candidate; the baseline stays as it is.
     */
    public static Map<String, double[]> relativeToOthers(Map<String, double[]> baseline,
            Map<String, double[]> candidate) {
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("one benchmark cannot be normalised by the others; use --reference "
                    + "or --raw-times");
        }
        Map<String, Double> logRatio = new TreeMap<>();
        baseline.forEach((k, b) -> logRatio.put(k, Math.log(Stats.median(candidate.get(k)) / Stats.median(b))));
        Map<String, double[]> out = new TreeMap<>();
        for (Map.Entry<String, double[]> e : candidate.entrySet()) {
            double[] others = logRatio.entrySet().stream().filter(x -> !x.getKey().equals(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).toArray();
            out.put(e.getKey(), Sample.scale(e.getValue(), Math.exp(Stats.median(others))));
        }
        return out;
    }

    /** The one key matching a regex (for --reference); an error if none or several match. */
    public static String find(Map<String, ?> costs, String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> hits = costs.keySet().stream().filter(k -> p.matcher(k).find()).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException("--reference '" + regex + "' matches " + hits.size()
                    + " benchmarks; it must match exactly one" + (hits.isEmpty() ? "" : ": " + hits));
        }
        return hits.get(0);
    }
}
