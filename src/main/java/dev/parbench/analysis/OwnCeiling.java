package dev.parbench.analysis;

import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Traffic;

/**
 * A model's own bandwidth ceiling, where it must move more bytes than its workload's kernel: the bandwidth probe
 * times the workload's bytes per element over the bytes the model moves.
 *
 * <p>The one case today: a model that {@linkplain StrategyKind.Transport#copiesOutputBack() copies its output back}
 * ({@code shared-memory}) moves each output byte twice more (read from the mapping, written into the caller's array).
 * vector-add: 24 bytes per element for the kernel, 24 + 2 x 8 = 40 for the model, so its ceiling is 24/40 = 60% of
 * the probe. Its GB/s stay counted in the workload's bytes (comparable with every other model); the ceiling moves.
 */
public final class OwnCeiling {
    private OwnCeiling() {
    }

    /** Bytes per element the model moves for this workload (the workload's own when nothing is copied back). */
    public static int bytesPerElement(StrategyKind model, Traffic traffic) {
        int extra = model.transport().copiesOutputBack() ? 2 * traffic.outputBytesPerElement() : 0;
        return traffic.bytesPerElement() + extra;
    }

    /** The model's ceiling as a share of the probe: 1 when it moves what the kernel moves, below 1 otherwise. */
    public static double fractionOfProbe(StrategyKind model, Traffic traffic) {
        if (!traffic.memoryBound()) {
            return 1;
        }
        return (double) traffic.bytesPerElement() / bytesPerElement(model, traffic);
    }

    /**
     * A point's share of its own ceiling, in per cent: its share of the probe over {@link #fractionOfProbe}; NaN
     * where the point has no share of the probe.
     */
    public static double percentOfOwnCeiling(Analysis.Point p, StrategyKind model, Traffic traffic) {
        return p.percentOfProbe() / fractionOfProbe(model, traffic);
    }
}
