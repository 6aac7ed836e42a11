package dev.parbench.analysis;

import dev.parbench.strategy.CostMetric;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why each model costs what it costs: maps the cost profile's secondary metrics ({@link CostMetric}) of every
 * configuration of a workload to an {@link Analysis.Cost} beside its time, per size and model (sequential first). Each
 * figure is a fork-level estimate ({@link ForkIntervals#level}: the mean of the fork medians where a figure can be
 * zero). Configurations without cost metrics (results written before the cost profile) get no row.
 */
final class CostAnalyzer {
    private CostAnalyzer() {
    }

    /** {@code w} with the costs its configurations recorded. */
    static Analysis.WorkloadResult attach(Analysis.WorkloadResult w,
            Map<MatrixConfig, Map<CostMetric, List<double[]>>> recorded) {
        if (recorded.isEmpty()) {
            return w;
        }
        WorkloadKind kind = WorkloadKind.fromId(w.workload()); // the matrix analysis named it from its kind
        List<Analysis.Cost> out = new ArrayList<>();
        for (int size : w.sizes()) {
            Estimate seq = w.baseline().get(size);
            if (seq != null) {
                cost(recorded.get(new MatrixConfig(kind, w.kernel(), MatrixConfig.SEQUENTIAL, 1, size)),
                        MatrixConfig.SEQUENTIAL, 1, size, seq, out);
            }
            for (Analysis.Point p : w.points()) {
                if (p.size() == size) {
                    cost(recorded.get(new MatrixConfig(kind, w.kernel(), p.strategy(), p.parallelism(), size)),
                            p.strategy(), p.parallelism(), size, p.time(), out);
                }
            }
        }
        return w.withCosts(out);
    }

    private static void cost(Map<CostMetric, List<double[]>> metrics, String strategy, int parallelism, int size,
            Estimate time, List<Analysis.Cost> out) {
        if (metrics == null) {
            return;
        }
        Map<CostMetric, Estimate> figures = new EnumMap<>(CostMetric.class);
        metrics.forEach((m, forks) -> {
            if (!forks.isEmpty()) {
                figures.put(m, ForkIntervals.level(forks));
            }
        });
        if (!figures.isEmpty()) {
            out.add(new Analysis.Cost(strategy, parallelism, size, time, figures));
        }
    }
}
