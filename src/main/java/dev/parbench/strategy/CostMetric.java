package dev.parbench.strategy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The per-operation costs a model run records beside its time (JMH secondary metrics written by
 * {@code bench/CostProfiler} from {@link CostCounters}, read by the analysis): one name each, so that writer and
 * reader cannot drift apart.
 */
public enum CostMetric {
    /** Bytes moved between this JVM and other processes per operation, counted at this end (frames, mapping copies). */
    WIRE_BYTES("cost.wire.bytes", "B/op"),
    /** Child JVMs launched per operation. */
    JVMS("cost.jvms", "JVMs/op"),
    /** Platform threads this JVM started per operation (the JVM's thread bean does not count virtual threads). */
    THREADS("cost.threads", "threads/op"),
    /** Bytes this JVM allocated per operation (ended threads included; child JVMs not). */
    ALLOC_BYTES("cost.alloc.bytes", "B/op"),
    /** Links (pipe pairs, connections) an operation used. */
    LINKS("cost.links", "links/op"),
    /** Per link and operation, nanoseconds spent moving data (writing, reading frames; copying via a mapping). */
    TRANSFER_TIME("cost.transfer.time", "ns/op"),
    /** {@link #TRANSFER_TIME} over the time of an operation: the share of a link's time spent moving data. */
    TRANSFER_SHARE("cost.transfer.share", "fraction");

    private final String label;
    private final String unit;

    CostMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The secondary metric's name in JMH's results. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The metric of a secondary name, or empty. */
    public static Optional<CostMetric> of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }
}
