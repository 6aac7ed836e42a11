package dev.parbench.gate;

import java.util.List;
import java.util.Map;

/**
 * The sequential stage of a paired comparison (docs/METHOD.md, "More rounds for suspects"). After the fixed rounds
 * the gate decides; a <em>suspect</em> is a benchmark whose effect estimate is past its threshold but whose test is
 * not decisive (PASS or INCONCLUSIVE-for-too-few-forks, never one forced by a moved reference). Only the suspects get
 * more paired rounds, {@value #BATCH} at a time, up to a cap and a time budget; after each batch the gate decides
 * again on all pairs, and stops when no suspect is left. The final verdict is the decision on all pairs.
 *
 * <p>Stopping rule and its error rates: a REGRESSION still needs the corrected p below α and the estimate past the
 * threshold at the look where it is declared. Extra looks can only inflate the test's type I error for "slower by
 * more than δ"; they are spent only on benchmarks that already read past the threshold (10% by default, five times δ),
 * so under A/A the extension almost never starts. GateSimulationTest measures the rates on seeded fork noise (the
 * numbers are in docs/METHOD.md).
 */
public final class Sequential {
    /** Extra rounds per look. */
    public static final int BATCH = 5;
    /** Default cap on extra rounds. */
    public static final int MAX_EXTRA_ROUNDS = 20;
    /** Default time budget of the sequential stage. */
    public static final int BUDGET_MINUTES = 10;

    private Sequential() {
    }

    /** The keys of the suspects among {@code verdicts} (no confirmation of REGRESSIONs: no fork data given). */
    public static List<String> suspects(List<BenchmarkVerdict> verdicts) {
        return verdicts.stream().filter(b -> undecided(b)).map(BenchmarkVerdict::key).toList();
    }

    /**
     * The keys of the suspects: the undecided ones past the threshold, and the REGRESSIONs that are not yet clear
     * of the threshold (estimate minus two standard errors below it, the standard error of the mean log-ratio of
     * the paired forks in {@code baseline} and {@code candidate}): more pairs either confirm them or shrink an
     * estimate that was inflated by noise (a true 5% read as 10%).
     */
    public static List<String> suspects(List<BenchmarkVerdict> verdicts, Map<String, double[]> baseline,
            Map<String, double[]> candidate) {
        return verdicts.stream().filter(b -> undecided(b) || unconfirmed(b, baseline.get(b.key()),
                candidate.get(b.key()))).map(BenchmarkVerdict::key).toList();
    }

    static boolean undecided(BenchmarkVerdict b) {
        if (b.verdict() == Verdict.REGRESSION || b.verdict() == Verdict.IMPROVED) {
            return false;
        }
        if (b.verdict() == Verdict.INCONCLUSIVE && b.reason().startsWith(GateDecision.MACHINE_MOVED)) {
            return false;
        }
        return b.ratio() >= 1 + b.settings().threshold();
    }

    static boolean unconfirmed(BenchmarkVerdict b, double[] base, double[] cand) {
        if (b.verdict() != Verdict.REGRESSION || base == null || cand == null || base.length != cand.length
                || base.length < 3) {
            return false;
        }
        int n = base.length;
        double mean = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(cand[i] / base[i]);
            mean += d[i] / n;
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return Math.log(b.ratio()) - 2 * se < Math.log1p(b.settings().threshold());
    }
}
