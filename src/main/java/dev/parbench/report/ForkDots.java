package dev.parbench.report;

import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.ForkPoints;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every fork visible: the dots a speedup or time chart draws beside each point, one per fork (or per round), with
 * their hover texts ("fork-join p=2, 32M: round 2, 1.91x"), and the words the chart's caption uses to say what a dot
 * is. The values come from {@link ForkPoints}; this class only places and words them.
 */
final class ForkDots {
    private ForkDots() {
    }

    /** Each round's or fork's speedup of a model's point, at {@code x}. */
    static List<ChartSpec.Dot> speedups(double x, Analysis.Point pt) {
        return dots(x, pt.forks().speedups(), 1, model(pt.strategy(), pt.parallelism(), pt.size()),
                v -> fmt(v, 2) + "x");
    }

    /** Each fork's time (ns/op in the analysis, drawn in µs) at {@code x}; {@code who} names the configuration. */
    static List<ChartSpec.Dot> times(double x, ForkPoints forks, String who) {
        return forks == null ? List.of() : dots(x, forks.times(), 1e-3, who, AxisUnit.MICROSECONDS::value);
    }

    /** The hover's name of a model at one size: {@code fork-join p=2, 32M}. */
    static String model(String strategy, int parallelism, int size) {
        return strategy + " p=" + parallelism + ", " + size(size);
    }

    /** The hover's name of the baseline at one size: {@code sequential, 32M}. */
    static String sequential(int size) {
        return "sequential, " + size(size);
    }

    private static List<ChartSpec.Dot> dots(double x, List<ForkPoints.Fork> forks, double scale, String who,
            java.util.function.DoubleFunction<String> value) {
        List<ChartSpec.Dot> out = new ArrayList<>();
        for (ForkPoints.Fork f : forks) {
            double y = f.value() * scale;
            out.add(new ChartSpec.Dot(x, y, who + ": " + (f.hasRound() ? "round " + f.round() : "fork " + f.fork())
                    + ", " + value.apply(y)));
        }
        return out;
    }

    /**
     * What a speedup chart's dots are, for its caption; empty when no point has any. Paired and unpaired points may
     * share a chart (a model that missed rounds): the words then say both.
     */
    static String speedupCaption(Collection<Analysis.Point> shown) {
        List<ForkPoints> withDots = shown.stream().map(Analysis.Point::forks).filter(f -> !f.speedups().isEmpty())
                .toList();
        if (withDots.isEmpty()) {
            return "";
        }
        boolean paired = withDots.stream().anyMatch(ForkPoints::paired);
        boolean unpaired = withDots.stream().anyMatch(f -> !f.paired());
        String one = withDots.stream().allMatch(ForkPoints::rounds) ? "each dot is one fork (round)"
                : "each dot is one fork";
        if (paired && !unpaired) {
            return one + ": the baseline's fork over the model's fork of the same round";
        }
        if (!paired) {
            return one + ": the baseline's geometric mean over that fork's median";
        }
        return one + ": paired by round (the baseline's fork over the model's) where the two shared rounds, else "
                + "the baseline's geometric mean over that fork's median";
    }

    /** What a time chart's dots are, for its caption; empty when there are none. */
    static String timeCaption(Collection<ForkPoints> shown) {
        List<ForkPoints> withDots = shown.stream().filter(f -> f != null && !f.times().isEmpty()).toList();
        if (withDots.isEmpty()) {
            return "";
        }
        return (withDots.stream().allMatch(ForkPoints::rounds) ? "each dot is one fork (round)" : "each dot is one fork")
                + ": its median time";
    }
}
