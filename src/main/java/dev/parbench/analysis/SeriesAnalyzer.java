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
            List<String> variants = new ArrayList<>();
            TreeSet<String> seriesValues = new TreeSet<>();
            TreeSet<Double> xs = new TreeSet<>();
            List<Analysis.SeriesPoint> points = new ArrayList<>();
            for (BenchmarkRecord r : rs) {
                String variant = family.variantParam() == null ? r.method()
                        : r.params().getOrDefault(family.variantParam(), r.method());
                String series = family.seriesParam() == null ? null : r.param(family.seriesParam());
                double x = parse(r.param(family.xParam()));
                List<double[]> forks = ForkData.raw(r);
                if (Double.isNaN(x) || forks.isEmpty()) {
                    warnings.add(r.shortName() + " " + r.paramLabel() + ": no " + family.xParam()
                            + " or no finite measurements, skipped");
                    continue;
                }
                Map<String, Estimate> secondary = new LinkedHashMap<>();
                for (String name : family.secondary().keySet()) {
                    Metric m = r.secondary().get(name);
                    List<double[]> f = m == null ? List.of() : ForkData.finite(m);
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
                xs.add(x);
                points.add(new Analysis.SeriesPoint(variant, series, x, ForkIntervals.level(forks), secondary));
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
