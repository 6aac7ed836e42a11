package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of one decision row, for the report's table and the terminal's alike: which model (or models) to use and
 * how far the figures carry it. Where parallel configurations tie with the best within the noise, the advice names
 * them all ("any of ..."): naming one would be naming the noise. Decides nothing the analysis did not.
 */
public final class Advice {
    /** At most this many names in one "any of"; the rest are counted. */
    static final int MAX_NAMES = 3;

    private Advice() {
    }

    /** "fork-join (p=2)", "sequential", or "any of fork-join (p=2), executor (p=2)" when others tie with the best. */
    public static String use(Analysis.Best b) {
        if (b.strategy().equals("sequential")) {
            return "sequential";
        }
        if (b.ties().isEmpty()) {
            return name(b.strategy(), b.parallelism());
        }
        List<String> names = new ArrayList<>();
        names.add(name(b.strategy(), b.parallelism()));
        for (Analysis.Tie t : b.ties()) {
            names.add(name(t.strategy(), t.parallelism()));
        }
        String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMES, names.size())));
        return "any of " + shown + (names.size() > MAX_NAMES ? " (+" + (names.size() - MAX_NAMES) + " more)" : "");
    }

    /** How far the row's figures carry it, in a few words (the report's evidence column says it at length). */
    public static String evidence(Analysis.WorkloadResult w, Analysis.Best b) {
        return switch (DecisionSection.Evidence.of(w, b)) {
            case FAULT -> w.memoryBound() ? "measurement fault: above the memory ceiling"
                    : "measurement fault: speedup above p";
            case PROVISIONAL -> "provisional (see report)";
            case NOT_SHOWN -> "not shown to beat sequential";
            case CLAIM -> "claim";
            case CLAIM_RUNNER_UP_WITHIN_NOISE -> b.ties().isEmpty() ? "claim; runner-up within noise"
                    : "claim; " + (b.ties().size() + 1) + " tie within noise";
        };
    }

    private static String name(String strategy, int parallelism) {
        return strategy + " (p=" + parallelism + ")";
    }
}
