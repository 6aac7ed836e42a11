package dev.parbench.workload;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The workloads parbench knows. The id is the JMH {@code @Param}-free name used by the CLI, the reports and the charts. */
public enum WorkloadKind {
    /** Sum of a {@code long[]}: memory-bound, one read stream. */
    SUM("sum", 8),
    /** {@code c[i] = a[i] + b[i]} over {@code double[]}: memory-bound, two reads and one write. */
    VECTOR_ADD("vector-add", 24),
    /** Monte Carlo estimate of pi (hits inside the unit circle): compute-bound, nothing but a seed travels. */
    RANDOM("random", 0);

    private final String id;
    private final int bytesPerElement;

    WorkloadKind(String id, int bytesPerElement) {
        this.id = id;
        this.bytesPerElement = bytesPerElement;
    }

    public String id() {
        return id;
    }

    /** Bytes a kernel must move per element (STREAM counting, no write-allocate); 0 for compute-bound work. */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** A new workload of this kind using the given kernel ({@link #RANDOM} has only the scalar one). */
    public Workload<?> create(Kernel kernel) {
        return switch (this) {
            case SUM -> new Sum(kernel);
            case VECTOR_ADD -> new VectorAdd(kernel);
            case RANDOM -> new MonteCarlo();
        };
    }

    public static WorkloadKind fromId(String id) {
        for (WorkloadKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(WorkloadKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
