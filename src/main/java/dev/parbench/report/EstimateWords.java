package dev.parbench.report;

import dev.parbench.analysis.Estimate;
import java.util.Collection;
import java.util.Objects;

/**
 * The one place that names what an estimate's [low, high] is, from its kind: "95% interval" for a confidence
 * interval, "range of n forks" for the span of too few forks (or of a best-fork figure). Every caption, hover, table
 * header and sentence that names a spread takes its words from here, so a range is never called an interval.
 */
final class EstimateWords {
    static final String INTERVAL = "95% interval";

    private EstimateWords() {
    }

    /** "95% interval" or "range of 2 forks". */
    static String of(Estimate e) {
        return e.interval() ? INTERVAL : "range of " + e.forks() + (e.forks() == 1 ? " fork" : " forks");
    }

    /**
     * The words for a caption or header over many estimates: "95% interval" when all are intervals, "range of 2
     * forks" (or "of 1-2 forks") when all are ranges, "95% interval (range of 2 forks where fewer forks)" when mixed;
     * "spread" when there are none.
     */
    static String of(Collection<Estimate> all) {
        var list = all.stream().filter(Objects::nonNull).toList();
        if (list.isEmpty()) {
            return "spread";
        }
        var ranges = list.stream().filter(e -> !e.interval()).toList();
        if (ranges.isEmpty()) {
            return INTERVAL;
        }
        int lo = ranges.stream().mapToInt(Estimate::forks).min().orElse(0);
        int hi = ranges.stream().mapToInt(Estimate::forks).max().orElse(0);
        String range = "range of " + (lo == hi ? String.valueOf(lo) : lo + "-" + hi) + (hi == 1 ? " fork" : " forks");
        return ranges.size() == list.size() ? range : INTERVAL + " (" + range + " where fewer forks)";
    }
}
