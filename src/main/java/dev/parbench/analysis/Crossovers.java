package dev.parbench.analysis;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A model's crossover: from which size on it beats sequential, from the analysed points ({@link MatrixAnalyzer}). */
final class Crossovers {
    private Crossovers() {
    }

    /**
     * The smallest size at which the model beats sequential with its whole interval above 1 (any parallelism), from
     * claimable points only. A smaller size whose point estimate is above 1 but which is not claimable makes the
     * answer provisional (the crossover may lie there); so does, for "never", any point that could not be judged.
     */
    static Analysis.Crossover of(String s, List<Analysis.Point> points, TreeSet<Integer> sizes,
            TreeSet<Integer> parallelisms) {
        Analysis.Point unsettled = null;
        boolean anyUnjudged = false;
        for (int size : sizes) {
            for (int p : parallelisms.descendingSet()) {
                Optional<Analysis.Point> found = points.stream().filter(x -> x.strategy().equals(s) && x.size() == size
                        && x.parallelism() == p).findFirst();
                if (found.isEmpty()) {
                    continue;
                }
                Analysis.Point pt = found.get();
                if (pt.claimable() && pt.speedup().above(1.0)) {
                    return unsettled == null ? new Analysis.Crossover(s, size, p, pt.speedup(), false)
                            : new Analysis.Crossover(s, unsettled.size(), unsettled.parallelism(), unsettled.speedup(),
                                    true);
                }
                if (!pt.claimable()) {
                    anyUnjudged = true;
                    if (unsettled == null && pt.speedup().point() > 1) {
                        unsettled = pt;
                    }
                }
            }
        }
        return unsettled != null ? new Analysis.Crossover(s, unsettled.size(), unsettled.parallelism(),
                unsettled.speedup(), true) : new Analysis.Crossover(s, null, null, null, anyUnjudged);
    }
}
