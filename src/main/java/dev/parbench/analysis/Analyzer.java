package dev.parbench.analysis;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.RunData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns read records into an {@link Analysis}: sorts them by family ({@link RecordSorter}), then hands each family to
 * its analysis (probes, model matrix, series, foreign). Every fork-level interval comes from {@link ForkIntervals}
 * (Student t over fork medians): deterministic, no randomness.
 */
public final class Analyzer {

    public Analyzer() {
    }

    public Analysis analyze(RunData data) {
        RecordSorter.Sorted sorted = RecordSorter.sort(data);
        List<String> warnings = new ArrayList<>(sorted.warnings());
        Analysis.Probe probe = ProbeAnalyzer.analyze(sorted);
        int cores = cores(data.environments());
        if (cores == 0 && !sorted.matrix().isEmpty()) {
            warnings.add("the machine's core count is unknown (no env.json with cpu.cores): Amdahl fits and "
                    + "Karp-Flatt use every parallelism measured, whether or not the machine had that many cores");
        }
        List<Analysis.WorkloadResult> workloads = new MatrixAnalyzer(sorted.matrix(), probe, cores, warnings)
                .withConditions(sorted.conditions()).withRounds(sorted.rounds()).analyze().stream()
                .map(w -> CostAnalyzer.attach(w, sorted.costs())).toList();
        List<Analysis.SeriesResult> series = new ArrayList<>();
        sorted.series().forEach((family, records) -> series.addAll(SeriesAnalyzer.analyze(family, records,
                warnings)));
        List<Analysis.ForeignResult> foreign = sorted.foreign().stream().map(this::foreign).toList();
        return new Analysis(workloads, probe, series, foreign, data.environments(), warnings,
                Stability.of(data.records()));
    }

    /** The smallest {@code cpu.cores} over the run's env.json files; 0 when none says. */
    static int cores(Map<String, Map<String, Object>> environments) {
        int cores = 0;
        for (Map<String, Object> env : environments.values()) {
            if (env.get("cpu") instanceof Map<?, ?> cpu && cpu.get("cores") instanceof Number n && n.intValue() > 0) {
                cores = cores == 0 ? n.intValue() : Math.min(cores, n.intValue());
            }
        }
        return cores;
    }

    private Analysis.ForeignResult foreign(BenchmarkRecord r) {
        List<double[]> raw = ForkData.raw(r);
        Estimate score = raw.isEmpty() ? new Estimate(r.primary().score(), Double.NaN, Double.NaN, 0)
                : ForkIntervals.level(raw);
        Map<String, Estimate> secondary = new LinkedHashMap<>();
        r.secondary().forEach((name, m) -> {
            List<double[]> forks = ForkData.finite(m);
            secondary.put(name, forks.isEmpty() ? new Estimate(m.score(), Double.NaN, Double.NaN, 0)
                    : ForkIntervals.level(forks));
        });
        return new Analysis.ForeignResult(r.benchmark(), r.mode(), r.primary().unit(), r.params(), score,
                TimeUnits.higherIsBetter(r.mode(), r.primary().unit()), secondary);
    }
}
