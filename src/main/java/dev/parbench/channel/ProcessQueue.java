package dev.parbench.channel;

import java.io.IOException;

/**
 * A bounded queue between two processes: this JVM produces, a child JVM (or, for {@code in-jvm}, a thread)
 * consumes, over one channel. {@link #put} blocks (bounded) while {@link #CAPACITY} items are unconsumed: the
 * consumer acknowledges every {@link #ACK_EVERY} items it has taken and checked. Every item carries its sequence
 * number ({@link Messages}); the consumer fails loudly on a gap, a duplicate or a reordering, and {@link #close}
 * checks that it took exactly as many items as were put.
 */
public final class ProcessQueue implements AutoCloseable {
    /** Items the queue holds (put but not yet acknowledged). */
    public static final int CAPACITY = 64;
    /** The consumer acknowledges every this many items. */
    public static final int ACK_EVERY = 16;

    private final Session session;

    public ProcessQueue(ChannelKind kind, int itemBytes) throws IOException {
        this.session = Session.open(new Session.Options(kind, Peer.Role.SINK, itemBytes, ACK_EVERY));
    }

    /** Puts one item (the next sequence number), waiting while the queue is full. */
    public void put() throws IOException {
        session.stream(CAPACITY);
    }

    public long produced() {
        return session.sent();
    }

    /** Checks that the consumer took every item exactly once, in order; returns the count. */
    public long drainAndCheck() throws IOException {
        return session.finish();
    }

    /** Stops the consumer (its JVM is gone when this returns). */
    @Override
    public void close() {
        session.close();
    }
}
