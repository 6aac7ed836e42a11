package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Ceiling;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a model-matrix workload's section says in words: the fastest model, where models start to pay, bandwidth
 * against the ceiling, load balance, serial fractions, kernels. Every sentence is built from analysed figures; the
 * charts are {@link WorkloadCharts}' business.
 */
final class WorkloadProse {
    /** Below this working set (bytes per operation) the data may sit in the caches of a server CPU. */
    static final long CACHE_RESIDENT_BYTES = 64L << 20;

    private WorkloadProse() {
    }

    static List<String> of(Analysis.WorkloadResult w, Analysis.Probe probe, Machine m) {
        List<String> out = new ArrayList<>();
        fastest(w, m).ifPresent(out::add);
        crossovers(w, out);
        bandwidth(w, probe).ifPresent(out::add);
        transfer(w, probe, out);
        balance(w, out);
        amdahl(w).ifPresent(out::add);
        kernels(w, out);
        return out;
    }

    private static Optional<String> fastest(Analysis.WorkloadResult w, Machine m) {
        int largest = w.largestSize();
        return w.best().stream().filter(b -> b.size() == largest).findFirst().map(b -> b.strategy().equals("sequential")
                ? String.format(Locale.ROOT, "On this %s machine, nothing beats sequential for %s at %s (%s per "
                        + "operation).", m.coresText(), w.workload(), size(largest), TimeUnits.format(b.time().point()))
                : String.format(Locale.ROOT, "On this %s machine, %s is fastest for %s at %s: %sx %s faster than "
                        + "sequential at parallelism %d (%s per operation).", m.coresText(), b.strategy(), w.workload(),
                        size(largest), fmt(b.speedup().point(), 2), bracket(b.speedup(), 2), b.parallelism(),
                        TimeUnits.format(b.time().point())));
    }

    private static void crossovers(Analysis.WorkloadResult w, List<String> out) {
        List<String> from = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (Analysis.Crossover c : w.crossovers().values()) {
            if (c.size() == null) {
                never.add(c.strategy());
            } else {
                from.add(String.format(Locale.ROOT, "%s from %s (p=%d: %sx %s)", c.strategy(), size(c.size()),
                        c.parallelism(), fmt(c.speedup().point(), 2), bracket(c.speedup(), 2)));
            }
        }
        if (!from.isEmpty()) {
            out.add("Beats sequential with its whole interval above 1: " + String.join("; ", from) + ".");
        }
        if (!never.isEmpty()) {
            out.add(String.join(", ", never) + (never.size() == 1 ? " never beats" : " never beat")
                    + " sequential at the sizes measured (up to " + size(w.largestSize()) + ").");
        }
    }

    private static Optional<String> bandwidth(Analysis.WorkloadResult w, Analysis.Probe probe) {
        if (!w.memoryBound()) {
            return Optional.empty();
        }
        int largest = w.largestSize();
        long workingSet = (long) w.bytesPerElement() * largest;
        if (workingSet < CACHE_RESIDENT_BYTES) {
            return Optional.of(String.format(Locale.ROOT, "At %s the data (%s MiB) fits in the caches: its GB/s are "
                    + "cache figures, not memory ones, and the bandwidth probe does not apply.", size(largest),
                    fmt(workingSet / 1048576.0, 1)));
        }
        Ceiling ceiling = WorkloadKind.fromId(w.workload()).traffic().ceiling();
        Estimate seqRate = w.baselineRate().get(largest);
        Estimate one = probe.oneCore().get(ceiling);
        StringBuilder b = new StringBuilder();
        if (seqRate != null) {
            b.append(String.format(Locale.ROOT, "At %s, sequential moves %s GB/s", size(largest),
                    fmt(seqRate.point(), 1)));
            if (one != null) {
                b.append(String.format(Locale.ROOT, " (the one-core probe: %s GB/s)", fmt(one.point(), 1)));
            }
        }
        w.points().stream().filter(p -> p.size() == largest)
                .max(Comparator.comparingDouble(p -> p.gigabytesPerSecond().point())).ifPresent(p -> {
                    b.append(b.isEmpty() ? "At " + size(largest) + ", " : "; ");
                    b.append(String.format(Locale.ROOT, "the best model, %s at p=%d, %s GB/s", p.strategy(),
                            p.parallelism(), fmt(p.gigabytesPerSecond().point(), 1)));
                    Estimate ref = probe.ceiling(ceiling, p.parallelism());
                    if (Double.isFinite(p.percentOfProbe()) && ref != null) {
                        b.append(String.format(Locale.ROOT, " = %s%% of the %s probe (%s GB/s)",
                                fmt(p.percentOfProbe(), 0), p.parallelism() == 1 ? "one-core" : "all-core",
                                fmt(ref.point(), 1)));
                    }
                });
        return b.isEmpty() ? Optional.empty() : Optional.of(b + ". Memory-bound work cannot go faster than the "
                + "memory: a speedup near the ratio of the two probe figures is the most there is.");
    }

    /** The models whose input crosses loopback TCP in every operation, against the loopback probe. */
    private static void transfer(Analysis.WorkloadResult w, Analysis.Probe probe, List<String> out) {
        if (!w.memoryBound() || probe.loopback() == null) {
            return;
        }
        int largest = w.largestSize();
        for (String s : w.strategies()) {
            Optional<StrategyKind> k = kind(s);
            if (k.isEmpty() || k.get().transport() != StrategyKind.Transport.TCP) {
                continue;
            }
            w.points().stream().filter(p -> p.strategy().equals(s) && p.size() == largest)
                    .max(Comparator.comparingDouble(p -> p.gigabytesPerSecond().point()))
                    .ifPresent(p -> out.add(String.format(Locale.ROOT, "%s at %s moves %s GB/s of %s data (p=%d) = "
                            + "%s%% of the loopback probe (%s GB/s).", s, size(largest),
                            fmt(p.gigabytesPerSecond().point(), 1), w.workload(), p.parallelism(),
                            fmt(100 * p.gigabytesPerSecond().point() / probe.loopback().point(), 0),
                            fmt(probe.loopback().point(), 1))));
        }
    }

    /** One equal range per task vs work stealing, at each parallelism measured. */
    private static void balance(Analysis.WorkloadResult w, List<String> out) {
        List<String> parts = new ArrayList<>();
        for (Analysis.Balance b : w.balance()) {
            String verdict = b.ratio().above(1) ? "stealing wins" : b.ratio().below(1) ? "one range per task wins"
                    : "no clear difference";
            parts.add(String.format(Locale.ROOT, "p=%d: %s takes %sx %s the time of %s (%s)", b.parallelism(),
                    b.rangePerTask(), fmt(b.ratio().point(), 2), bracket(b.ratio(), 2), b.workStealing(), verdict));
        }
        if (!parts.isEmpty()) {
            out.add("Load balance at " + size(w.largestSize()) + ", one equal range per task vs work stealing "
                    + "(fastest in-JVM model of each kind): " + String.join("; ", parts) + ".");
        }
    }

    private static Optional<String> amdahl(Analysis.WorkloadResult w) {
        List<String> amdahl = new ArrayList<>();
        w.amdahl().forEach((s, f) -> {
            if (f.serialFraction() >= -0.05 && f.serialFraction() <= 1.05) { // otherwise Amdahl does not describe it
                amdahl.add(String.format(Locale.ROOT, "%s f = %s%s", s, fmt(f.serialFraction(), 3),
                        Double.isFinite(f.rSquared()) ? " (R² " + fmt(f.rSquared(), 2) + ")" : ""));
            }
        });
        return amdahl.isEmpty() ? Optional.empty()
                : Optional.of("Serial fraction at " + size(w.largestSize()) + " (Amdahl fit): "
                        + String.join("; ", amdahl) + ".");
    }

    private static void kernels(Analysis.WorkloadResult w, List<String> out) {
        int largest = w.largestSize();
        w.otherBaselines().forEach((kernel, times) -> {
            Estimate other = times.get(largest);
            Estimate mine = w.baseline().get(largest);
            if (other != null && mine != null) {
                out.add(String.format(Locale.ROOT, "Kernel matters: sequential at %s takes %s with the %s kernel and "
                        + "%s with the %s kernel.", size(largest), TimeUnits.format(other.point()), kernel,
                        TimeUnits.format(mine.point()), w.kernel()));
            }
        });
    }

    private static Optional<StrategyKind> kind(String id) {
        return java.util.Arrays.stream(StrategyKind.values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
