package dev.parbench.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed: one {@link WorkloadResult} per workload (and kernel) of a parbench run, the
 * bandwidth probe, per-benchmark results for anything else (foreign JMH results), the environments, and warnings
 * about the data (missing baselines, single forks, merged files).
 */
public record Analysis(List<WorkloadResult> workloads, Probe probe, List<ForeignResult> foreign,
        Map<String, Map<String, Object>> environments, List<String> warnings) {

    /** One model at one parallelism and size. Times in ns/op; GB/s only for memory-bound workloads (else null). */
    public record Point(String strategy, int parallelism, int size, Estimate time, Estimate speedup, double efficiency,
            double karpFlatt, Estimate gigabytesPerSecond, double percentOfProbe) {
    }

    /** The smallest size at which a model beats sequential with its whole interval above 1 (size null: never). */
    public record Crossover(String strategy, Integer size, Integer parallelism, Estimate speedup) {
    }

    /** The fastest configuration at one size (sequential included). */
    public record Best(int size, String strategy, int parallelism, Estimate time, Estimate speedup) {
    }

    /**
     * One workload (with one kernel) of a parbench run.
     *
     * @param baseline       sequential time per size
     * @param baselineRate   sequential GB/s per size (memory-bound workloads only)
     * @param otherBaselines sequential times with other kernels (e.g. scalar), kernel -> size -> time
     * @param amdahl         per strategy, fitted over parallelism at the largest size
     * @param perTaskCost    per strategy, time per operation / tasks at the smallest size and the largest
     *                       parallelism (ns): the model's overhead per task when there is next to no work
     */
    public record WorkloadResult(String workload, String kernel, int bytesPerElement, List<Integer> sizes,
            List<String> strategies, List<Integer> parallelisms, Map<Integer, Estimate> baseline,
            Map<Integer, Estimate> baselineRate, Map<String, Map<Integer, Estimate>> otherBaselines, List<Point> points,
            Map<String, Crossover> crossovers, Map<String, AmdahlFit> amdahl, Map<String, Estimate> perTaskCost,
            List<Best> best) {

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
     * The memory-bandwidth ceiling in GB/s (null where not measured) and the probe's array size. Each figure is the
     * best fork's median (STREAM reports the best rate); its interval spans the forks' medians.
     */
    public record Probe(Estimate readOneCore, Estimate readAllCores, Estimate addOneCore, Estimate addAllCores,
            int elements, Estimate loopback, Estimate workerStart) {
        public boolean present() {
            return readOneCore != null || readAllCores != null || addOneCore != null || addAllCores != null
                    || loopback != null || workerStart != null;
        }
    }

    /**
     * A benchmark that is not one of parbench's own (or any benchmark of a foreign file): its score in its own unit
     * with a fork-level interval.
     */
    public record ForeignResult(String benchmark, String mode, String unit, Map<String, String> params,
            Estimate score, boolean higherIsBetter, Map<String, Estimate> secondary) {
    }
}
