package dev.parbench.results;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One JMH result: a benchmark method at one parameter combination.
 *
 * @param benchmark   fully qualified method, e.g. {@code dev.parbench.bench.SumBench.parallel}
 * @param mode        {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params      parameter values; empty if the benchmark has none
 * @param forks       forks JMH ran (as configured)
 * @param threads     benchmark threads
 * @param primary     the primary metric
 * @param secondary   secondary metrics by name (e.g. {@code gc.alloc.rate}; JMH before 1.33 wrote {@code ·gc.alloc.rate}); empty if none
 * @param jvm         JVM fields when present: {@code jvm}, {@code jdkVersion}, {@code vmName}, {@code vmVersion}
 * @param jvmArgs     fork JVM arguments; empty if absent
 * @param source      the file this record was read from
 * @param rounds      the round in which each fork ran, in the order of the primary metric's forks (parbench's
 *                    {@code run} measures in rounds: one fork of every configuration per round); empty when the
 *                    file does not say (plain JMH output)
 * @param forkStarted when each fork started (ms since the epoch), in the same order; empty when the file does not say
 */
public record BenchmarkRecord(String benchmark, String mode, SortedMap<String, String> params, int forks,
        int threads, Metric primary, Map<String, Metric> secondary, Map<String, String> jvm, List<String> jvmArgs,
        String source, List<Integer> rounds, List<Long> forkStarted) {

    public BenchmarkRecord {
        rounds = List.copyOf(rounds);
        forkStarted = List.copyOf(forkStarted);
    }

    /** A record with no round marks (plain JMH output). */
    public BenchmarkRecord(String benchmark, String mode, SortedMap<String, String> params, int forks, int threads,
            Metric primary, Map<String, Metric> secondary, Map<String, String> jvm, List<String> jvmArgs,
            String source) {
        this(benchmark, mode, params, forks, threads, primary, secondary, jvm, jvmArgs, source, List.of(), List.of());
    }

    /** {@code SumBench.parallel} from {@code dev.parbench.bench.SumBench.parallel}. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** The class's simple name, e.g. {@code SumBench}. */
    public String className() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    /** The method name, e.g. {@code parallel}. */
    public String method() {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 1];
    }

    public String param(String name) {
        return params.get(name);
    }

    /** {@code size=1024, strategy=fork-join}; empty if there are no params. */
    public String paramLabel() {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }
}
