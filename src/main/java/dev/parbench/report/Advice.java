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

    /**
     * "fork-join (p=2)", "sequential", or, when others tie with the best, "any of fork-join, executor (p=2)" (one p
     * for all when they share it) or "any of fork-join (p=2), executor (p=4)".
     */
    public static String use(Analysis.Best b) {
        if (b.strategy().equals("sequential")) {
            return "sequential";
        }
        if (b.ties().isEmpty()) {
            return name(b.strategy(), b.parallelism());
        }
        List<String> strategies = new ArrayList<>(List.of(b.strategy()));
        boolean oneP = true;
        for (Analysis.Tie t : b.ties()) {
            strategies.add(t.strategy());
            oneP &= t.parallelism() == b.parallelism();
        }
        List<String> names = new ArrayList<>();
        names.add(oneP ? b.strategy() : name(b.strategy(), b.parallelism()));
        for (Analysis.Tie t : b.ties()) {
            names.add(oneP ? t.strategy() : name(t.strategy(), t.parallelism()));
        }
        String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMES, names.size())));
        return "any of " + shown + (names.size() > MAX_NAMES ? " (+" + (names.size() - MAX_NAMES) + " more)" : "")
                + (oneP ? " (p=" + b.parallelism() + ")" : "");
    }

    /** How far the row's figures carry it, in a few words (the report's evidence column says it at length). */
    public static String evidence(Analysis.WorkloadResult w, Analysis.Best b) {
        return switch (DecisionSection.Evidence.of(w, b)) {
            case FAULT -> w.memoryBound() ? "fault: above ceiling" : "fault: above p";
            case PROVISIONAL -> PROVISIONAL;
            case NOT_SHOWN -> "not shown > 1";
            case CLAIM -> "claim";
            case CLAIM_RUNNER_UP_WITHIN_NOISE -> b.ties().isEmpty() ? "claim; runner-up close"
                    : "claim; " + (b.ties().size() + 1) + " tie";
        };
    }

    /** The short word of a provisional row. */
    public static final String PROVISIONAL = "provisional";

    private static String name(String strategy, int parallelism) {
        return strategy + " (p=" + parallelism + ")";
    }
}
