package dev.parbench.gate;

import dev.parbench.analysis.Stats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Drift guard: the pairs keep the machine's drift off the ratio only while the machine's speed is one regime. The
 * references run in every extra round as well; when a reference's median fork in the extra rounds is more than
 * {@link #DRIFT} away from its median in the fixed rounds (both sides pooled: its code is the same on both), and a
 * rank test says the two sets differ ({@link #DRIFT_P}), the machine changed speed between the stages (a
 * calibration on this machine raised its only A/A false alarm that way: the load fell from ~50 to ~6 while one
 * suspect got 20 more pairs). The stage then stops, and every benchmark it
 * extended becomes INCONCLUSIVE with the reference named ({@link #drift}, {@link #discard}): its pairs mix two
 * regimes, so neither REGRESSION nor PASS would be earned.
 */
public final class Sequential {
    /** Extra rounds per look. */
    public static final int BATCH = 5;
    /** Default cap on extra rounds. */
    public static final int MAX_EXTRA_ROUNDS = 20;
    /** Default time budget of the sequential stage. */
    public static final int BUDGET_MINUTES = 10;

    /** How far a reference's level may move between the fixed and the extra rounds before they are not comparable. */
    public static final double DRIFT = 0.10;
    /**
     * And how surely (one-sided Mann-Whitney of the extra rounds' forks against the fixed rounds'): a reference whose
     * forks fall into one of two speeds from one JVM to the next (this machine's memory bandwidth does) moves its
     * median by that much in 5 rounds by chance; a machine whose load changed separates the two sets almost entirely.
     */
    public static final double DRIFT_P = 0.001;

    private Sequential() {
    }

    /**
     * Did the machine change speed during the sequential stage? For each of {@code references} (keys of both maps,
     * one cost per round, the first {@code fixedRounds} from the fixed rounds), the median of both sides' forks in
     * the extra rounds against the median in the fixed rounds; returns a sentence naming the first reference that
     * moved by more than {@link #DRIFT} with a one-sided Mann-Whitney p below {@link #DRIFT_P} (which way, by how
     * much), or null when none did or no extra round has run.
     */
    public static String drift(Map<String, double[]> baseline, Map<String, double[]> candidate,
            List<String> references, int fixedRounds) {
        for (String ref : references) {
            double[] a = baseline.get(ref);
            double[] b = candidate.get(ref);
            if (a == null || b == null || a.length <= fixedRounds || b.length <= fixedRounds) {
                continue;
            }
            double[] fixed = pooled(a, b, 0, fixedRounds);
            double[] extra = pooled(a, b, fixedRounds, Math.min(a.length, b.length));
            double ratio = Stats.median(extra) / Stats.median(fixed);
            boolean slower = ratio > 1 + DRIFT && RankTests.mannWhitneyGreater(extra, fixed) < DRIFT_P;
            boolean faster = ratio < 1 / (1 + DRIFT) && RankTests.mannWhitneyGreater(fixed, extra) < DRIFT_P;
            if (slower || faster) {
                return String.format(Locale.ROOT, "%s%s ran %.0f%% %s in the extra rounds than in "
                        + "the fixed rounds (median fork, both sides): the machine changed speed during the "
                        + "sequential stage, so the extra pairs are not comparable with the first ones; rerun on a "
                        + "steadier machine", GateDecision.MACHINE_MOVED, ref, 100 * Math.abs(ratio - 1),
                        ratio > 1 ? "slower" : "faster");
            }
        }
        return null;
    }

    private static double[] pooled(double[] a, double[] b, int from, int to) {
        double[] out = new double[2 * (to - from)];
        for (int i = from; i < to; i++) {
            out[2 * (i - from)] = a[i];
            out[2 * (i - from) + 1] = b[i];
        }
        return out;
    }

    /**
     * {@code verdicts} with each benchmark in {@code extended} (those the sequential stage gave more rounds) made
     * INCONCLUSIVE for {@code reason}; the others as they were.
     */
    public static List<BenchmarkVerdict> discard(List<BenchmarkVerdict> verdicts, Collection<String> extended,
            String reason) {
        List<BenchmarkVerdict> out = new ArrayList<>();
        for (BenchmarkVerdict b : verdicts) {
            out.add(!extended.contains(b.key()) ? b : new BenchmarkVerdict(b.key(), b.baselineForks(),
                    b.candidateForks(), b.baseline(), b.candidate(), b.ratio(), b.ratioLow(), b.ratioHigh(),
                    b.pSlower(), b.pSlowerAdjusted(), b.pFaster(), b.pFasterAdjusted(), Verdict.INCONCLUSIVE, reason,
                    b.settings()));
        }
        return out;
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
