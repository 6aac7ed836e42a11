package dev.parbench.analysis;

import dev.parbench.family.Families;
import dev.parbench.family.Family;
import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.ResultsFormatException;
import dev.parbench.results.RunData;
import dev.parbench.strategy.CostMetric;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classification half of the analysis: which family each JMH record belongs to (from the family declarations,
 * never from a list of class names here) and, for the model matrix and the probes, which configuration it measured.
 * Reads names and parameters; computes no statistic.
 */
final class RecordSorter {

    /**
     * A run's records, sorted. Times are ns/op per fork and iteration; {@code costs} holds the cost profile's
     * secondary metrics of the matrix's configurations (per fork and iteration, in their own units). Bandwidth probes are keyed
     * {@code method/threads/elements} (e.g. {@code read/all/33554432}), transfer probes {@code transfer/method};
     * {@code probeElements} is the largest bandwidth-probe size.
     */
    record Sorted(Map<MatrixConfig, List<double[]>> matrix, Map<String, List<double[]>> probes, int probeElements,
            long loopbackBytes, Map<Family, List<BenchmarkRecord>> series, List<BenchmarkRecord> foreign,
            List<String> warnings, Map<MatrixConfig, String> conditions, Map<MatrixConfig, RoundForks> rounds,
            Map<MatrixConfig, Map<CostMetric, List<double[]>>> costs) {
        Sorted(Map<MatrixConfig, List<double[]>> matrix, Map<String, List<double[]>> probes, int probeElements,
                long loopbackBytes, Map<Family, List<BenchmarkRecord>> series, List<BenchmarkRecord> foreign,
                List<String> warnings) {
            this(matrix, probes, probeElements, loopbackBytes, series, foreign, warnings, Map.of(), Map.of(), Map.of());
        }
    }

    /** What a configuration measured under, when records of several conditions were pooled into it. */
    static final String MIXED = "mixed";

    /**
     * The conditions a record was measured under: the machine (host, CPU model and cores, memory, from the env.json
     * beside its file; unknown without one), the JDK, and the forks' JVM flags (without JMH's own per-run ones).
     * Figures of different conditions are never divided by one another.
     */
    static String condition(BenchmarkRecord r, Map<String, Map<String, Object>> environments) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> env = r.source() == null ? null : environments.get(r.source());
        if (env != null) {
            b.append("host ").append(env.get("host"));
            if (env.get("cpu") instanceof Map<?, ?> cpu) {
                b.append(", cpu ").append(cpu.get("model")).append(" x ").append(cpu.get("cores"));
            }
            b.append(", memory ").append(env.get("memoryBytes"));
        } else {
            b.append("machine unknown");
        }
        b.append(", jdk ").append(r.jvm().getOrDefault("jdkVersion", "?")).append(' ')
                .append(r.jvm().getOrDefault("vmVersion", ""));
        List<String> flags = r.jvmArgs().stream().filter(a -> !a.startsWith("-XX:CompileCommandFile")
                && !a.startsWith("-Djmh.") && !a.startsWith("-Dparbench.worker")).toList();
        b.append(", flags ").append(String.join(" ", flags));
        return b.toString();
    }

    private RecordSorter() {
    }

    static Sorted sort(RunData data) {
        Map<MatrixConfig, List<double[]>> matrix = new LinkedHashMap<>();
        Map<MatrixConfig, String> conditions = new LinkedHashMap<>();
        Map<MatrixConfig, RoundForks> rounds = new LinkedHashMap<>();
        java.util.Set<MatrixConfig> pooled = new java.util.HashSet<>();
        Map<MatrixConfig, Map<CostMetric, List<double[]>>> costs = new LinkedHashMap<>();
        Map<String, List<double[]>> probes = new LinkedHashMap<>();
        Map<Family, List<BenchmarkRecord>> series = new LinkedHashMap<>();
        List<BenchmarkRecord> foreign = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int probeElements = 0;
        long loopbackBytes = 0;
        for (BenchmarkRecord r : data.records()) {
            Family family = Families.of(r.benchmark()).orElse(null);
            boolean timed = TimeUnits.isTimePerOp(r.primary().unit()) || TimeUnits.isThroughput(r.primary().unit());
            Optional<MatrixConfig> c = family == Families.MODELS && timed ? matrixConfig(r) : Optional.empty();
            if (c.isPresent()) {
                List<double[]> forks = ForkData.nanosPerOp(r);
                if (forks.isEmpty()) {
                    warnings.add(r.shortName() + " " + r.paramLabel() + ": no finite measurements, skipped");
                    continue;
                }
                String condition = condition(r, data.environments());
                String before = conditions.putIfAbsent(c.get(), condition);
                if (before != null && !before.equals(condition)) {
                    conditions.put(c.get(), MIXED);
                    warnings.add(r.shortName() + " " + r.paramLabel() + " appears in files measured under different "
                            + "conditions (machine, JDK or JVM flags): its forks were pooled, and no speedup is "
                            + "computed from it");
                }
                r.secondary().forEach((name, m) -> CostMetric.of(name).ifPresent(k -> costs
                        .computeIfAbsent(c.get(), x -> new java.util.EnumMap<>(CostMetric.class))
                        .computeIfAbsent(k, x -> new ArrayList<>()).addAll(ForkData.finite(m))));
                List<double[]> old = matrix.putIfAbsent(c.get(), new ArrayList<>(forks));
                if (old == null) {
                    RoundForks.of(r).ifPresent(f -> rounds.put(c.get(), f));
                } else { // rounds of two runs do not pair
                    pooled.add(c.get());
                    old.addAll(forks);
                    warnings.add(r.shortName() + " " + r.paramLabel() + " appears in several files: their forks "
                            + "were pooled");
                }
            } else if (family == Families.TRANSFER && timed) {
                probes.computeIfAbsent("transfer/" + r.method(), k -> new ArrayList<>()).addAll(ForkData.nanosPerOp(r));
                if (r.param("megabytes") != null) {
                    loopbackBytes = (long) whole(r, "megabytes", 1 << 20) << 20;
                }
            } else if (family == Families.BANDWIDTH && timed && r.param("threads") != null
                    && r.param("elements") != null) {
                probes.computeIfAbsent(r.method() + "/" + r.param("threads") + "/" + r.param("elements"),
                        k -> new ArrayList<>()).addAll(ForkData.nanosPerOp(r));
                probeElements = Math.max(probeElements, whole(r, "elements", Integer.MAX_VALUE));
            } else if (family != null && family.layout() == Family.Layout.SERIES) {
                series.computeIfAbsent(family, k -> new ArrayList<>()).add(r);
            } else {
                if (!(family == Families.REFERENCE && !r.forkStarted().isEmpty())) { // a run's machine reference:
                    foreign.add(r); // its stability section shows it; else not ours, or without the parameters an
                }                   // analysis needs: shown as is
            }
        }
        int minForks = matrix.values().stream().mapToInt(List::size).min().orElse(0);
        if (minForks == 1) {
            warnings.add("some configurations rest on a single fork: they have a value but no spread at all, and no "
                    + "claim is made from them (use --forks " + ForkIntervals.SETTLE_FORKS + " to draw conclusions)");
        } else if (minForks > 1 && minForks < ForkIntervals.MIN_FORKS) {
            warnings.add("some configurations rest on " + minForks + " forks, fewer than the "
                    + ForkIntervals.MIN_FORKS + " a 95% interval needs: their [low, high] is the range of the forks, "
                    + "and every claim from them is provisional (use --forks " + ForkIntervals.SETTLE_FORKS
                    + " to settle them)");
        }
        java.util.Set<String> distinct = new java.util.TreeSet<>(conditions.values());
        distinct.remove(MIXED);
        if (distinct.size() > 1) {
            warnings.add(0, "these results were measured under " + distinct.size() + " different conditions ("
                    + String.join("; ", distinct) + "): a speedup is computed only where the model and its "
                    + "sequential baseline share their conditions; every other one is left out, not divided");
        }
        rounds.keySet().removeAll(pooled);
        return new Sorted(matrix, probes, probeElements, loopbackBytes, series, foreign, warnings, conditions, rounds,
                costs);
    }

    /** A whole-number parameter of a probe, from 0 to {@code max}; anything else is one line naming file and field. */
    static int whole(BenchmarkRecord r, String param, int max) {
        String v = r.param(param);
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ResultsFormatException(r.source() + ": " + r.benchmark() + " param '" + param + "': '" + v
                + "' is not a whole number from 0 to " + max);
    }

    /** The configuration a model-matrix record measured: {@code sequential} over sizes, {@code parallel} over models. */
    static Optional<MatrixConfig> matrixConfig(BenchmarkRecord r) {
        Optional<WorkloadKind> w = WorkloadKind.ofBenchClass(r.className());
        String size = r.param("size");
        if (w.isEmpty() || size == null) {
            return Optional.empty();
        }
        String kernel = Objects.requireNonNullElse(r.param("kernel"), "");
        try {
            if (r.method().equals(MatrixConfig.SEQUENTIAL)) {
                return Optional.of(new MatrixConfig(w.get(), kernel, MatrixConfig.SEQUENTIAL, 1,
                        Integer.parseInt(size)));
            }
            if (r.method().equals("parallel") && r.param("strategy") != null && r.param("parallelism") != null) {
                return Optional.of(new MatrixConfig(w.get(), kernel, r.param("strategy"),
                        Integer.parseInt(r.param("parallelism")), Integer.parseInt(size)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
