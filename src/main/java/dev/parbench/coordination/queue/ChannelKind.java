package dev.parbench.coordination.queue;

import dev.parbench.coordination.Identified;

/** The producer-consumer variants: the {@code variant} parameter of QueueBench. */
public enum ChannelKind implements Identified {
    ARRAY_BLOCKING("array-blocking", true),
    LINKED_BLOCKING("linked-blocking", true),
    LINKED_TRANSFER("linked-transfer", false),
    SYNCHRONOUS("synchronous", true),
    CONCURRENT_LINKED("concurrent-linked", false),
    MONITOR("monitor", true);

    private final String id;
    private final boolean bounded;

    ChannelKind(String id, boolean bounded) {
        this.id = id;
        this.bounded = bounded;
    }

    @Override
    public String id() {
        return id;
    }

    /** False where producers never wait (the queue grows instead). */
    public boolean bounded() {
        return bounded;
    }

    /** A new empty channel; {@code capacity} applies to the bounded buffers ({@code synchronous} has none). */
    public <T> Channel<T> create(int capacity) {
        return switch (this) {
            case ARRAY_BLOCKING -> BlockingQueueChannel.arrayBlocking(capacity);
            case LINKED_BLOCKING -> BlockingQueueChannel.linkedBlocking(capacity);
            case LINKED_TRANSFER -> BlockingQueueChannel.linkedTransfer();
            case SYNCHRONOUS -> BlockingQueueChannel.synchronous();
            case CONCURRENT_LINKED -> new ParkingChannel<>();
            case MONITOR -> new MonitorBuffer<>(capacity);
        };
    }

    public static ChannelKind fromId(String id) {
        return Identified.parse(ChannelKind.class, id, "queue variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
