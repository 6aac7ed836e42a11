package dev.parbench.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code run --profile} means: how many forks and iterations, which sizes, parallelisms and kernels.
 * Budgets are indicative for the in-JVM models on 2 cores (see docs/METHOD.md); every run prints its own estimate first.
 */
public enum Profile {
    /** CI plumbing only, one fork: never draw conclusions from it. ~1-2 minutes. */
    SMOKE("smoke", 1, 2, 100, 2, 100, List.of(1 << 16), List.of(2), List.of(1 << 16), List.of(2), List.of("simd"),
            false, 1 << 24, "CI plumbing only (1 fork, tiny iterations); never for conclusions"),
    /** A first look: 2 forks, two sizes; parallelism 1 and 2 in-JVM, 2 out of process. ~5-6 minutes. */
    QUICK("quick", 2, 3, 200, 2, 200, List.of(1 << 15, 1 << 25), List.of(1, 2), List.of(1 << 15, 1 << 25),
            List.of(2), List.of("simd"), false, 1 << 25,
            "a first look: 2 forks, sizes 32k and 32M, parallelism 1-2 (out-of-process models: 2)"),
    /**
     * The default: 2 forks, four sizes in-JVM and two out of process, parallelism 1 and 2 in-JVM and 2 out of process
     * (their p = 1 points cost worker-JVM starts and say little the p = 2 points do not). <= 15 minutes.
     */
    STANDARD("standard", 2, 3, 200, 3, 200, List.of(1 << 10, 1 << 15, 1 << 20, 1 << 25), List.of(1, 2),
            List.of(1 << 15, 1 << 25), List.of(2), List.of("simd"), true, 1 << 25,
            "the default: 2 forks, sizes 1k-32M, parallelism 1-2 (out-of-process models: 32k and 32M at p=2), "
                    + "scalar baseline"),
    /** As long as it needs (hours): 3 forks, six sizes a factor 8 apart, parallelism up to 8, both kernels. */
    FULL("full", 3, 3, 500, 5, 500, List.of(1 << 10, 1 << 13, 1 << 16, 1 << 19, 1 << 22, 1 << 25),
            List.of(1, 2, 4, 8), List.of(1 << 10, 1 << 15, 1 << 20, 1 << 25), List.of(1, 2, 4),
            List.of("simd", "scalar"), false, 1 << 25,
            "as long as it needs (hours): 3 forks, 6 sizes, parallelism 1-8, both kernels");

    private final String id;
    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    final List<Integer> sizes;
    final List<Integer> parallelism;
    /** Sizes and parallelism for the out-of-process models, whose trials cost worker-JVM starts. */
    final List<Integer> remoteSizes;
    final List<Integer> remoteParallelism;
    final List<String> kernels;
    /** Also run the sequential baselines of the memory-bound workloads with the scalar kernel. */
    final boolean scalarBaseline;
    final int probeElements;
    private final String summary;

    Profile(String id, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
            int measurementMillis, List<Integer> sizes, List<Integer> parallelism, List<Integer> remoteSizes,
            List<Integer> remoteParallelism, List<String> kernels,
            boolean scalarBaseline, int probeElements, String summary) {
        this.id = id;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.sizes = sizes;
        this.parallelism = parallelism;
        this.remoteSizes = remoteSizes;
        this.remoteParallelism = remoteParallelism;
        this.kernels = kernels;
        this.scalarBaseline = scalarBaseline;
        this.probeElements = probeElements;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public static Profile fromId(String id) {
        for (Profile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new UsageException("unknown profile '" + id + "'; known: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
