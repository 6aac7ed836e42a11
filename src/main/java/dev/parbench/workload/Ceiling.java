package dev.parbench.workload;

/**
 * Which of the machine's own bandwidth probes bounds a workload ({@code BandwidthProbe}'s benchmark methods), or
 * none for compute-bound work. A memory-bound workload's GB/s is read against the probe that moves bytes the same
 * way: one read stream ({@link #READ}), or two reads and a write ({@link #ADD}).
 */
public enum Ceiling {
    /** Reading one array (the probe's {@code read}): 8 bytes per element. */
    READ("read", 8, "read (sum of longs)"),
    /** {@code c = a + b} (the probe's {@code add}): 24 bytes per element, STREAM counting. */
    ADD("add", 24, "add (c = a + b)"),
    /** Compute-bound: no bandwidth ceiling applies. */
    NONE("", 0, "none");

    private final String probeMethod;
    private final int probeBytesPerElement;
    private final String label;

    Ceiling(String probeMethod, int probeBytesPerElement, String label) {
        this.probeMethod = probeMethod;
        this.probeBytesPerElement = probeBytesPerElement;
        this.label = label;
    }

    /** How reports name the probe, e.g. {@code read (sum of longs)}. */
    public String label() {
        return label;
    }

    /** The {@code BandwidthProbe} method that measures this ceiling ("" for {@link #NONE}). */
    public String probeMethod() {
        return probeMethod;
    }

    /** Bytes the probe moves per element of its arrays. */
    public int probeBytesPerElement() {
        return probeBytesPerElement;
    }

    /** The ceiling a probe method measures, or {@link #NONE}. */
    public static Ceiling ofProbeMethod(String method) {
        for (Ceiling c : values()) {
            if (c != NONE && c.probeMethod.equals(method)) {
                return c;
            }
        }
        return NONE;
    }
}
