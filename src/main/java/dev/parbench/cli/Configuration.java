package dev.parbench.cli;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One configuration of a run: one benchmark method with one value for each of its parameters. It is what JMH writes
 * as one entry of its JSON, what {@code run} gives one JMH invocation of its own (so that its result is saved as soon
 * as it finishes), and what {@code --resume} counts as done or missing.
 *
 * @param pass the pass of the plan it belongs to (for messages)
 * @param benchmark the benchmark's full name, as in JMH's JSON ({@code dev.parbench.bench.SumBench.parallel})
 * @param params one value per parameter of the benchmark
 * @param forks JMH forks
 * @param minMeasurementIterations at least this many measured iterations (0: the run's setting)
 * @param forkJvmArgsAppend the flags the benchmark's own {@code @Fork(jvmArgsAppend)} gives its forks
 */
public record Configuration(String pass, String benchmark, SortedMap<String, String> params, int forks,
        int minMeasurementIterations, List<String> forkJvmArgsAppend) {

    public Configuration {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        forkJvmArgsAppend = List.copyOf(forkJvmArgsAppend);
    }

    /** Identity of a configuration: the benchmark and its parameter values (what JMH's JSON says of an entry). */
    public String key() {
        return key(benchmark, params);
    }

    public static String key(String benchmark, Map<String, String> params) {
        return benchmark + " " + new TreeMap<>(params);
    }

    /** The same configuration with {@code n} forks (a round runs one; --adaptive adds some). */
    public Configuration withForks(int n) {
        return new Configuration(pass, benchmark, params, n, minMeasurementIterations, forkJvmArgsAppend);
    }

    /** Short form for the console: {@code SumBench.parallel kernel=simd parallelism=2 ...}. */
    public String label() {
        String b = benchmark;
        int dot = b.lastIndexOf('.', b.lastIndexOf('.') - 1);
        StringBuilder s = new StringBuilder(dot >= 0 ? b.substring(dot + 1) : b);
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
