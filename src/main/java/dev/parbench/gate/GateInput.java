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
        /** Each run divided by the geometric mean of its own benchmarks' centres (machine-invariant, relative). */
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
        double by;
        Map<String, double[]> out = new TreeMap<>(costs);
        if (how == Normalisation.REFERENCE) {
            String ref = find(costs, reference);
            by = Stats.median(costs.get(ref));
            out.remove(ref);
        } else {
            double logSum = 0;
            for (double[] v : costs.values()) {
                logSum += Math.log(Stats.median(v));
            }
            by = Math.exp(logSum / costs.size());
        }
        out.replaceAll((k, v) -> Sample.scale(v, by));
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
