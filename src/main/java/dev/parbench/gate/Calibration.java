package dev.parbench.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The gate measured on the machine it runs on: per planted slowdown (0 = A/A), how many gated benchmarks the gate
 * called REGRESSION out of how many, with a 95% Wilson score interval (Commons Math; it stays inside [0, 1] and is
 * sound at 0 of n and n of n, where the Wald interval collapses), plus the planted work and the slowdown the gate
 * actually measured (median of its ratio estimates), so a reader sees whether the planted amount was the achieved one.
 * Tallies verdicts; runs nothing.
 */
public final class Calibration {
    /** Confidence level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * One planted level's tally.
     *
     * @param percent      the planted slowdown in percent (0: A/A)
     * @param plantedWork  the work ratio actually planted (candidate work / baseline work)
     * @param trials       benchmarks gated at this level (over every repetition)
     * @param regressions  of which REGRESSION
     * @param inconclusive of which INCONCLUSIVE
     * @param ratios       the gate's ratio estimates (candidate / baseline cost), one per trial
     */
    public record Level(int percent, double plantedWork, int trials, int regressions, int inconclusive,
            double[] ratios) {

        /** REGRESSION / trials. */
        public double rate() {
            return trials == 0 ? Double.NaN : regressions / (double) trials;
        }

        /** The 95% Wilson interval of {@link #rate()}: {low, high}. */
        public double[] interval() {
            return wilson(trials, regressions);
        }

        /** The median of the measured ratios. */
        public double measuredRatio() {
            if (ratios.length == 0) {
                return Double.NaN;
            }
            double[] s = ratios.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }

    private final Map<Integer, double[]> work = new TreeMap<>();
    private final Map<Integer, List<Double>> ratios = new TreeMap<>();
    private final Map<Integer, int[]> counts = new TreeMap<>();

    /** Declares a level and the work it plants (levels are reported even if nothing was gated at them). */
    public void level(int percent, double plantedWork) {
        work.put(percent, new double[] {plantedWork});
        ratios.computeIfAbsent(percent, p -> new ArrayList<>());
        counts.computeIfAbsent(percent, p -> new int[2]);
    }

    /** Adds one gated benchmark of level {@code percent}. */
    public void add(int percent, BenchmarkVerdict v) {
        if (!work.containsKey(percent)) {
            throw new IllegalArgumentException("undeclared level " + percent);
        }
        ratios.get(percent).add(v.ratio());
        int[] c = counts.get(percent);
        c[0] += v.verdict() == Verdict.REGRESSION ? 1 : 0;
        c[1] += v.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
    }

    /** Every level, smallest first. */
    public List<Level> levels() {
        List<Level> out = new ArrayList<>();
        for (int p : work.keySet()) {
            double[] r = ratios.get(p).stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new Level(p, work.get(p)[0], r.length, counts.get(p)[0], counts.get(p)[1], r));
        }
        return out;
    }

    /** The 95% Wilson score interval of {@code successes} of {@code trials}; {NaN, NaN} for no trials. */
    public static double[] wilson(int trials, int successes) {
        if (trials == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(trials, successes, CONFIDENCE);
        return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
    }

    /**
     * The table as Markdown: planted slowdown, work planted, measured slowdown, called REGRESSION (x of n, rate and
     * interval), INCONCLUSIVE; the 0% row is the A/A false-alarm rate.
     */
    public static String markdown(List<Level> levels) {
        StringBuilder s = new StringBuilder();
        s.append("| planted slowdown | work planted | measured (median ratio) | REGRESSION | rate [95% Wilson] "
                + "| inconclusive |\n|---:|---:|---:|---:|---|---:|\n");
        for (Level l : levels) {
            double[] ci = l.interval();
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d | %s | %d |%n",
                    l.percent() == 0 ? "0% (A/A: false alarms)" : l.percent() + "%",
                    pct(l.plantedWork()), pct(l.measuredRatio()), l.regressions(), l.trials(),
                    l.trials() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%% [%.0f%%, %.0f%%]", 100 * l.rate(),
                            100 * ci[0], 100 * ci[1]), l.inconclusive()));
        }
        return s.toString();
    }

    private static String pct(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%+.1f%%", 100 * (ratio - 1)) : "n/a";
    }
}
