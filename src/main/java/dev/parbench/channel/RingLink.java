package dev.parbench.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * A {@link Link} over two Agrona {@link OneToOneRingBuffer}s, one per direction (in a shared memory file between two
 * JVMs, see {@link SharedRing}). A message longer than the ring's largest record ({@code capacity / 8}) is sent as
 * several records, all but the last with {@link #PART} set in their type, and put back together by the receiver.
 * Waiting for room or for a record backs off (spin, yield, then park up to 100 us: on a shared machine a pure spin
 * would take a core from the peer). Every wait is bounded by the timeout, and every 10 ms it asks whether the peer
 * is still alive: a dead peer fails the call at once.
 */
final class RingLink implements Link {
    /** Set in the type of every record of a message but its last. */
    static final int PART = 0x100;
    private static final long LIVENESS_NANOS = 10_000_000L;

    private final OneToOneRingBuffer out;
    private final OneToOneRingBuffer in;
    private final String what;
    private volatile long timeoutNanos;
    private final BooleanSupplier peerAlive;
    private final Supplier<String> peerState;
    private final Runnable onClose;
    private final IdleStrategy sendIdle = new BackoffIdleStrategy(64, 16, 1_000, 100_000);
    private final IdleStrategy receiveIdle = new BackoffIdleStrategy(64, 16, 1_000, 100_000);
    private final UnsafeBuffer source = new UnsafeBuffer(0, 0);
    private final ControlledMessageHandler handler = this::onRecord;

    // receive state, touched by the receiving thread only
    private ByteBuffer target;
    private int received;
    private int messageType;
    private String receiveError;
    private volatile boolean closed;

    RingLink(OneToOneRingBuffer out, OneToOneRingBuffer in, String what, Duration timeout, BooleanSupplier peerAlive,
            Supplier<String> peerState, Runnable onClose) {
        this.out = out;
        this.in = in;
        this.what = what;
        this.timeoutNanos = timeout.toNanos();
        this.peerAlive = peerAlive;
        this.peerState = peerState;
        this.onClose = onClose;
    }

    /** Changes the deadline of the following calls. */
    void timeout(Duration t) {
        timeoutNanos = t.toNanos();
    }

    /** The largest record a ring takes; longer messages are chunked. */
    int maxRecord() {
        return out.maxMsgLength();
    }

    @Override
    public void send(int type, ByteBuffer payload) throws IOException {
        int pos = payload.position();
        int length = payload.remaining();
        source.wrap(payload);
        int max = out.maxMsgLength();
        long start = System.nanoTime();
        long lastLiveness = start;
        int off = 0;
        do {
            int chunk = Math.min(max, length - off);
            int t = off + chunk < length ? type | PART : type;
            sendIdle.reset();
            while (!out.write(t, source, pos + off, chunk)) {
                if (closed) {
                    throw new ChannelException(describe() + ": send on a closed link");
                }
                long now = System.nanoTime();
                if (now - lastLiveness > LIVENESS_NANOS) {
                    lastLiveness = now;
                    check("send", now - start);
                }
                sendIdle.idle();
            }
            off += chunk;
        } while (off < length);
    }

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        dst.clear();
        target = dst;
        received = 0;
        messageType = 0;
        receiveError = null;
        long start = System.nanoTime();
        long lastLiveness = start;
        receiveIdle.reset();
        while (messageType == 0) {
            int n = in.controlledRead(handler);
            if (receiveError != null) {
                throw new ChannelException(describe() + ": " + receiveError);
            }
            if (n == 0 && messageType == 0) {
                if (closed) {
                    throw new ChannelException(describe() + ": receive on a closed link");
                }
                long now = System.nanoTime();
                if (now - lastLiveness > LIVENESS_NANOS) {
                    lastLiveness = now;
                    check("receive", now - start);
                }
                receiveIdle.idle();
            } else {
                receiveIdle.reset();
            }
        }
        target = null;
        dst.limit(received);
        dst.position(0);
        return messageType;
    }

    private ControlledMessageHandler.Action onRecord(int type, MutableDirectBuffer buffer, int index, int length) {
        if (received + length > target.capacity()) {
            receiveError = "a message of more than " + target.capacity() + " bytes does not fit";
            return ControlledMessageHandler.Action.BREAK;
        }
        buffer.getBytes(index, target, received, length);
        received += length;
        if ((type & PART) != 0) {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        messageType = type;
        return ControlledMessageHandler.Action.BREAK;
    }

    private void check(String op, long waitedNanos) throws ChannelException {
        if (!peerAlive.getAsBoolean()) {
            throw new ChannelException(describe() + ": " + op + ": the peer is gone (" + peerState.get() + ")");
        }
        if (waitedNanos > timeoutNanos) {
            throw new ChannelException(describe() + ": " + op + " made no progress for " + timeoutNanos / 1_000_000
                    + " ms; the peer stalled (" + peerState.get() + ")");
        }
    }

    @Override
    public String describe() {
        return what;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
    }
}
