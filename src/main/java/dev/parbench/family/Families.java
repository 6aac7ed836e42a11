package dev.parbench.family;

import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every family of the suite, each declared once. Adding a family is one constant here (plus its JMH classes); the
 * run command's {@code --patterns}, the analysis and the report pick it up from this list.
 */
public final class Families {
    /** Package of the JMH shells. */
    public static final String BENCH_PACKAGE = WorkloadKind.BENCH_PACKAGE;

    /** The model matrix: every workload (its shell is named by its {@link WorkloadKind}) under every model. */
    public static final Family MODELS = new Family("models", "Workloads under every concurrency model",
            "Which concurrency model should I use for this work, and from what size on does it pay?",
            Family.Layout.MODEL_MATRIX, Arrays.stream(WorkloadKind.values()).map(WorkloadKind::benchClass).toList(),
            "size", "size (elements)", "strategy", "parallelism", Map.of(), Map.of());

    /** Memory bandwidth, STREAM-like: the ceiling of the memory-bound workloads. */
    public static final Family BANDWIDTH = new Family("bandwidth-probe", "Machine ceilings: memory bandwidth",
            "How fast can this machine's memory deliver bytes, on one core and on all?", Family.Layout.PROBE,
            List.of("BandwidthProbe"), "elements", "array size (elements)", "threads", null, Map.of(), Map.of());

    /** What moving data between JVMs and starting one costs: the ceiling of the out-of-process models. */
    public static final Family TRANSFER = new Family("transfer-probe", "Machine ceilings: transfer and JVM start",
            "How fast can one connection carry bytes, and what does starting a worker JVM cost?", Family.Layout.PROBE,
            List.of("TransferProbe"), "megabytes", "bytes per operation (MiB)", null, null, Map.of(), Map.of());

    /** The regression gate's reference work (a fixed LCG). */
    public static final Family REFERENCE = new Family("reference", "Gate reference",
            "Did the machine change speed during a comparison?", Family.Layout.REFERENCE, List.of("ReferenceBench"),
            null, null, null, null, Map.of(), Map.of());

    private static final List<Family> ALL = List.of(MODELS, BANDWIDTH, TRANSFER, REFERENCE);

    private Families() {
    }

    public static List<Family> all() {
        return ALL;
    }

    /** The family that owns a JMH benchmark name, if any (foreign benchmarks have none). */
    public static Optional<Family> of(String benchmark) {
        return ALL.stream().filter(f -> f.owns(benchmark)).findFirst();
    }

    /**
     * The families a user may select with {@code --patterns}: the model matrix ({@code models}, which brings its
     * probes along) and every SERIES family.
     */
    public static List<Family> patterns() {
        return ALL.stream().filter(f -> f == MODELS || f.layout() == Family.Layout.SERIES).toList();
    }

    public static Family patternFromId(String id) {
        return patterns().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pattern '" + id + "'; known: "
                        + patternIds() + ", or all"));
    }

    public static String patternIds() {
        return patterns().stream().map(Family::id).collect(Collectors.joining(", "));
    }
}
