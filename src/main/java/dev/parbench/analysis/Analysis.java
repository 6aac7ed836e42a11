package dev.parbench.analysis;

import dev.parbench.family.Family;
import dev.parbench.workload.Ceiling;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed: one {@link WorkloadResult} per workload (and kernel) of a parbench run, the
 * probes, one {@link SeriesResult} per SERIES family (the coordination patterns), per-benchmark results for anything
 * else (foreign JMH results), the environments, and warnings about the data (missing baselines, single forks,
 * merged files).
 */
public record Analysis(List<WorkloadResult> workloads, Probe probe, List<SeriesResult> series,
        List<ForeignResult> foreign, Map<String, Map<String, Object>> environments, List<String> warnings) {

    /**
     * One model at one parallelism and size. Times in ns/op; GB/s only for memory-bound workloads (else null).
     * {@code karpFlatt} is NaN where it means nothing (p = 1, p above the cores, or p not the thread count).
     * {@code unstable}: the forks of this configuration or of its sequential baseline disagree
     * ({@link ForkIntervals#disagree}).
     */
    public record Point(String strategy, int parallelism, int size, Estimate time, Estimate speedup, double efficiency,
            double karpFlatt, Estimate gigabytesPerSecond, double percentOfProbe, boolean unstable) {

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
            boolean provisional, String runnerUp, int runnerUpParallelism, Estimate margin) {
        public Best(int size, String strategy, int parallelism, Estimate time, Estimate speedup, boolean provisional) {
            this(size, strategy, parallelism, time, speedup, provisional, null, 0, null);
        }

        /** The same best with its runner-up: the next fastest configuration and T(runner-up) / T(best). */
        public Best withRunnerUp(String strategy, int parallelism, Estimate margin) {
            return new Best(size, this.strategy, this.parallelism, time, speedup, provisional, strategy, parallelism,
                    margin);
        }
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
     */
    public record WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
            List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
            Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines, List<Point> points,
            Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl, Map<String, Estimate> perTaskCost,
            List<Best> best, List<Balance> balance, Map<String, AmdahlBasis> amdahlBasis,
            java.util.Set<Integer> unstableBaselines, int cores) {

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

        public java.util.Optional<Point> point(String strategy, int parallelism, int size) {
            return points.stream().filter(p -> p.strategy().equals(strategy) && p.parallelism() == parallelism
                    && p.size() == size).findFirst();
        }
    }

    /**
     * The machine's ceilings: memory bandwidth in GB/s per {@link Ceiling} on one core and on all (absent where not
     * measured) for arrays of {@code elements}, what one loopback connection and one pipe to a child JVM carry in
     * GB/s, and a worker JVM's start time (null where not measured). Each bandwidth figure is the best fork's median (STREAM reports the best rate); its
     * interval spans the forks' medians.
     */
    public record Probe(Map<Ceiling, Estimate> oneCore, Map<Ceiling, Estimate> allCores, int elements,
            Estimate loopback, Estimate pipe, Estimate workerStart) {
        public Probe {
            oneCore = Map.copyOf(oneCore);
            allCores = Map.copyOf(allCores);
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
