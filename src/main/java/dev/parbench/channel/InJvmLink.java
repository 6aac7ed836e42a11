package dev.parbench.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The in-JVM reference: a {@link Link} between two threads of this JVM. A message is copied into a pooled direct
 * buffer, handed over through an {@link ArrayBlockingQueue} (the receiver is woken as any blocked thread is), and
 * copied out by the receiver, which gives the buffer back: two copies, as every other channel makes (into the
 * kernel or the ring, and out). Waits are bounded by the timeout, in slices that notice a closed or failed peer.
 *
 * <p>Memory consistency: the queue's put happens-before its take, so the receiver sees the bytes the sender copied.
 */
final class InJvmLink implements Link {
    private static final int DEPTH = 256;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** One direction: full buffers on their way, and the empty ones coming back. */
    private static final class Lane {
        final BlockingQueue<Slot> full = new ArrayBlockingQueue<>(DEPTH);
        final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(DEPTH);
        int allocated; // sender's thread only
    }

    private static final class Slot {
        ByteBuffer buf = ByteBuffer.allocateDirect(64);
        int type;
    }

    /** Shared by both ends: why the pair was closed, once it was. */
    private static final class Shared {
        volatile String closedBecause;
    }

    private final Lane out;
    private final Lane in;
    private final Shared shared;
    private final String what;
    private final long timeoutNanos;

    private InJvmLink(Lane out, Lane in, Shared shared, String what, Duration timeout) {
        this.out = out;
        this.in = in;
        this.shared = shared;
        this.what = what;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Two connected ends: [0] for one thread, [1] for the other. */
    static InJvmLink[] pair(String what, Duration timeout) {
        Lane a = new Lane();
        Lane b = new Lane();
        Shared s = new Shared();
        return new InJvmLink[] {new InJvmLink(a, b, s, what, timeout), new InJvmLink(b, a, s, what + " (peer)",
                timeout)};
    }

    @Override
    public void send(int type, ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        Slot slot = out.free.poll();
        if (slot == null) {
            if (out.allocated < DEPTH) {
                slot = new Slot();
                out.allocated++;
            } else {
                slot = await(out.free, "send");
            }
        }
        if (slot.buf.capacity() < length) {
            slot.buf = ByteBuffer.allocateDirect(length);
        }
        slot.buf.clear().put(0, payload, payload.position(), length).limit(length);
        slot.type = type;
        long start = System.nanoTime();
        try {
            while (!out.full.offer(slot, SLICE_NANOS, TimeUnit.NANOSECONDS)) {
                checkOpen("send", start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(describe() + ": send interrupted");
        }
    }

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        Slot slot = in.full.poll();
        if (slot == null) {
            slot = await(in.full, "receive");
        }
        int length = slot.buf.limit();
        if (length > dst.capacity()) {
            throw new ChannelException(describe() + ": a message of " + length + " bytes does not fit in "
                    + dst.capacity());
        }
        dst.clear().put(0, slot.buf, 0, length).limit(length);
        int type = slot.type;
        in.free.offer(slot); // never full: at most DEPTH slots exist per lane
        return type;
    }

    private Slot await(BlockingQueue<Slot> q, String op) throws ChannelException {
        long start = System.nanoTime();
        try {
            while (true) {
                Slot s = q.poll(SLICE_NANOS, TimeUnit.NANOSECONDS);
                if (s != null) {
                    return s;
                }
                checkOpen(op, start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(describe() + ": " + op + " interrupted");
        }
    }

    private void checkOpen(String op, long start) throws ChannelException {
        String why = shared.closedBecause;
        if (why != null) {
            throw new ChannelException(describe() + ": " + op + ": the link was closed (" + why + ")");
        }
        if (System.nanoTime() - start > timeoutNanos) {
            throw new ChannelException(describe() + ": " + op + " made no progress for " + timeoutNanos / 1_000_000
                    + " ms; the peer thread stalled");
        }
    }

    /** Closes both ends, saying why (the other end's next wait fails with it). */
    void closeBecause(String why) {
        if (shared.closedBecause == null) {
            shared.closedBecause = why;
        }
    }

    @Override
    public String describe() {
        return what;
    }

    @Override
    public void close() {
        closeBecause(what + " closed");
    }
}
