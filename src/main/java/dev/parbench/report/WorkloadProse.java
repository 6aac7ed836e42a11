package dev.parbench.report;

import static dev.parbench.report.Formats.bracket;
import static dev.parbench.report.Formats.fmt;
import static dev.parbench.report.Formats.size;

import dev.parbench.analysis.AmdahlFit;
import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import dev.parbench.analysis.ForkIntervals;
import dev.parbench.analysis.TimeUnits;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Ceiling;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * What a model-matrix workload's section says in words: the fastest model, where models start to pay, which
 * configurations have disagreeing forks, bandwidth against the ceiling, load balance, serial fractions, kernels. Every
 * sentence is built from analysed figures; a claim the analysis marks provisional (too few forks, or forks that
 * disagree) is said to be provisional, with the command that would settle it. The charts are {@link WorkloadCharts}'
 * business.
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
        unstable(w).ifPresent(out::add);
        bandwidth(w, probe).ifPresent(out::add);
        transfer(w, probe, out);
        balance(w, out);
        amdahl(w).ifPresent(out::add);
        weakScaling(w).ifPresent(out::add);
        kernels(w, out);
        return out;
    }

    /** Gustafson's scaled efficiency, one clause per model and base size. */
    private static Optional<String> weakScaling(Analysis.WorkloadResult w) {
        if (w.weakScaling().isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byModel = new java.util.LinkedHashMap<>();
        for (Analysis.WeakScaling x : w.weakScaling()) {
            byModel.computeIfAbsent(x.strategy() + " from " + size(x.baseSize()), k -> new ArrayList<>())
                    .add(String.format(Locale.ROOT, "p=%d (%s) %s%s", x.parallelism(), size(x.baseSize()
                            * x.parallelism()), x.efficiency().format(2), x.unstable() ? ", forks disagree" : ""));
        }
        List<String> parts = new ArrayList<>();
        byModel.forEach((k, v) -> parts.add(k + ": " + String.join(", ", v)));
        return Optional.of("Weak scaling (Gustafson: the work grows with p), scaled efficiency T(sequential, n) / "
                + "T(p, p x n), 1 = p times the work in the same time: " + String.join("; ", parts)
                + ". Where it stays near 1 while the speedup at a fixed size flattens, the limit is the fixed size, "
                + "not the model.");
    }

    private static Optional<String> fastest(Analysis.WorkloadResult w, Machine m) {
        int largest = w.largestSize();
        return w.best().stream().filter(b -> b.size() == largest).findFirst().map(b -> {
            String claim = b.strategy().equals("sequential")
                    ? String.format(Locale.ROOT, "On this %s machine, nothing beats sequential for %s at %s (%s per "
                            + "operation)", m.coresText(), w.workload(), size(largest),
                            TimeUnits.format(b.time().point()))
                    : String.format(Locale.ROOT, "On this %s machine, %s is fastest for %s at %s: %sx %s faster than "
                            + "sequential at parallelism %d (%s per operation)", m.coresText(), b.strategy(),
                            w.workload(), size(largest), fmt(b.speedup().point(), 2), span(b.speedup(), 2),
                            b.parallelism(), TimeUnits.format(b.time().point()));
            if (!b.provisional()) {
                return claim + ".";
            }
            boolean sequential = b.strategy().equals("sequential");
            boolean disagree = sequential ? w.unstableBaselines().contains(largest)
                    : w.point(b.strategy(), b.parallelism(), largest).map(Analysis.Point::unstable).orElse(false);
            boolean winnerJudged = !disagree && (sequential ? b.time().interval() : b.speedup().interval());
            String reason = winnerJudged ? "a configuration with too few forks or disagreeing forks could be faster"
                    : why(b.time().forks(), disagree);
            return "Provisional (" + reason + "): " + Character.toLowerCase(claim.charAt(0)) + claim.substring(1)
                    + "; settle with " + settle(w, sequential || winnerJudged ? w.strategies() : List.of(b.strategy()),
                            List.of(largest), sequential || winnerJudged ? w.parallelisms()
                                    : List.of(b.parallelism())) + ".";
        });
    }

    private static void crossovers(Analysis.WorkloadResult w, List<String> out) {
        List<String> from = new ArrayList<>();
        List<String> never = new ArrayList<>();
        List<String> maybe = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        List<String> settleStrategies = new ArrayList<>();
        List<Integer> settleSizes = new ArrayList<>();
        List<Integer> settlePs = new ArrayList<>();
        java.util.TreeSet<Integer> fewForks = new java.util.TreeSet<>();
        int disagreeing = 0;
        for (Analysis.Crossover c : w.crossovers().values()) {
            if (c.size() == null) {
                (c.provisional() ? unjudged : never).add(c.strategy());
                continue;
            }
            String text = String.format(Locale.ROOT, "%s from %s (p=%d: %sx %s)", c.strategy(), size(c.size()),
                    c.parallelism(), fmt(c.speedup().point(), 2), span(c.speedup(), 2));
            if (!c.provisional()) {
                from.add(text);
                continue;
            }
            boolean disagree = w.point(c.strategy(), c.parallelism(), c.size()).map(Analysis.Point::unstable)
                    .orElse(false);
            if (disagree) {
                text += " [forks disagree]";
                disagreeing++;
            } else {
                fewForks.add(c.speedup().forks());
            }
            maybe.add(text);
            addOnce(settleStrategies, c.strategy());
            addOnce(settleSizes, c.size());
            addOnce(settlePs, c.parallelism());
        }
        if (!from.isEmpty()) {
            out.add("Beats sequential with its whole 95% interval above 1: " + String.join("; ", from) + ".");
        }
        if (!maybe.isEmpty()) {
            String reason = fewForks.isEmpty() ? "forks disagree" : "too few forks for an interval (" + String.join(
                    " or ", fewForks.stream().map(String::valueOf).toList()) + ", fewer than "
                    + ForkIntervals.MIN_FORKS + ")" + (disagreeing > 0 ? " or forks disagree" : "");
            out.add("Provisional, " + reason + ": may beat sequential, " + String.join("; ", maybe)
                    + ". No crossover is claimed from these; settle with " + settle(w, settleStrategies, settleSizes,
                            settlePs) + ".");
        }
        if (!never.isEmpty()) {
            out.add(String.join(", ", never) + (never.size() == 1 ? " never beats" : " never beat")
                    + " sequential at the sizes measured (up to " + size(w.largestSize()) + ").");
        }
        if (!unjudged.isEmpty()) {
            out.add("Provisional: " + String.join(", ", unjudged) + " did not beat sequential at the sizes measured "
                    + "(up to " + size(w.largestSize()) + "), but some of " + (unjudged.size() == 1 ? "its" : "their")
                    + " points rest on fewer than " + ForkIntervals.MIN_FORKS + " forks or on forks that disagree: "
                    + "no \"never\" is claimed.");
        }
    }

    /** The configurations whose forks disagree (one fork far from the others): shown, but nothing claimed from them. */
    private static Optional<String> unstable(Analysis.WorkloadResult w) {
        List<String> parts = new ArrayList<>();
        for (int size : w.unstableBaselines()) {
            parts.add("sequential " + size(size));
        }
        for (Analysis.Point p : w.points()) {
            boolean baseline = w.unstableBaselines().contains(p.size());
            if (p.unstable() && !baseline) {
                parts.add(p.strategy() + " p=" + p.parallelism() + " " + size(p.size()));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Unstable (one fork's median more than %s%% from the median of "
                + "the others, or two forks that far apart): %s. These figures describe the machine as much as the "
                + "model; no claim rests on them (nor on speedups over an unstable sequential baseline).",
                fmt(100 * (ForkIntervals.DISAGREEMENT - 1), 0), String.join(", ", parts)));
    }

    /** Why a figure supports no claim. */
    static String why(int forks, boolean disagree) {
        if (disagree) {
            return "forks disagree";
        }
        return forks + (forks == 1 ? " fork" : " forks") + ", fewer than the " + ForkIntervals.MIN_FORKS
                + " an interval needs";
    }

    /** The command that would measure these configurations with enough forks, as a code span. */
    static String settle(Analysis.WorkloadResult w, List<String> strategies, List<Integer> sizes,
            List<Integer> parallelisms) {
        return "`" + SettleCommand.of(w, strategies, sizes, parallelisms) + "`";
    }

    /**
     * {@code [1.49, 1.61]} for a 95% interval, {@code (range 1.49 to 1.61)} for the span of too few forks, nothing
     * when there is no spread to show.
     */
    static String span(Estimate e, int decimals) {
        if (!Double.isFinite(e.low())) {
            return "";
        }
        return e.interval() ? bracket(e, decimals)
                : "(range " + fmt(e.low(), decimals) + " to " + fmt(e.high(), decimals) + ")";
    }

    /** {@link #span} for times. */
    static String spanTime(Estimate e) {
        if (!Double.isFinite(e.low())) {
            return "";
        }
        return e.interval() ? Formats.bracketTime(e)
                : "range " + TimeUnits.format(e.low()) + " to " + TimeUnits.format(e.high());
    }

    private static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    private static Optional<String> bandwidth(Analysis.WorkloadResult w, Analysis.Probe probe) {
        if (!w.memoryBound()) {
            return Optional.empty();
        }
        int largest = w.largestSize();
        long workingSet = (long) w.bytesPerElement() * largest;
        Ceiling ceiling = WorkloadKind.fromId(w.workload()).traffic().ceiling();
        boolean sweep = !probe.sweep().isEmpty();
        if (!sweep && workingSet < CACHE_RESIDENT_BYTES) {
            return Optional.of(String.format(Locale.ROOT, "At %s the data (%s MiB) fits in the caches: its GB/s are "
                    + "cache figures, not memory ones, and the bandwidth probe (measured at one large size only) does "
                    + "not apply.", size(largest), fmt(workingSet / 1048576.0, 1)));
        }
        Estimate seqRate = w.baselineRate().get(largest);
        StringBuilder b = new StringBuilder();
        if (seqRate != null) {
            b.append(String.format(Locale.ROOT, "At %s, sequential moves %s GB/s", size(largest),
                    fmt(seqRate.point(), 1)));
            Analysis.ProbeLevel l = probe.at(ceiling, 1, largest);
            Estimate one = probe.oneCore().get(ceiling);
            if (l != null) {
                b.append(" (the one-core probe ").append(probeAt(l, largest)).append(')');
            } else if (one != null) {
                b.append(String.format(Locale.ROOT, " (the one-core probe: %s GB/s)", fmt(one.point(), 1)));
            }
        }
        w.points().stream().filter(p -> p.size() == largest)
                .max(Comparator.comparingDouble(p -> p.gigabytesPerSecond().point())).ifPresent(p -> {
                    b.append(b.isEmpty() ? "At " + size(largest) + ", " : "; ");
                    b.append(String.format(Locale.ROOT, "the best model, %s at p=%d, %s GB/s", p.strategy(),
                            p.parallelism(), fmt(p.gigabytesPerSecond().point(), 1)));
                    String which = p.parallelism() == 1 ? "one-core" : "all-core";
                    if (p.aboveProbe()) {
                        b.append(String.format(Locale.ROOT, ", above the %s probe %s: %s", which,
                                probeAt(p.probe(), largest), p.probe().elements() == largest
                                        ? "no model can beat a ceiling, so the probe failed here (a fault of the "
                                                + "measurement, not a result)"
                                        : "the probe was measured at another size, so it is not this size's ceiling"));
                    } else if (p.probe() != null && p.percentOfProbe() > 100) {
                        b.append(String.format(Locale.ROOT, ", at the %s probe %s (within the probe's own "
                                + "spread)", which, probeAt(p.probe(), largest)));
                    } else if (p.probe() != null && Double.isFinite(p.percentOfProbe())) {
                        b.append(String.format(Locale.ROOT, " = %s%% of the %s probe %s", fmt(p.percentOfProbe(), 0),
                                which, probeAt(p.probe(), largest)));
                    } else {
                        Estimate ref = probe.ceiling(ceiling, p.parallelism());
                        if (Double.isFinite(p.percentOfProbe()) && ref != null) {
                            b.append(String.format(Locale.ROOT, " = %s%% of the %s probe (%s GB/s)",
                                    fmt(p.percentOfProbe(), 0), which, fmt(ref.point(), 1)));
                        }
                    }
                });
        return b.isEmpty() ? Optional.empty() : Optional.of(b + ". Memory-bound work cannot go faster than the "
                + "memory: a speedup near the ratio of the two probe figures is the most there is.");
    }

    /** {@code at 32M: 11.2 GB/s central, best fork 12.0}: where and what the probe measured. */
    private static String probeAt(Analysis.ProbeLevel l, int size) {
        return String.format(Locale.ROOT, "at %s%s: %s GB/s central, best fork %s", size(l.elements()),
                l.elements() == size ? "" : " (the nearest size measured)", fmt(l.central().point(), 1),
                fmt(l.best().point(), 1));
    }

    /**
     * The out-of-process models at the largest size. Those whose input crosses a pipe or TCP in every operation
     * ({@code process-pool}, {@code socket}, {@code hazelcast}, whose members talk TCP over loopback) against that
     * transport's own probe; the resident ones, whose input does not travel, say what they move instead and are not
     * read against any probe.
     */
    private static void transfer(Analysis.WorkloadResult w, Analysis.Probe probe, List<String> out) {
        if (!w.memoryBound()) {
            return;
        }
        int largest = w.largestSize();
        for (String s : w.strategies()) {
            Optional<StrategyKind> k = kind(s);
            if (k.isEmpty()) {
                continue;
            }
            StrategyKind.Transport t = k.get().transport();
            List<Analysis.Point> atLargest = w.points().stream().filter(p -> p.strategy().equals(s)
                    && p.size() == largest).toList();
            if (atLargest.isEmpty()) {
                continue;
            }
            Analysis.Point p = fastest(atLargest.stream()).get();
            String name = probeName(t);
            if (t.movesInput()) {
                Estimate ceiling = probe.transfer(t);
                if (ceiling != null) {
                    out.add(againstProbe(w, s, t, name, ceiling, atLargest));
                }
            } else if (name != null) {
                out.add(String.format(Locale.ROOT, "%s at %s moves no input per operation: the input is %s, and only "
                        + "the request, the partial result and any output slices travel. Its %s GB/s (p=%d) is the "
                        + "rate of %s over data already in place, not a transfer rate, so it is not read against the "
                        + "%s probe.", s, size(largest), residentWhere(t), fmt(p.gigabytesPerSecond().point(), 1),
                        p.parallelism(), w.workload(), name));
                ownCeiling(w, k.get(), p).ifPresent(out::add);
            }
        }
    }

    /**
     * A moving model against its transport's probe, like for like: the probe measures one pipe (or connection)
     * carrying memory to memory, so it is the model at p = 1 (one pipe) that is given a percentage of it. At p > 1
     * the model moves over p links at once on shared cores: its total is said, and not read against a one-link probe.
     */
    private static String againstProbe(Analysis.WorkloadResult w, String s, StrategyKind.Transport t, String name,
            Estimate ceiling, List<Analysis.Point> atLargest) {
        int largest = w.largestSize();
        String link = name.equals("pipe") ? "pipe" : "connection";
        String members = t == StrategyKind.Transport.ENGINE ? ", the ceiling of its members, which talk TCP over "
                + "loopback" : "";
        String probeFigure = String.format(Locale.ROOT, "the %s probe (one %s, memory to memory: %s GB/s)%s", name,
                link, fmt(ceiling.point(), 2), members);
        Optional<Analysis.Point> one = atLargest.stream().filter(p -> p.parallelism() == 1).findFirst();
        Optional<Analysis.Point> many = fastest(atLargest.stream().filter(p -> p.parallelism() > 1));
        StringBuilder b = new StringBuilder();
        if (one.isPresent()) {
            double gbps = one.get().gigabytesPerSecond().point();
            b.append(String.format(Locale.ROOT, "%s at %s moves %s GB/s of %s data over one %s (p=1)", s,
                    size(largest), fmt(gbps, 2), w.workload(), link));
            b.append(gbps > ceiling.point()
                    ? String.format(Locale.ROOT, ", above %s: the probe understates what this transport carries "
                            + "here, so no percentage is given.", probeFigure)
                    : String.format(Locale.ROOT, " = %s%% of %s.", fmt(100 * gbps / ceiling.point(), 0),
                            probeFigure));
        } else {
            b.append(String.format(Locale.ROOT, "%s at %s was not measured over one %s (p=1), the only case %s "
                    + "reads against: no percentage.", s, size(largest), link, probeFigure));
        }
        many.ifPresent(m -> b.append(String.format(Locale.ROOT, " Over %d %ss at once (p=%d) it moves %s GB/s in "
                + "all (%s GB/s per %s, the cores shared by every %s), which a one-%s probe does not bound.",
                m.parallelism(), link, m.parallelism(), fmt(m.gigabytesPerSecond().point(), 2),
                fmt(m.gigabytesPerSecond().point() / m.parallelism(), 2), link, link, link)));
        return b.toString();
    }

    /**
     * For a model that copies its output back (shared-memory): its own ceiling, stated beside its figure, and its
     * share of that ceiling (both from {@link dev.parbench.analysis.OwnCeiling}).
     */
    private static Optional<String> ownCeiling(Analysis.WorkloadResult w, StrategyKind k, Analysis.Point p) {
        dev.parbench.workload.Traffic traffic = WorkloadKind.fromId(w.workload()).traffic();
        double fraction = dev.parbench.analysis.OwnCeiling.fractionOfProbe(k, traffic);
        if (fraction >= 1 || p.probe() == null) {
            return Optional.empty();
        }
        int bytes = dev.parbench.analysis.OwnCeiling.bytesPerElement(k, traffic);
        double own = dev.parbench.analysis.OwnCeiling.percentOfOwnCeiling(p, k, traffic);
        String reached = Double.isFinite(own) ? String.format(Locale.ROOT, "; at p=%d it reaches %s%% of that "
                + "ceiling", p.parallelism(), fmt(own, 0)) : "";
        return Optional.of(String.format(Locale.ROOT, "%s's own ceiling is %s%% of the probe: its workers write the "
                + "output into the mapping and the master copies it into the caller's array, so it moves %d bytes "
                + "per element where the kernel moves %d%s.", k.id(), fmt(100 * fraction, 0), bytes,
                traffic.bytesPerElement(), reached));
    }

    /** The point that moves the most bytes per second. */
    private static Optional<Analysis.Point> fastest(java.util.stream.Stream<Analysis.Point> points) {
        return points.max(Comparator.comparingDouble(p -> p.gigabytesPerSecond().point()));
    }

    /** The transfer probe that bounds a transport's traffic (null: in-JVM, nothing crosses a process boundary). */
    private static String probeName(StrategyKind.Transport t) {
        return switch (t) {
            case TCP, TCP_RESIDENT, ENGINE, ENGINE_RESIDENT -> "loopback";
            case PIPES, PIPES_RESIDENT, SHARED_MEMORY -> "pipe";
            case IN_JVM -> null;
        };
    }

    /** Where a resident model's input lives. */
    private static String residentWhere(StrategyKind.Transport t) {
        return switch (t) {
            case ENGINE_RESIDENT -> "stored once per trial in the members' partitioned IMap, each task running on the "
                    + "member that owns its blocks";
            case SHARED_MEMORY -> "written once (in warm-up) into shared-memory files the worker JVMs map";
            default -> "shipped once (in warm-up) and held by the worker JVMs";
        };
    }

    /** One equal range per task vs work stealing, at each parallelism measured. */
    private static void balance(Analysis.WorkloadResult w, List<String> out) {
        List<String> parts = new ArrayList<>();
        List<String> settleStrategies = new ArrayList<>();
        List<Integer> settlePs = new ArrayList<>();
        for (Analysis.Balance b : w.balance()) {
            String verdict;
            if (b.provisional()) {
                boolean disagree = b.ratio().interval();
                verdict = "provisional, " + why(b.ratio().forks(), disagree) + ": no verdict";
                addOnce(settleStrategies, b.rangePerTask());
                addOnce(settleStrategies, b.workStealing());
                addOnce(settlePs, b.parallelism());
            } else {
                verdict = b.ratio().above(1) ? "stealing wins" : b.ratio().below(1) ? "one range per task wins"
                        : "no clear difference";
            }
            parts.add(String.format(Locale.ROOT, "p=%d: %s takes %sx %s the time of %s (%s)", b.parallelism(),
                    b.rangePerTask(), fmt(b.ratio().point(), 2), span(b.ratio(), 2), b.workStealing(), verdict));
        }
        if (!parts.isEmpty()) {
            out.add("Load balance at " + size(w.largestSize()) + ", one equal range per task vs work stealing "
                    + "(fastest in-JVM model of each kind): " + String.join("; ", parts) + "."
                    + (settlePs.isEmpty() ? "" : " Settle with " + settle(w, settleStrategies,
                            List.of(w.largestSize()), settlePs) + "."));
        }
    }

    private static Optional<String> amdahl(Analysis.WorkloadResult w) {
        List<String> amdahl = new ArrayList<>();
        List<String> provisional = new ArrayList<>();
        w.amdahl().forEach((s, f) -> {
            if (f.serialFraction() >= -0.05 && f.serialFraction() <= 1.05) { // otherwise Amdahl does not describe it
                Analysis.AmdahlBasis b = w.amdahlBasis().get(s);
                String text = String.format(Locale.ROOT, "%s f = %s%s", s, fmt(f.serialFraction(), 3),
                        Double.isFinite(f.rSquared()) ? " (R² " + fmt(f.rSquared(), 2) + ")" : "");
                if (b != null && b.provisional()) {
                    provisional.add(s);
                    text += " (provisional: some points rest on too few forks or on forks that disagree)";
                }
                amdahl.add(text);
            }
        });
        List<String> sentences = new ArrayList<>();
        if (!amdahl.isEmpty()) {
            sentences.add("Serial fraction at " + size(w.largestSize()) + " (Amdahl fit): " + String.join("; ", amdahl)
                    + "." + (provisional.isEmpty() ? "" : " Settle with " + settle(w, provisional,
                            List.of(w.largestSize()), w.parallelisms()) + "."));
        }
        List<String> notThreads = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        w.amdahlBasis().forEach((s, b) -> {
            if (!b.threads()) {
                notThreads.add(s);
            } else if (!b.fitted()) {
                tooFew.add(s);
            }
        });
        if (!tooFew.isEmpty()) {
            sentences.add("No serial fraction (Amdahl fit) for " + String.join(", ", tooFew) + ": "
                    + amdahlNeeds(w) + ".");
        }
        if (!notThreads.isEmpty()) {
            sentences.add("No serial fraction for " + String.join(", ", notThreads) + ": " + (notThreads.size() == 1
                    ? "its" : "their") + " parallelism is not a thread count (Amdahl's p would be wrong).");
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    /** What an Amdahl fit lacks, e.g. "needs p = 1, 2, 4 (3 values <= 4 cores); measured p = 1, 2". */
    static String amdahlNeeds(Analysis.WorkloadResult w) {
        int need = AmdahlFit.MIN_PARALLELISMS;
        int cores = w.cores();
        List<Integer> have = w.parallelisms().stream().filter(p -> cores <= 0 || p <= cores).toList();
        String measured = have.isEmpty() ? "none measured" : "measured p = " + join(have);
        if (cores > 0 && cores < need) {
            return String.format(Locale.ROOT, "a fit needs %d parallelisms that are thread counts and at most the "
                    + "cores, impossible on this %d-core machine (%s)", need, cores, measured);
        }
        List<Integer> wanted = new ArrayList<>(have);
        for (int p = 1; wanted.size() < need && (cores <= 0 || p <= cores); p *= 2) {
            addOnce(wanted, p);
        }
        wanted.sort(null);
        return String.format(Locale.ROOT, "needs p = %s (%d values%s); %s", join(wanted), need,
                cores > 0 ? " <= " + cores + " cores" : ", cores unknown", measured);
    }

    private static String join(List<Integer> v) {
        return String.join(", ", v.stream().map(String::valueOf).toList());
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
        return StrategyKind.find(id);
    }
}
