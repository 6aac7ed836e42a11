package dev.parbench.report;

import static dev.parbench.report.Formats.fmt;

import dev.parbench.analysis.Stability;
import dev.parbench.analysis.TimeUnits;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Was the machine steady while the models ran? The reference benchmarks' time in each round (each fork over its
 * benchmark's median fork: 1.0 = typical) against the wall clock, one line per benchmark, with the band of typical
 * (within {@link Stability#BAND}); and under it the largest deviation in words, with its round. Every figure and name
 * comes from {@link Stability}; this class only draws and words it. No section when no fork has a start time.
 */
final class StabilitySection {
    static final String ID = "stability";
    private static final Color TYPICAL = new Color(0x55, 0x55, 0x55);
    private static final Color BAND = new Color(0x00, 0x9E, 0x73, 0x26);
    /** At most this many forks beyond the band are named one by one. */
    private static final int NAMED = 5;

    private StabilitySection() {
    }

    static Optional<ReportView.Section> of(Stability s, String where) {
        if (!s.present()) {
            return Optional.empty();
        }
        List<String> summary = new ArrayList<>();
        summary.add(verdict(s));
        summary.add(what(s));
        return Optional.of(new ReportView.Section(ID, "Was the machine steady?", summary, List.of(chart(s, where)),
                List.of()));
    }

    /** The largest deviation in words: "the machine was steady: ..." or "round 3 ran 18% slow on ...". */
    static String verdict(Stability s) {
        Stability.Deviation far = s.largest().orElseThrow();
        String unit = s.rounds() ? "round" : "fork";
        List<Stability.Deviation> outside = s.outside();
        if (outside.isEmpty()) {
            return "The machine was steady: every " + unit + " was within " + percent(far.sample().deviation())
                    + " of typical (the furthest: " + when(far) + " on " + label(far.line()) + ", " + percent(far
                            .sample().deviation()) + " " + direction(far) + ").";
        }
        StringBuilder b = new StringBuilder(capitalised(when(far))).append(" ran ")
                .append(percent(far.sample().deviation())).append(' ').append(direction(far)).append(" on ")
                .append(label(far.line())).append(": ").append(TimeUnits.format(far.sample().nanos()))
                .append(" against a typical ").append(TimeUnits.format(far.line().typicalNanos()));
        if (outside.size() == 1) {
            return b.append("; no other fork was more than ").append(percent(Stability.BAND)).append(" from typical.")
                    .toString();
        }
        b.append("; ").append(outside.size()).append(" of ").append(s.forks()).append(" forks were more than ")
                .append(percent(Stability.BAND)).append(" from typical: ");
        for (int i = 0; i < Math.min(NAMED, outside.size()); i++) {
            Stability.Deviation d = outside.get(i);
            b.append(i == 0 ? "" : ", ").append(when(d)).append(" on ").append(label(d.line())).append(" (")
                    .append(signed(d.sample().deviation())).append(')');
        }
        return b.append(outside.size() > NAMED ? ", ..." : "").append('.').toString();
    }

    /** What the chart shows and why it matters. */
    private static String what(Stability s) {
        String source = s.basis() == Stability.Basis.REFERENCE
                ? "Each point is one fork of a reference benchmark (fixed work no parbench change touches)"
                : "No reference benchmark ran, so each point is one fork of a sequential baseline at its workload's "
                        + "largest size";
        return source + ": its median time over that benchmark's median fork of the run (1.0 = typical), against "
                + "the minute it started; the band is " + percent(Stability.BAND) + " either side. A slow "
                + (s.rounds() ? "round" : "minute") + " slows every configuration measured in it"
                + (s.rounds() ? "; a model's speedup paired by round divides it out." : ".");
    }

    private static ChartSpec chart(Stability s, String where) {
        List<ChartSpec.Series> series = new ArrayList<>();
        int i = 0;
        for (Stability.Line l : s.lines()) {
            List<ChartSpec.XY> pts = new ArrayList<>();
            for (Stability.Sample x : l.samples()) {
                pts.add(new ChartSpec.XY(x.minutes(), x.relative(), Double.NaN, Double.NaN, 0, when(x) + ": "
                        + TimeUnits.format(x.nanos()) + ", typical " + TimeUnits.format(l.typicalNanos()),
                        List.of(), null));
            }
            series.add(new ChartSpec.Series(label(l), Palette.nth(i++), false, true, pts));
        }
        return new ChartSpec.Line(ID, "Machine stability: each " + (s.rounds() ? "round's" : "fork's")
                + " time over the run's typical", where + " | 1.0 = the benchmark's median fork | shaded: within "
                        + percent(Stability.BAND) + " of typical",
                "minutes since the run's first fork", "time over typical (x)", false, false, false, series,
                List.of(new ChartSpec.Marker(1.0, "typical", TYPICAL)), AxisUnit.NUMBER, AxisUnit.NUMBER,
                List.of(new ChartSpec.Band(1 - Stability.BAND, 1 + Stability.BAND, "within "
                        + percent(Stability.BAND), BAND)));
    }

    /** A line's name: the benchmark and its parameters, e.g. {@code SumBench.sequential kernel=simd size=32M}. */
    static String label(Stability.Line l) {
        if (l.params().isEmpty()) {
            return l.benchmark();
        }
        List<String> params = new ArrayList<>();
        l.params().forEach((k, v) -> params.add(k + "=" + (k.equals("size") && v.matches("[0-9]{1,18}")
                ? Formats.size(Long.parseLong(v)) : v)));
        return l.benchmark() + " " + String.join(" ", params);
    }

    private static String when(Stability.Deviation d) {
        return when(d.sample());
    }

    /** "round 3", or without rounds "the fork of minute 4.2". */
    private static String when(Stability.Sample x) {
        return x.round() > 0 ? "round " + x.round() : "the fork of minute " + fmt(x.minutes(), 1);
    }

    private static String direction(Stability.Deviation d) {
        return d.sample().deviation() >= 0 ? "slow" : "fast";
    }

    /** 18%, 5%, 3.2%: whole percents from 10% on, and where the tenth is 0. */
    private static String percent(double fraction) {
        double p = Math.abs(fraction) * 100;
        String s = fmt(p, p >= 9.95 ? 0 : 1);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    private static String signed(double fraction) {
        return (fraction >= 0 ? "+" : "-") + percent(fraction);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
