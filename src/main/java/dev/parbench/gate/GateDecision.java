package dev.parbench.gate;

import dev.parbench.analysis.Bootstrap;
import dev.parbench.analysis.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision over all gated benchmarks (docs/METHOD.md, "How the regression gate decides"): per benchmark a one-sided rank test on
 * the log-ratios shifted by the noise margin, Holm across benchmarks, the effect with a bootstrap interval, and the
 * verdict rules. Pure and deterministic (seeded).
 */
public final class GateDecision {
    private static final int BOOTSTRAP = 2000;

    private GateDecision() {
    }

    /** Reasons that start with this are verdicts forced by a moved reference (more rounds of the suspect cannot help). */
    public static final String MACHINE_MOVED = "the reference ";

    /**
     * Decides every sample with Holm at the first setting's α (kept for callers and tests that predate the family
     * settings). {@code reference} (may be null) is a benchmark whose code is the same on both sides.
     */
    public static List<BenchmarkVerdict> decide(List<Sample> samples, List<GateConfig.Settings> settings,
            Sample reference, GateConfig.Settings referenceSettings, long seed) {
        return decide(samples, settings, reference, referenceSettings, seed, BOOTSTRAP);
    }

    /** As above; {@code bootstrap} replicates for the effect's interval (0: no interval, for simulations). */
    public static List<BenchmarkVerdict> decide(List<Sample> samples, List<GateConfig.Settings> settings,
            Sample reference, GateConfig.Settings referenceSettings, long seed, int bootstrap) {
        double alpha = settings.isEmpty() ? GateConfig.DEFAULT_ALPHA : settings.get(0).alpha();
        return decide(samples, settings, reference == null ? List.of() : List.of(reference), referenceSettings,
                new GateConfig.Family(alpha, GateConfig.Correction.HOLM), seed, bootstrap);
    }

    /**
     * Decides every sample. One α and one correction ({@code family}) for all of them: a benchmark's own settings
     * change its threshold and noise margin only. {@code references} are benchmarks whose code is the same on both
     * sides (e.g. an ALU loop and a memory stream): if one moved by at least its threshold with p below α / (number
     * of references), the machine changed speed and every verdict becomes INCONCLUSIVE, naming the one that moved.
     */
    public static List<BenchmarkVerdict> decide(List<Sample> samples, List<GateConfig.Settings> settings,
            List<Sample> references, GateConfig.Settings referenceSettings, GateConfig.Family family, long seed,
            int bootstrap) {
        int m = samples.size();
        double alpha = family.alpha();
        double[] pSlow = new double[m];
        double[] pFast = new double[m];
        double[] minP = new double[m];
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            double shift = Math.log1p(settings.get(i).delta());
            double[][] t = tests(s, shift);
            pSlow[i] = t[0][0];
            pFast[i] = t[0][1];
            minP[i] = t[0][2];
        }
        double[] adjSlow = adjust(pSlow, family.correction());
        double[] adjFast = adjust(pFast, family.correction());
        String label = family.correction().label();

        List<String> moved = new ArrayList<>();
        for (int r = 0; r < references.size(); r++) {
            Sample ref = references.get(r);
            double shift = Math.log1p(referenceSettings.delta());
            double[][] t = tests(ref, shift);
            double[] eff = effect(ref, seed - 1 - r, bootstrap);
            boolean big = eff[0] >= 1 + referenceSettings.threshold()
                    || eff[0] <= 1 / (1 + referenceSettings.threshold());
            double p = Math.min(t[0][0], t[0][1]);
            if (big && p < alpha / references.size()) {
                moved.add(String.format(java.util.Locale.ROOT, "%s by %+.1f%% (p = %.3g)", ref.key(),
                        100 * (eff[0] - 1), p));
            }
        }
        String machineMoved = moved.isEmpty() ? null : MACHINE_MOVED + (moved.size() == 1 ? "benchmark " : "benchmarks ")
                + String.join(" and ", moved) + " moved: the machine changed speed during the comparison";

        List<BenchmarkVerdict> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            GateConfig.Settings st = settings.get(i);
            double[] eff = effect(s, seed + i, bootstrap);
            Verdict v;
            String reason;
            if (machineMoved != null) {
                v = Verdict.INCONCLUSIVE;
                reason = machineMoved;
            } else if (m * minP[i] >= alpha) {
                v = Verdict.INCONCLUSIVE;
                reason = String.format(java.util.Locale.ROOT, "%d vs %d forks can never reach α = %.3g across %d "
                        + "benchmarks (smallest p %.3g); use more forks", s.baseline().length, s.candidate().length,
                        alpha, m, minP[i]);
            } else if (adjSlow[i] < alpha && eff[0] >= 1 + st.threshold()) {
                v = Verdict.REGRESSION;
                reason = String.format(java.util.Locale.ROOT, "slower by %.1f%% (>= %.0f%%), %s-adjusted p %.3g < %.3g",
                        100 * (eff[0] - 1), 100 * st.threshold(), label, adjSlow[i], alpha);
            } else if (adjFast[i] < alpha && eff[0] <= 1 / (1 + st.threshold())) {
                v = Verdict.IMPROVED;
                reason = String.format(java.util.Locale.ROOT, "faster by %.1f%%, %s-adjusted p %.3g < %.3g",
                        100 * (1 - eff[0]), label, adjFast[i], alpha);
            } else {
                v = Verdict.PASS;
                reason = adjSlow[i] < alpha
                        ? String.format(java.util.Locale.ROOT, "slower by %.1f%%: significant but below the %.0f%% "
                                + "threshold", 100 * (eff[0] - 1), 100 * st.threshold())
                        : eff[0] >= 1 + st.threshold()
                        ? String.format(java.util.Locale.ROOT, "estimate %+.1f%% is past the %.0f%% threshold but "
                                + "not significant (%s-adjusted p %.3g >= %.3g)", 100 * (eff[0] - 1),
                                100 * st.threshold(), label, adjSlow[i], alpha)
                        : "no significant slowdown beyond the noise margin";
            }
            out.add(new BenchmarkVerdict(s.key(), s.baseline().length, s.candidate().length,
                    Stats.median(s.baseline()), Stats.median(s.candidate()), eff[0], eff[1], eff[2], pSlow[i],
                    adjSlow[i], pFast[i], adjFast[i], v, reason, st));
        }
        return out;
    }

    /** The correction's adjusted p-values. */
    public static double[] adjust(double[] p, GateConfig.Correction c) {
        return c == GateConfig.Correction.HOLM ? RankTests.holm(p) : RankTests.benjaminiHochberg(p);
    }

    /** {{p slower, p faster, smallest attainable p}} for one sample. */
    static double[][] tests(Sample s, double shift) {
        if (s.paired()) {
            double[] d = logRatios(s);
            double[] slower = Arrays.stream(d).map(x -> x - shift).toArray();
            double[] faster = Arrays.stream(d).map(x -> -x - shift).toArray();
            return new double[][] {{RankTests.wilcoxonGreater(slower), RankTests.wilcoxonGreater(faster),
                RankTests.smallestWilcoxonP(d.length)}};
        }
        double[] b = Arrays.stream(s.baseline()).map(Math::log).toArray();
        double[] c = Arrays.stream(s.candidate()).map(Math::log).toArray();
        double[] cShift = Arrays.stream(c).map(x -> x - shift).toArray();
        double[] bShift = Arrays.stream(b).map(x -> x - shift).toArray();
        return new double[][] {{RankTests.mannWhitneyGreater(cShift, b), RankTests.mannWhitneyGreater(bShift, c),
            RankTests.smallestMannWhitneyP(c.length, b.length)}};
    }

    /** One-sample Hodges-Lehmann: the median of the Walsh averages (d_i + d_j) / 2, i <= j. */
    static double hodgesLehmann(double[] d) {
        int n = d.length;
        double[] w = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                w[k++] = (d[i] + d[j]) / 2;
            }
        }
        return Stats.median(w);
    }

    /** Two-sample Hodges-Lehmann shift: the median of all differences c_i - b_j. */
    static double shift(double[] c, double[] b) {
        double[] diff = new double[c.length * b.length];
        int k = 0;
        for (double x : c) {
            for (double y : b) {
                diff[k++] = x - y;
            }
        }
        return Stats.median(diff);
    }

    static double[] logRatios(Sample s) {
        double[] d = new double[s.baseline().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.log(s.candidate()[i] / s.baseline()[i]);
        }
        return d;
    }

    /**
     * {ratio, low, high}: the median ratio as the Hodges-Lehmann estimate on the log scale (the median of the Walsh
     * averages of the paired log-ratios; unpaired: the median of all pairwise log differences) — the estimator that
     * goes with the rank tests, and much less noisy than the plain median — with a seeded 95% percentile bootstrap
     * interval.
     */
    static double[] effect(Sample s, long seed, int replicates) {
        double[] ci;
        double point;
        if (s.paired()) {
            double[] d = logRatios(s);
            point = Math.exp(hodgesLehmann(d));
            double[] buf = new double[d.length];
            ci = Bootstrap.percentile(seed, replicates,
                    rnd -> Math.exp(hodgesLehmann(Bootstrap.resample(d, buf, rnd))));
        } else {
            double[] b = Arrays.stream(s.baseline()).map(Math::log).toArray();
            double[] c = Arrays.stream(s.candidate()).map(Math::log).toArray();
            point = Math.exp(shift(c, b));
            double[] bb = new double[b.length];
            double[] cc = new double[c.length];
            ci = Bootstrap.percentile(seed, replicates, rnd -> {
                Bootstrap.resample(b, bb, rnd);
                return Math.exp(shift(Bootstrap.resample(c, cc, rnd), bb));
            });
        }
        return new double[] {point, ci[0], ci[1]};
    }
}
