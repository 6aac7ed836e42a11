package dev.parbench.messaging;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations of the {@code collectives} family, by the id users type; one class each. */
public enum CollectiveKind {
    SEND_RECV("send-recv", new SendRecv(), 1),
    BROADCAST_LINEAR("broadcast-linear", new BroadcastLinear(), 1),
    BROADCAST_BINOMIAL("broadcast-binomial", new BroadcastBinomial(), 1),
    SCATTER("scatter", new Scatter(), 1),
    GATHER("gather", new Gather(), 1),
    /** At least one long per workload: the workload partials. */
    REDUCE("reduce", new Reduce(), Partials.WORKLOADS.size()),
    ALLREDUCE("allreduce", new Allreduce(), Partials.WORKLOADS.size()),
    BARRIER("barrier", new Barrier(), 1),
    EXCHANGE_NAIVE("exchange-naive", new ExchangeNaive(), 1),
    EXCHANGE_ORDERED("exchange-ordered", new ExchangeOrdered(), 1),
    EXCHANGE_SENDRECV("exchange-sendrecv", new ExchangeSendRecv(), 1);

    private final String id;
    private final Collective collective;
    private final int minCount;

    CollectiveKind(String id, Collective collective, int minCount) {
        this.id = id;
        this.collective = collective;
        this.minCount = minCount;
    }

    public String id() {
        return id;
    }

    public Collective collective() {
        return collective;
    }

    /** Longs per message for a message of {@code bytes} bytes: bytes / 8, at least {@link #minCount}. */
    public int count(int bytes) {
        return Math.max(minCount, bytes / 8);
    }

    /** True for the exchange whose deadline is reported as DEADLOCK rather than as a failure. */
    public boolean mayDeadlock() {
        return this == EXCHANGE_NAIVE;
    }

    public static CollectiveKind fromId(String id) {
        for (CollectiveKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown collective '" + id + "'; known: " + ids());
    }

    static CollectiveKind ofCode(long code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("unknown collective code " + code);
        }
        return values()[(int) code];
    }

    public static String ids() {
        return Arrays.stream(values()).map(CollectiveKind::id).collect(Collectors.joining(", "));
    }
}
