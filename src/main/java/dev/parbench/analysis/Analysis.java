package dev.parbench.analysis;

import dev.parbench.family.Family;
import dev.parbench.strategy.CostMetric;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Ceiling;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed: one {@link WorkloadResult} per workload (and kernel) of a parbench run, the
 * probes, one {@link SeriesResult} per SERIES family (the coordination patterns), per-benchmark results for anything
 * else (foreign JMH results), the environments, warnings about the data (missing baselines, single forks, merged
 * files), and whether the machine kept its speed over the run ({@link Stability}; {@link Stability#NONE} when no fork
 * has a start time).
 */
public record Analysis(List<WorkloadResult> workloads, Probe probe, List<SeriesResult> series,
        List<ForeignResult> foreign, Map<String, Map<String, Object>> environments, List<String> warnings,
        Stability stability) {

    public Analysis {
        stability = stability == null ? Stability.NONE : stability;
    }

    public Analysis(List<WorkloadResult> workloads, Probe probe, List<SeriesResult> series,
            List<ForeignResult> foreign, Map<String, Map<String, Object>> environments, List<String> warnings) {
        this(workloads, probe, series, foreign, environments, warnings, Stability.NONE);
    }

    /**
     * One model at one parallelism and size. Times in ns/op; GB/s only for memory-bound workloads (else null).
     * {@code karpFlatt} is NaN where it means nothing (p = 1, p above the cores, or p not the thread count).
     * {@code unstable}: the forks of this configuration or of its sequential baseline disagree
     * ({@link ForkIntervals#disagree}). {@code probe}: the bandwidth-probe level it is read against (same kernel,
     * one core or all, nearest measured size; null: none), and {@code percentOfProbe} = its central GB/s over the
     * probe's central GB/s (NaN when none, or when it is {@link #aboveProbe()}). {@code forks}: each fork's time and
     * speedup, the values its intervals rest on (for charts that show every fork).
     */
    public record Point(String strategy, int parallelism, int size, Estimate time, Estimate speedup, double efficiency,
            double karpFlatt, Estimate gigabytesPerSecond, double percentOfProbe, boolean unstable, ProbeLevel probe,
            ForkPoints forks) {

        public Point {
            forks = forks == null ? ForkPoints.NONE : forks;
        }

        public Point(String strategy, int parallelism, int size, Estimate time, Estimate speedup, double efficiency,
                double karpFlatt, Estimate gigabytesPerSecond, double percentOfProbe, boolean unstable,
                ProbeLevel probe) {
            this(strategy, parallelism, size, time, speedup, efficiency, karpFlatt, gigabytesPerSecond,
                    percentOfProbe, unstable, probe, ForkPoints.NONE);
        }

        public Point(String strategy, int parallelism, int size, Estimate time, Estimate speedup, double efficiency,
                double karpFlatt, Estimate gigabytesPerSecond, double percentOfProbe, boolean unstable) {
            this(strategy, parallelism, size, time, speedup, efficiency, karpFlatt, gigabytesPerSecond,
                    percentOfProbe, unstable, null);
        }

        /**
         * The model moved more bytes per second than the probe's best fork at the size it is read against: the
         * probe is not its ceiling there (the data sat in a faster level of the memory hierarchy than the probe's,
         * or the probe was measured at another size). {@code percentOfProbe} is then NaN: no "102%".
         */
        public boolean aboveProbe() {
            return probe != null && gigabytesPerSecond != null
                    && gigabytesPerSecond.point() > probe.best().point() * (1 + 1e-9);
        }

        /** Claims may rest on this point: its speedup is an interval (enough forks) and its forks agree. */
        public boolean claimable() {
            return speedup.interval() && !unstable;
        }
    }

    /**
     * The smallest size at which a model beats sequential with its whole interval above 1 (size null: never).
     * {@code provisional}: the claim does not rest on enough agreeing forks. A provisional crossover names the
     * smallest size whose point estimate is above 1 but which is not claimable (too few forks, or forks disagree); a
     * provisional "never" has points that could not be judged.
     */
    public record Crossover(String strategy, Integer size, Integer parallelism, Estimate speedup,
            boolean provisional) {
    }

    /**
     * Load balance at one parallelism: {@code ratio} = T(range per task) / T(work stealing) at the largest size, for
     * the fastest in-JVM model of each kind (above 1: stealing wins). {@code provisional}: the ratio is only a range
     * or the forks of either side disagree, so no verdict.
     */
    public record Balance(int parallelism, String rangePerTask, String workStealing, Estimate ratio,
            boolean provisional) {
    }

    /**
     * The fastest configuration at one size (sequential included). {@code provisional}: its figures are ranges (too
     * few forks) or its forks (or the baseline's) disagree, so "fastest" is not a claim.
     */
    public record Best(int size, String strategy, int parallelism, Estimate time, Estimate speedup,
            boolean provisional, String runnerUp, int runnerUpParallelism, Estimate margin, List<Tie> ties) {
        public Best {
            ties = ties == null ? List.of() : List.copyOf(ties);
        }

        public Best(int size, String strategy, int parallelism, Estimate time, Estimate speedup, boolean provisional) {
            this(size, strategy, parallelism, time, speedup, provisional, null, 0, null, List.of());
        }

        /** The same best with its runner-up: the next fastest configuration and T(runner-up) / T(best). */
        public Best withRunnerUp(String strategy, int parallelism, Estimate margin) {
            return new Best(size, this.strategy, this.parallelism, time, speedup, provisional, strategy, parallelism,
                    margin, ties);
        }

        /** The same best with the parallel configurations that tie with it ({@link Tie}). */
        public Best withTies(List<Tie> ties) {
            return new Best(size, strategy, parallelism, time, speedup, provisional, runnerUp, runnerUpParallelism,
                    margin, ties);
        }
    }

    /**
     * A parallel configuration not shown to be slower than the size's best: T(it) / T(best) is an interval (or, with
     * too few forks, a range of fork pairs) that reaches down to 1; a single fork each gives no tie. The advice names it beside the best ("any of ..."): picking one of them would be noise.
     */
    public record Tie(String strategy, int parallelism, Estimate margin) {
    }

    /**
     * What a model's Amdahl fit rests on, or why there is none: the parallelisms measured at the largest size that
     * qualify (p is the thread count and p <= cores), whether the model's p is its thread count at all, the cores
     * (0: unknown, then every measured p qualifies) and whether the points used are claimable.
     */
    public record AmdahlBasis(List<Integer> usable, boolean threads, int cores, boolean provisional) {
        public boolean fitted() {
            return threads && usable.size() >= AmdahlFit.MIN_PARALLELISMS;
        }
    }

    /**
     * One workload (with one kernel) of a parbench run.
     *
     * @param baseline       sequential time per size
     * @param baselineRate   sequential GB/s per size (memory-bound workloads only)
     * @param otherBaselines sequential times with other kernels (e.g. scalar), kernel -> size -> time
     * @param amdahl         per strategy, fitted over parallelism at the largest size (only where it can be fitted)
     * @param perTaskCost    per strategy, time per operation / tasks at the smallest size and the largest
     *                       parallelism (ns): the model's overhead per task when there is next to no work
     * @param balance        per parallelism, one equal range per task vs work stealing at the largest size
     * @param amdahlBasis    per strategy, what its Amdahl fit rests on or why it has none ({@code amdahl} holds only
     *                       the models with {@link AmdahlBasis#fitted()})
     * @param unstableBaselines sizes whose sequential forks disagree
     * @param cores          the machine's cores from env.json; 0 when unknown
     * @param costs          what each configuration cost per operation besides its time ({@link Cost}), sequential
     *                       included; empty when the run did not count costs
     * @param baselineForks  per size, each fork of the sequential baseline (times only)
     */
    public record WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
            List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
            Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines, List<Point> points,
            Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl, Map<String, Estimate> perTaskCost,
            List<Best> best, List<Balance> balance, Map<String, AmdahlBasis> amdahlBasis,
            java.util.Set<Integer> unstableBaselines, int cores, List<WeakScaling> weakScaling, List<Cost> costs,
            Map<Integer, ForkPoints> baselineForks) {

        public WorkloadResult {
            baselineForks = baselineForks == null ? Map.of() : baselineForks;
        }

        public WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
                List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
                Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines,
                List<Point> points, Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl,
                Map<String, Estimate> perTaskCost, List<Best> best, List<Balance> balance,
                Map<String, AmdahlBasis> amdahlBasis, java.util.Set<Integer> unstableBaselines, int cores,
                List<WeakScaling> weakScaling, List<Cost> costs) {
            this(workload, kernel, bytesPerElement, sizes, strategies, parallelisms, baseline, baselineRate,
                    otherBaselines, points, crossovers, amdahl, perTaskCost, best, balance, amdahlBasis,
                    unstableBaselines, cores, weakScaling, costs, Map.of());
        }

        public WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
                List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
                Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines,
                List<Point> points, Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl,
                Map<String, Estimate> perTaskCost, List<Best> best, List<Balance> balance,
                Map<String, AmdahlBasis> amdahlBasis, java.util.Set<Integer> unstableBaselines, int cores,
                List<WeakScaling> weakScaling) {
            this(workload, kernel, bytesPerElement, sizes, strategies, parallelisms, baseline, baselineRate,
                    otherBaselines, points, crossovers, amdahl, perTaskCost, best, balance, amdahlBasis,
                    unstableBaselines, cores, weakScaling, List.of());
        }

        public WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
                List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
                Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines,
                List<Point> points, Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl,
                Map<String, Estimate> perTaskCost, List<Best> best, List<Balance> balance,
                Map<String, AmdahlBasis> amdahlBasis, java.util.Set<Integer> unstableBaselines, int cores) {
            this(workload, kernel, bytesPerElement, sizes, strategies, parallelisms, baseline, baselineRate,
                    otherBaselines, points, crossovers, amdahl, perTaskCost, best, balance, amdahlBasis,
                    unstableBaselines, cores, List.of());
        }

        /** The same result with its costs per operation. */
        public WorkloadResult withCosts(List<Cost> costs) {
            return new WorkloadResult(workload, kernel, bytesPerElement, sizes, strategies, parallelisms, baseline,
                    baselineRate, otherBaselines, points, crossovers, amdahl, perTaskCost, best, balance, amdahlBasis,
                    unstableBaselines, cores, weakScaling, List.copyOf(costs), baselineForks);
        }

        public String title() {
            return kernel.isEmpty() ? workload : workload + " (" + kernel + " kernel)";
        }

        public int largestSize() {
            return sizes.get(sizes.size() - 1);
        }

        public int largestParallelism() {
            return parallelisms.isEmpty() ? 1 : parallelisms.get(parallelisms.size() - 1);
        }

        public boolean memoryBound() {
            return bytesPerElement > 0;
        }

        /**
         * The parallelism measured at the most sizes (ties: the larger): the profiles sweep the sizes at p = cores
         * and add the other parallelisms at the largest size only, so charts over size use this one.
         */
        public int sweepParallelism() {
            int best = largestParallelism();
            long most = -1;
            for (int p : parallelisms) {
                long n = points.stream().filter(x -> x.parallelism() == p).map(Point::size).distinct().count();
                if (n > most || n == most && p > best) {
                    most = n;
                    best = p;
                }
            }
            return best;
        }

        public java.util.Optional<Point> point(String strategy, int parallelism, int size) {
            return points.stream().filter(p -> p.strategy().equals(strategy) && p.parallelism() == parallelism
                    && p.size() == size).findFirst();
        }
    }

    /**
     * What one configuration (sequential included) cost per operation besides its time, as the run's cost profile
     * counted it in the benchmark JVM: one figure per {@link CostMetric} it recorded (each a fork-level estimate like
     * any other figure). A metric that is absent was not counted: the transfer time and share exist only for models
     * whose links the master times, the bytes only where every connection was counted.
     */
    public record Cost(String strategy, int parallelism, int size, Estimate time, Map<CostMetric, Estimate> figures) {
        public Cost {
            java.util.EnumMap<CostMetric, Estimate> copy = new java.util.EnumMap<>(CostMetric.class);
            copy.putAll(figures);
            figures = java.util.Collections.unmodifiableMap(copy);
        }

        public java.util.Optional<Estimate> figure(CostMetric m) {
            return java.util.Optional.ofNullable(figures.get(m));
        }

        /** The model runs its work in other JVMs (its transport is not the JVM's own memory). */
        public boolean outOfProcess() {
            return StrategyKind.find(strategy).map(StrategyKind::outOfProcess).orElse(false);
        }
    }

    /**
     * The machine's ceilings: memory bandwidth in GB/s per {@link Ceiling} on one core and on all (absent where not
     * measured) for arrays of {@code elements}, what one loopback connection and one pipe to a child JVM carry in
     * GB/s, and a worker JVM's start time (null where not measured). Each bandwidth figure is the best fork's median (STREAM reports the best rate); its
     * interval spans the forks' medians.
     */
    public record Probe(Map<Ceiling, Estimate> oneCore, Map<Ceiling, Estimate> allCores, int elements,
            Estimate loopback, Estimate pipe, Estimate workerStart, List<ProbeLevel> sweep) {
        public Probe {
            oneCore = Map.copyOf(oneCore);
            allCores = Map.copyOf(allCores);
            sweep = List.copyOf(sweep);
        }

        /** A probe without a size sweep (one size: {@code oneCore} and {@code allCores} only). */
        public Probe(Map<Ceiling, Estimate> oneCore, Map<Ceiling, Estimate> allCores, int elements,
                Estimate loopback, Estimate pipe, Estimate workerStart) {
            this(oneCore, allCores, elements, loopback, pipe, workerStart, List.of());
        }

        /**
         * The probe level a model of {@code parallelism} at {@code elements} is read against: the same kernel, one
         * core for p = 1 and all cores otherwise, at the measured size nearest to {@code elements} (on a log scale;
         * the larger on a tie). Null when that probe was not measured.
         */
        public ProbeLevel at(Ceiling c, int parallelism, int elements) {
            boolean all = parallelism != 1;
            ProbeLevel best = null;
            double distance = Double.POSITIVE_INFINITY;
            for (ProbeLevel l : sweep) {
                if (l.ceiling() != c || l.allCores() != all) {
                    continue;
                }
                double d = Math.abs(Math.log((double) l.elements() / elements));
                if (d < distance - 1e-9 || Math.abs(d - distance) <= 1e-9 && best != null
                        && l.elements() > best.elements()) {
                    best = l;
                    distance = d;
                }
            }
            return best;
        }

        public boolean present() {
            return !oneCore.isEmpty() || !allCores.isEmpty() || loopback != null || pipe != null
                    || workerStart != null;
        }

        /** The raw-transfer ceiling of a transport that moves the input in every operation (null: none measured). */
        public Estimate transfer(dev.parbench.strategy.StrategyKind.Transport t) {
            return switch (t) {
                case TCP, ENGINE -> loopback; // Hazelcast members talk TCP over loopback
                case PIPES -> pipe;
                default -> null;
            };
        }

        /** The figure a model at {@code parallelism} is read against: one core for 1, all cores otherwise. */
        public Estimate ceiling(Ceiling c, int parallelism) {
            return (parallelism == 1 ? oneCore : allCores).get(c);
        }
    }

    /**
     * Weak scaling (Gustafson: the work grows with p): a model at p with p times the base size, against sequential
     * at the base size. {@code efficiency} = T(sequential, base) / T(model, p, p x base), with its interval from the
     * forks (1 = perfect weak scaling: p times the work in the same time).
     */
    public record WeakScaling(String strategy, int parallelism, int baseSize, Estimate efficiency,
            boolean unstable) {
    }

    /**
     * One point of the bandwidth probe's size sweep (the memory-hierarchy curve): kernel, one core or all, array
     * elements, the best fork's GB/s (STREAM's convention; its range spans the forks) and the central figure (the
     * geometric mean of the fork medians, with its 95% interval from 3 forks on): a model's central figure is read
     * against the central one, and the best fork is shown beside it.
     */
    public record ProbeLevel(Ceiling ceiling, boolean allCores, int elements, Estimate best, Estimate central) {
        /** Bytes one array of this level holds ({@link Ceiling#probeBytesPerElement()} counts all its arrays). */
        public long bytes() {
            return (long) ceiling.probeBytesPerElement() * elements;
        }
    }

    /**
     * A benchmark that is not one of parbench's own (or any benchmark of a foreign file): its score in its own unit
     * with a fork-level interval.
     */
    public record ForeignResult(String benchmark, String mode, String unit, Map<String, String> params,
            Estimate score, boolean higherIsBetter, Map<String, Estimate> secondary) {
    }

    /**
     * One point of a SERIES family: a variant (and series value, e.g. platform or virtual threads) at one x (NaN
     * where the family has no x axis), its score in the family's unit with a fork-level interval, its secondary
     * metrics, and for sampled latencies JMH's percentiles (pooled over forks: no interval).
     */
    public record SeriesPoint(String variant, String series, double x, Estimate score,
            Map<String, Estimate> secondary, java.util.SortedMap<Double, Double> percentiles) {
    }

    /**
     * A SERIES family's results: one line per variant x series over the x axis, in the records' own unit
     * ({@code higherIsBetter} for throughputs).
     *
     * @param benchmark the benchmark method these points come from (a family may have several, e.g. a throughput and
     *                  a latency benchmark: one result each)
     */
    public record SeriesResult(Family family, String benchmark, String unit, boolean higherIsBetter,
            List<String> variants, List<String> seriesValues, List<Double> xs, List<SeriesPoint> points) {
        public java.util.Optional<SeriesPoint> point(String variant, String series, double x) {
            return points.stream().filter(p -> p.variant().equals(variant) && java.util.Objects.equals(p.series(),
                    series) && Double.compare(p.x(), x) == 0).findFirst();
        }
    }
}
