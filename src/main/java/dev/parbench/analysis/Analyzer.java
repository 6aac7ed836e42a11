package dev.parbench.analysis;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.RunData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns read records into an {@link Analysis}: sorts them by family ({@link RecordSorter}), then hands each family to
 * its analysis (probes, model matrix, series, foreign). Deterministic: every bootstrap is seeded from its
 * configuration.
 */
public final class Analyzer {
    private final long seed;

    public Analyzer() {
        this(20261121L);
    }

    public Analyzer(long seed) {
        this.seed = seed;
    }

    private HierarchicalBootstrap bootstrap(String key) {
        return new HierarchicalBootstrap(seed ^ key.hashCode());
    }

    public Analysis analyze(RunData data) {
        RecordSorter.Sorted sorted = RecordSorter.sort(data);
        List<String> warnings = new ArrayList<>(sorted.warnings());
        Analysis.Probe probe = ProbeAnalyzer.analyze(sorted, this::bootstrap);
        List<Analysis.WorkloadResult> workloads = new MatrixAnalyzer(sorted.matrix(), probe, this::bootstrap,
                warnings).analyze();
        List<Analysis.SeriesResult> series = new ArrayList<>();
        sorted.series().forEach((family, records) -> series.addAll(SeriesAnalyzer.analyze(family, records,
                this::bootstrap, warnings)));
        List<Analysis.ForeignResult> foreign = sorted.foreign().stream().map(this::foreign).toList();
        return new Analysis(workloads, probe, series, foreign, data.environments(), warnings);
    }

    private Analysis.ForeignResult foreign(BenchmarkRecord r) {
        String key = r.benchmark() + "/" + r.paramLabel();
        List<double[]> raw = ForkData.raw(r);
        Estimate score = raw.isEmpty() ? new Estimate(r.primary().score(), Double.NaN, Double.NaN, 0)
                : bootstrap(key).mean(raw);
        Map<String, Estimate> secondary = new LinkedHashMap<>();
        r.secondary().forEach((name, m) -> {
            List<double[]> forks = ForkData.finite(m);
            secondary.put(name, forks.isEmpty() ? new Estimate(m.score(), Double.NaN, Double.NaN, 0)
                    : bootstrap(key + "/" + name).mean(forks));
        });
        return new Analysis.ForeignResult(r.benchmark(), r.mode(), r.primary().unit(), r.params(), score,
                TimeUnits.higherIsBetter(r.mode(), r.primary().unit()), secondary);
    }
}
