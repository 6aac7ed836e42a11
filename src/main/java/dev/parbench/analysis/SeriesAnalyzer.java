package dev.parbench.analysis;

import dev.parbench.family.Family;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The statistics of a SERIES family (a coordination pattern): per benchmark method, each record's score in its own
 * unit at (variant, series value, x) with a fork-level interval ({@link ForkIntervals}), and the secondary metrics the family declares.
 * What the axes are comes from the {@link Family} declaration.
 */
final class SeriesAnalyzer {
    private SeriesAnalyzer() {
    }

    static List<Analysis.SeriesResult> analyze(Family family, List<BenchmarkRecord> records,
            List<String> warnings) {
        Map<String, List<BenchmarkRecord>> byMethod = new LinkedHashMap<>();
        for (BenchmarkRecord r : records) {
            byMethod.computeIfAbsent(r.shortName(), k -> new ArrayList<>()).add(r);
        }
        List<Analysis.SeriesResult> out = new ArrayList<>();
        byMethod.forEach((method, rs) -> {
            List<String> extra = varyingOthers(family, rs);
            List<String> variants = new ArrayList<>();
            TreeSet<String> seriesValues = new TreeSet<>();
            TreeSet<Double> xs = new TreeSet<>();
            List<Analysis.SeriesPoint> points = new ArrayList<>();
            for (BenchmarkRecord r : rs) {
                StringBuilder v = new StringBuilder(family.variantParam() == null ? r.method()
                        : r.params().getOrDefault(family.variantParam(), r.method()));
                for (String p : extra) {
                    v.append(' ').append(p).append('=').append(r.param(p));
                }
                String variant = v.toString();
                String series = family.seriesParam() == null ? null : r.param(family.seriesParam());
                double x = family.xParam() == null ? Double.NaN : parse(r.param(family.xParam()));
                List<double[]> forks = ForkData.raw(r);
                if (family.xParam() != null && Double.isNaN(x) || forks.isEmpty()) {
                    warnings.add(r.shortName() + " " + r.paramLabel() + ": no " + family.xParam()
                            + " or no finite measurements, skipped");
                    continue;
                }
                Map<String, Estimate> secondary = new LinkedHashMap<>();
                for (String name : family.secondary().keySet()) {
                    List<double[]> f = secondaryForks(r, name);
                    if (!f.isEmpty()) {
                        secondary.put(name, ForkIntervals.level(f));
                    }
                }
                if (!variants.contains(variant)) {
                    variants.add(variant);
                }
                if (series != null) {
                    seriesValues.add(series);
                }
                if (!Double.isNaN(x)) {
                    xs.add(x);
                }
                points.add(new Analysis.SeriesPoint(variant, series, x, ForkIntervals.level(forks), secondary,
                        r.primary().percentiles()));
            }
            if (!points.isEmpty()) {
                BenchmarkRecord first = rs.get(0);
                out.add(new Analysis.SeriesResult(family, method, first.primary().unit(),
                        TimeUnits.higherIsBetter(first.mode(), first.primary().unit()), variants,
                        List.copyOf(seriesValues), List.copyOf(xs), points));
            }
        });
        return out;
    }

    /**
     * A secondary metric per fork and iteration: an aux counter by name, or {@code a/b}, the ratio of two counters
     * iteration by iteration (JMH's EVENTS counters are sums per iteration, so a rate is their ratio, not a mean).
     */
    static List<double[]> secondaryForks(BenchmarkRecord r, String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            Metric m = r.secondary().get(name);
            return m == null ? List.of() : ForkData.finite(m);
        }
        Metric num = r.secondary().get(name.substring(0, slash));
        Metric den = r.secondary().get(name.substring(slash + 1));
        if (num == null || den == null || num.iterations().size() != den.iterations().size()) {
            return List.of();
        }
        List<double[]> out = new ArrayList<>();
        for (int f = 0; f < num.iterations().size(); f++) {
            double[] a = num.iterations().get(f);
            double[] b = den.iterations().get(f);
            double[] ratio = java.util.stream.IntStream.range(0, Math.min(a.length, b.length))
                    .mapToDouble(i -> a[i] / b[i]).filter(Double::isFinite).toArray();
            if (ratio.length > 0) {
                out.add(ratio);
            }
        }
        return out;
    }

    /**
     * Parameters other than the family's x, variant and series that take more than one value among these records
     * (e.g. a queue's consumer count): they become part of the line's name, so no two points collide.
     */
    private static List<String> varyingOthers(Family family, List<BenchmarkRecord> rs) {
        Map<String, java.util.Set<String>> values = new java.util.TreeMap<>();
        for (BenchmarkRecord r : rs) {
            r.params().forEach((k, val) -> values.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(val));
        }
        List<String> out = new ArrayList<>();
        values.forEach((k, vs) -> {
            if (vs.size() > 1 && !k.equals(family.xParam()) && !k.equals(family.variantParam())
                    && !k.equals(family.seriesParam())) {
                out.add(k);
            }
        });
        return out;
    }

    private static double parse(String v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
