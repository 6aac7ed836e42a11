package dev.parbench.analysis;

import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Ceiling;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statistics of the model matrix, one workload (and kernel) at a time: time and speedup per configuration with
 * fork-level intervals ({@link ForkIntervals}), whether its forks agree, bandwidth against the workload's own ceiling,
 * crossovers, Amdahl fits where they can be fitted, per-task overhead and the best model per size. Every claim
 * (crossover, best, balance, serial fraction) says whether it rests on claimable points (enough forks, forks agree)
 * or is provisional. Works on sorted times only ({@link RecordSorter} did the reading).
 */
final class MatrixAnalyzer {
    private final Map<MatrixConfig, List<double[]>> times;
    private final Analysis.Probe probe;
    private final int cores;
    private final List<String> warnings;

    /** What each configuration was measured under ({@link RecordSorter#condition}); empty: all the same. */
    private Map<MatrixConfig, String> conditions = Map.of();

    /** {@code cores}: the machine's cores from env.json, 0 when unknown. */
    MatrixAnalyzer(Map<MatrixConfig, List<double[]>> times, Analysis.Probe probe, int cores, List<String> warnings) {
        this.times = times;
        this.probe = probe;
        this.cores = cores;
        this.warnings = warnings;
    }

    /** The conditions of each configuration, so that no speedup divides figures of different ones. */
    MatrixAnalyzer withConditions(Map<MatrixConfig, String> conditions) {
        this.conditions = conditions;
        return this;
    }

    /** Each configuration's forks by round, where the run measured in rounds (speedups are then paired). */
    private Map<MatrixConfig, RoundForks> rounds = Map.of();

    MatrixAnalyzer withRounds(Map<MatrixConfig, RoundForks> rounds) {
        this.rounds = rounds;
        return this;
    }

    /**
     * {@code time(numerator) / time(denominator)}: paired by round when both ran in the same rounds of one run,
     * else Welch's ratio of the fork medians.
     */
    private Estimate ratio(MatrixConfig numerator, MatrixConfig denominator) {
        return ForkIntervals.paired(rounds.get(numerator), rounds.get(denominator))
                .orElseGet(() -> ForkIntervals.ratio(times.get(numerator), times.get(denominator)));
    }

    /** Model and baseline were measured under the same known conditions (or none are known). */
    private boolean comparable(MatrixConfig model, MatrixConfig baseline) {
        String a = conditions.get(model);
        String b = conditions.get(baseline);
        if (a == null && b == null) {
            return true;
        }
        return a != null && a.equals(b) && !a.equals(RecordSorter.MIXED);
    }

    /** One result per (workload, kernel) that has parallel points, then baseline-only workloads with no section. */
    List<Analysis.WorkloadResult> analyze() {
        Map<String, List<MatrixConfig>> groups = new TreeMap<>();
        for (MatrixConfig c : times.keySet()) {
            groups.computeIfAbsent(c.workload().ordinal() + "/" + c.kernel(), k -> new ArrayList<>()).add(c);
        }
        List<Analysis.WorkloadResult> out = new ArrayList<>();
        for (List<MatrixConfig> group : groups.values()) {
            if (group.stream().anyMatch(c -> !c.sequential())) {
                out.add(workload(group));
            } // else a baseline-only kernel (e.g. the scalar baseline): shown inside its workload's section
        }
        for (List<MatrixConfig> group : groups.values()) {
            WorkloadKind w = group.get(0).workload();
            if (out.stream().noneMatch(r -> r.workload().equals(w.id()))) {
                out.add(workload(group));
            }
        }
        return out;
    }

    private Analysis.WorkloadResult workload(List<MatrixConfig> group) {
        WorkloadKind w = group.get(0).workload();
        String kernel = group.get(0).kernel();
        int bytes = w.bytesPerElement();
        TreeSet<Integer> sizes = new TreeSet<>();
        TreeSet<Integer> parallelisms = new TreeSet<>();
        List<String> strategies = new ArrayList<>();
        for (MatrixConfig c : group) {
            sizes.add(c.size());
            if (!c.sequential()) {
                parallelisms.add(c.parallelism());
                if (!strategies.contains(c.strategy())) {
                    strategies.add(c.strategy());
                }
            }
        }
        strategies.sort(Comparator.comparingInt(MatrixAnalyzer::strategyOrder).thenComparing(s -> s));

        Map<Integer, Estimate> baseline = new TreeMap<>();
        Map<Integer, Estimate> baselineRate = new TreeMap<>();
        Map<Integer, ForkPoints> baselineForks = new TreeMap<>();
        Set<Integer> unstableBaselines = new TreeSet<>();
        for (int size : sizes) {
            MatrixConfig sequential = new MatrixConfig(w, kernel, MatrixConfig.SEQUENTIAL, 1, size);
            List<double[]> seq = times.get(sequential);
            if (seq != null) {
                Estimate t = ForkIntervals.level(seq);
                baseline.put(size, t);
                baselineForks.put(size, ForkPoints.times(seq, rounds.get(sequential)));
                if (ForkIntervals.disagree(seq)) {
                    unstableBaselines.add(size);
                }
                if (bytes > 0) {
                    baselineRate.put(size, t.inverse(ns -> (double) bytes * size / ns));
                }
            }
        }
        List<Analysis.Point> points = points(group);
        int largest = sizes.last();
        Map<String, Analysis.Crossover> crossovers = new LinkedHashMap<>();
        Map<String, AmdahlFit> amdahl = new LinkedHashMap<>();
        Map<String, Analysis.AmdahlBasis> basis = new LinkedHashMap<>();
        for (String s : strategies) {
            crossovers.put(s, Crossovers.of(s, points, sizes, parallelisms));
            List<Analysis.Point> usable = points.stream()
                    .filter(x -> x.strategy().equals(s) && x.size() == largest && Double.isFinite(x.speedup().point())
                            && withinCores(x.parallelism()))
                    .toList();
            Analysis.AmdahlBasis b = new Analysis.AmdahlBasis(
                    usable.stream().map(Analysis.Point::parallelism).distinct().sorted().toList(),
                    StrategyKind.find(s).filter(StrategyKind::parallelismIsThreads).isPresent(), cores,
                    usable.stream().anyMatch(x -> !x.claimable()));
            basis.put(s, b);
            if (b.fitted()) {
                amdahl.put(s, AmdahlFit.fit(usable.stream().mapToDouble(Analysis.Point::parallelism).toArray(),
                        usable.stream().mapToDouble(x -> x.speedup().point()).toArray()));
            }
        }
        return new Analysis.WorkloadResult(w.id(), kernel, bytes, List.copyOf(sizes), strategies,
                List.copyOf(parallelisms), baseline, baselineRate, otherBaselines(w, kernel), points, crossovers,
                amdahl, perTaskCost(w, strategies, points, sizes.first(), parallelisms),
                runnersUp(w, kernel, best(sizes, baseline, unstableBaselines, points), points),
                balance(group, largest, parallelisms), basis,
                Set.copyOf(unstableBaselines), cores, weakScaling(group), List.of(), baselineForks);
    }

    /**
     * Every pair (sequential at n, model at p > 1 with p x n) the results hold, as Gustafson's scaled efficiency
     * T(1, n) / T(p, p n); the weak-scaling pass ({@code run --weak-scaling}) measures such pairs on purpose.
     */
    private List<Analysis.WeakScaling> weakScaling(List<MatrixConfig> group) {
        List<Analysis.WeakScaling> out = new ArrayList<>();
        for (MatrixConfig c : group) {
            if (c.sequential() || c.parallelism() < 2 || c.size() % c.parallelism() != 0) {
                continue;
            }
            MatrixConfig base = new MatrixConfig(c.workload(), c.kernel(), MatrixConfig.SEQUENTIAL, 1,
                    c.size() / c.parallelism());
            List<double[]> seq = times.get(base);
            if (seq == null || !comparable(c, base)) {
                continue;
            }
            out.add(new Analysis.WeakScaling(c.strategy(), c.parallelism(), base.size(),
                    ratio(base, c), ForkIntervals.disagree(seq)
                            || ForkIntervals.disagree(times.get(c))));
        }
        out.sort(Comparator.comparing(Analysis.WeakScaling::strategy)
                .thenComparingInt(Analysis.WeakScaling::baseSize).thenComparingInt(Analysis.WeakScaling::parallelism));
        return out;
    }

    /** p is at most the cores (every p when the cores are unknown). */
    private boolean withinCores(int p) {
        return cores <= 0 || p <= cores;
    }

    /** Sequential times with the workload's other kernels (e.g. the scalar baseline), kernel -> size -> time. */
    private Map<String, Map<Integer, Estimate>> otherBaselines(WorkloadKind w, String kernel) {
        Map<String, Map<Integer, Estimate>> other = new TreeMap<>();
        times.forEach((c, forks) -> {
            if (c.workload() == w && !c.kernel().equals(kernel) && c.sequential()) {
                other.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).put(c.size(), ForkIntervals.level(forks));
            }
        });
        return other;
    }

    private List<Analysis.Point> points(List<MatrixConfig> group) {
        List<Analysis.Point> points = new ArrayList<>();
        for (MatrixConfig c : group) {
            if (c.sequential()) {
                continue;
            }
            List<double[]> t = times.get(c);
            Estimate time = ForkIntervals.level(t);
            List<double[]> seq = times.get(c.baseline());
            Estimate speedup;
            if (seq == null) {
                warnings.add(c.workload().id() + " size " + c.size()
                        + ": no sequential baseline in these results, so no speedup");
                speedup = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
            } else if (!comparable(c, c.baseline())) {
                warnings.add(c.workload().id() + " " + c.strategy() + " p=" + c.parallelism() + " size " + c.size()
                        + ": measured under other conditions than its sequential baseline (machine, JDK or JVM "
                        + "flags), so no speedup");
                speedup = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
            } else {
                speedup = ratio(c.baseline(), c);
            }
            boolean unstable = ForkIntervals.disagree(t) || seq != null && ForkIntervals.disagree(seq);
            boolean threads = StrategyKind.find(c.strategy()).filter(StrategyKind::parallelismIsThreads).isPresent();
            double karpFlatt = threads && withinCores(c.parallelism())
                    ? AmdahlFit.karpFlatt(c.parallelism(), speedup.point()) : Double.NaN;
            int bytes = c.workload().bytesPerElement();
            Estimate rate = bytes > 0 ? time.inverse(ns -> (double) bytes * c.size() / ns) : null;
            double pct = Double.NaN;
            Ceiling ceilingKind = c.workload().traffic().ceiling();
            Analysis.ProbeLevel level = rate == null ? null : probe.at(ceilingKind, c.parallelism(), c.size());
            if (level != null && rate.point() <= level.best().point() * (1 + 1e-9)) {
                pct = 100 * rate.point() / level.central().point();
            } else if (level == null && rate != null) {
                Estimate ceiling = probe.ceiling(ceilingKind, c.parallelism()); // a probe without a sweep
                if (ceiling != null && rate.point() <= ceiling.point()) {
                    pct = 100 * rate.point() / ceiling.point();
                }
            }
            ForkPoints forks = Double.isNaN(speedup.point()) ? ForkPoints.times(t, rounds.get(c))
                    : ForkPoints.of(t, rounds.get(c), seq, rounds.get(c.baseline()));
            points.add(new Analysis.Point(c.strategy(), c.parallelism(), c.size(), time, speedup,
                    speedup.point() / c.parallelism(), karpFlatt, rate, pct, unstable, level, forks));
        }
        points.sort(Comparator.comparingInt((Analysis.Point p) -> strategyOrder(p.strategy()))
                .thenComparing(Analysis.Point::strategy).thenComparingInt(Analysis.Point::parallelism)
                .thenComparingInt(Analysis.Point::size));
        return points;
    }

    /** Time per operation / tasks at the smallest size and the largest parallelism measured: overhead per task. */
    private static Map<String, Estimate> perTaskCost(WorkloadKind w, List<String> strategies,
            List<Analysis.Point> points, int smallest, TreeSet<Integer> parallelisms) {
        Map<String, Estimate> perTask = new LinkedHashMap<>();
        for (String s : strategies) {
            for (int p : parallelisms.descendingSet()) {
                Optional<Analysis.Point> pt = find(points, s, p, smallest);
                if (pt.isPresent()) {
                    int tasks = Math.min(p, Math.ceilDiv(smallest, w.blockSize()));
                    perTask.put(s, pt.get().time().times(1.0 / tasks));
                    break;
                }
            }
        }
        return perTask;
    }

    /**
     * The fastest configuration per size, sequential included. Provisional when the winner is not claimable (a range,
     * or forks that disagree; for sequential, its own forks), or when a configuration that is not claimable could
     * be faster: the low end of its time's interval or range lies below the winner's time.
     */
    private static List<Analysis.Best> best(TreeSet<Integer> sizes, Map<Integer, Estimate> baseline,
            Set<Integer> unstableBaselines, List<Analysis.Point> points) {
        List<Analysis.Best> best = new ArrayList<>();
        for (int size : sizes) {
            Estimate seq = baseline.get(size);
            Analysis.Point winner = null;
            for (Analysis.Point p : points) {
                if (p.size() == size && (winner == null || p.time().point() < winner.time().point())) {
                    winner = p;
                }
            }
            if (seq == null && winner == null) {
                continue;
            }
            boolean sequentialWins = seq != null && (winner == null || seq.point() <= winner.time().point());
            double time = sequentialWins ? seq.point() : winner.time().point();
            boolean provisional = sequentialWins ? !seq.interval() || unstableBaselines.contains(size)
                    : !winner.claimable();
            for (Analysis.Point p : points) {
                if (p.size() == size && p != winner && !p.claimable() && !(p.time().low() >= time)) {
                    provisional = true; // could be faster, and its figures cannot say
                }
            }
            best.add(sequentialWins
                    ? new Analysis.Best(size, MatrixConfig.SEQUENTIAL, 1, seq, new Estimate(1, 1, 1, seq.forks(),
                            seq.kind()), provisional)
                    : new Analysis.Best(size, winner.strategy(), winner.parallelism(), winner.time(), winner.speedup(),
                            provisional));
        }
        return best;
    }

    /**
     * Adds to each size's best its runner-up (the next fastest configuration, sequential included) and the margin
     * T(runner-up) / T(best) with its fork-level interval (above 1: the best really is faster).
     */
    private List<Analysis.Best> runnersUp(WorkloadKind w, String kernel, List<Analysis.Best> best,
            List<Analysis.Point> points) {
        List<Analysis.Best> out = new ArrayList<>();
        for (Analysis.Best b : best) {
            MatrixConfig winner = new MatrixConfig(w, kernel, b.strategy(), b.parallelism(), b.size());
            MatrixConfig second = null;
            double secondTime = Double.POSITIVE_INFINITY;
            List<MatrixConfig> candidates = new ArrayList<>();
            candidates.add(winner.baseline());
            points.stream().filter(p -> p.size() == b.size())
                    .forEach(p -> candidates.add(new MatrixConfig(w, kernel, p.strategy(), p.parallelism(), b.size())));
            MatrixConfig winnerConfig = winner.sequential() ? winner.baseline() : winner;
            List<Analysis.Tie> ties = new ArrayList<>();
            for (MatrixConfig c : candidates) {
                List<double[]> t = times.get(c);
                if (t == null || c.equals(winner) || winner.sequential() && c.sequential()) {
                    continue;
                }
                double centre = ForkIntervals.center(t);
                if (centre < secondTime) {
                    secondTime = centre;
                    second = c;
                }
                if (!c.sequential() && times.get(winnerConfig) != null) {
                    Estimate margin = ratio(c, winnerConfig);
                    // a tie: its interval (or, with too few forks, its range of fork pairs) reaches down to 1
                    if (Double.isFinite(margin.low()) && margin.low() <= 1) {
                        ties.add(new Analysis.Tie(c.strategy(), c.parallelism(), margin));
                    }
                }
            }
            ties.sort(Comparator.comparingDouble(x -> x.margin().point()));
            Analysis.Best withTies = b.withTies(ties);
            out.add(second == null || times.get(winnerConfig) == null ? withTies : withTies.withRunnerUp(
                    second.strategy(), second.parallelism(), ratio(second, winnerConfig)));
        }
        return out;
    }

    /**
     * Per parallelism at the largest size: the fastest in-JVM model that gives each task one range vs the fastest
     * that steals work, as a time ratio with its interval (paired by round when the run had rounds).
     */
    private List<Analysis.Balance> balance(List<MatrixConfig> group, int largest, TreeSet<Integer> parallelisms) {
        List<Analysis.Balance> out = new ArrayList<>();
        for (int p : parallelisms) {
            MatrixConfig ranges = fastest(group, largest, p, StrategyKind.Split.RANGE_PER_TASK);
            MatrixConfig stealing = fastest(group, largest, p, StrategyKind.Split.WORK_STEALING);
            if (ranges != null && stealing != null) {
                Estimate ratio = ratio(ranges, stealing);
                boolean provisional = !ratio.interval() || ForkIntervals.disagree(times.get(ranges))
                        || ForkIntervals.disagree(times.get(stealing));
                out.add(new Analysis.Balance(p, ranges.strategy(), stealing.strategy(), ratio, provisional));
            }
        }
        return out;
    }

    /** The in-JVM model of this split, whose parallelism is its thread count, with the lowest time; null if none. */
    private MatrixConfig fastest(List<MatrixConfig> group, int size, int p, StrategyKind.Split split) {
        MatrixConfig best = null;
        double bestTime = Double.POSITIVE_INFINITY;
        for (MatrixConfig c : group) {
            StrategyKind k = StrategyKind.find(c.strategy()).orElse(null);
            if (k == null || k.split() != split || k.outOfProcess() || !k.parallelismIsThreads() || c.size() != size
                    || c.parallelism() != p) {
                continue;
            }
            double t = ForkIntervals.center(times.get(c));
            if (t < bestTime) {
                bestTime = t;
                best = c;
            }
        }
        return best;
    }

    private static Optional<Analysis.Point> find(List<Analysis.Point> points, String s, int p, int size) {
        return points.stream().filter(x -> x.strategy().equals(s) && x.size() == size && x.parallelism() == p)
                .findFirst();
    }

    /** Known models first, in StrategyKind order (the same order and colours in every chart); others after. */
    static int strategyOrder(String id) {
        return StrategyKind.find(id).map(StrategyKind::ordinal).orElse(Integer.MAX_VALUE);
    }
}
