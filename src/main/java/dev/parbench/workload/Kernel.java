package dev.parbench.workload;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the inner loop of a memory-bound workload is written. docs/METHOD.md: a slow kernel turns a memory-bound job
 * into a compute-bound one and flatters every parallel model, so the kernel is a benchmark dimension.
 */
public enum Kernel {
    /** A plain indexed Java loop: what people write; C2 may or may not vectorise it. */
    SCALAR("scalar"),
    /** The incubating Vector API ({@code jdk.incubator.vector}, preferred species): needs {@code --add-modules jdk.incubator.vector}. */
    SIMD("simd");

    private final String id;

    Kernel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Kernel fromId(String id) {
        for (Kernel k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + id + "'; known: "
                + Arrays.stream(values()).map(Kernel::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
