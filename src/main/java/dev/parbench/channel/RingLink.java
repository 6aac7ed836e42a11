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

    /**
     * How a receiver with nothing to read sleeps without a timer, and how a sender wakes it, across processes: the
     * receiver spins a little, then sets its flag in the shared file, looks at the ring once more, and blocks reading
     * a pipe from the sender; a sender that finds the flag set after writing a record clears it and writes one byte
     * to that pipe. The flag's compare-and-set and a full fence between the sender's record and its look at the
     * flag make sure a record is never written while its receiver goes to sleep unwoken. (Polling with timed parks
     * instead costs a sleeping receiver a timer tick and a scheduling delay per message: on a loaded machine that
     * made a shared-memory round trip 20x slower than a pipe's.)
     *
     * @param flags     the flag words
     * @param mine      offset of the flag this side sets when it sleeps
     * @param peers     offset of the flag the peer sets when it sleeps
     * @param wakeMe    the pipe this side sleeps on (the peer writes to it)
     * @param wakePeer  the pipe the peer sleeps on
     */
    record Doorbell(org.agrona.concurrent.AtomicBuffer flags, int mine, int peers,
            java.nio.channels.ReadableByteChannel wakeMe, java.nio.channels.WritableByteChannel wakePeer) {
    }

    /**
     * Rounds a waiting side spins (with onSpinWait) before it sleeps on its doorbell: none on a machine of 2 cores
     * or fewer (a spinning waiter there holds the core its peer needs: measured under load, 100 rounds made an 8-byte
     * round trip 6x slower and 2,000 rounds 60x), else 200; {@code -Dparbench.ring.spins} overrides.
     */
    static final int SPINS = Integer.getInteger("parbench.ring.spins",
            Runtime.getRuntime().availableProcessors() <= 2 ? 0 : 200);

    private final Doorbell bell;
    private final Watchdog.Guard bellGuard;
    private final ByteBuffer ding = ByteBuffer.allocateDirect(1);
    private final ByteBuffer dings = ByteBuffer.allocateDirect(64);

    RingLink(OneToOneRingBuffer out, OneToOneRingBuffer in, String what, Duration timeout, BooleanSupplier peerAlive,
            Supplier<String> peerState, Runnable onClose) {
        this(out, in, null, what, timeout, peerAlive, peerState, onClose);
    }

    /** {@code bell} null: sleep by timed parks (two threads of one JVM, tests). */
    RingLink(OneToOneRingBuffer out, OneToOneRingBuffer in, Doorbell bell, String what, Duration timeout,
            BooleanSupplier peerAlive, Supplier<String> peerState, Runnable onClose) {
        this.bell = bell;
        this.bellGuard = bell == null ? null : Watchdog.guard(timeout, () -> {
            try {
                bell.wakeMe().close();
            } catch (IOException ignored) {
                // closed anyway
            }
        });
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
            int idleRounds = 0;
            while (!out.write(t, source, pos + off, chunk)) {
                if (closed) {
                    throw new ChannelException(describe() + ": send on a closed link");
                }
                long now = System.nanoTime();
                if (now - lastLiveness > LIVENESS_NANOS) {
                    lastLiveness = now;
                    check("send", now - start);
                }
                if (bell == null) {
                    sendIdle.idle();
                } else if (idleRounds++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    // the ring is full: sleep until the peer has taken records (it rings after taking)
                    bell.flags().compareAndSetInt(bell.mine(), 0, 1);
                    if (out.write(t, source, pos + off, chunk)) {
                        bell.flags().compareAndSetInt(bell.mine(), 1, 0);
                        break;
                    }
                    sleepOnBell("send");
                }
            }
            off += chunk;
            wakePeer();
        } while (off < length);
    }

    /** After a record: if the peer sleeps on this ring, wake it (once per sleep). */
    private void wakePeer() throws ChannelException {
        if (bell == null) {
            return;
        }
        java.lang.invoke.VarHandle.fullFence(); // the record's tail store before the flag's load
        if (bell.flags().getIntVolatile(bell.peers()) == 1 && bell.flags().compareAndSetInt(bell.peers(), 1, 0)) {
            ding.clear();
            try {
                while (ding.hasRemaining()) {
                    bell.wakePeer().write(ding);
                }
            } catch (IOException e) {
                throw new ChannelException(describe() + ": waking the peer failed: " + e.getMessage() + " ("
                        + peerState.get() + ")", e);
            }
        }
    }

    /** Nothing to read: spin a while, then sleep on the doorbell (bounded by the timeout); false: no bell. */
    private boolean sleep(int idleRounds) throws ChannelException {
        if (bell == null) {
            return false;
        }
        if (idleRounds < SPINS) {
            Thread.onSpinWait();
            return true;
        }
        org.agrona.concurrent.AtomicBuffer f = bell.flags();
        f.compareAndSetInt(bell.mine(), 0, 1);
        if (in.size() > 0) { // a record came after all: do not sleep
            f.compareAndSetInt(bell.mine(), 1, 0);
            return true;
        }
        sleepOnBell("receive");
        return true;
    }

    /** Blocks until the peer rings (or the timeout closes the bell), then clears this side's flag. */
    private void sleepOnBell(String op) throws ChannelException {
        bellGuard.begin();
        try {
            dings.clear();
            if (bell.wakeMe().read(dings) < 0) {
                throw new ChannelException(describe() + ": " + op + ": the peer is gone (" + peerState.get() + ")");
            }
        } catch (ChannelException e) {
            throw e;
        } catch (IOException e) {
            if (bellGuard.stalled()) {
                throw new ChannelException(describe() + ": " + op + " made no progress for "
                        + bellGuard.timeoutMillis() + " ms; the peer stalled (" + peerState.get() + ")", e);
            }
            throw new ChannelException(describe() + ": " + op + ": " + e.getMessage() + " (" + peerState.get()
                    + ")", e);
        } finally {
            bellGuard.end();
        }
        bell.flags().compareAndSetInt(bell.mine(), 1, 0);
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
        int idleRounds = 0;
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
                if (!sleep(idleRounds++)) {
                    receiveIdle.idle();
                }
            } else {
                receiveIdle.reset();
                idleRounds = 0;
                if (in.size() <= in.capacity() / 2) {
                    wakePeer(); // half the ring is free: a sender waiting for room may go on (not per record)
                }
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
        if (bellGuard != null) {
            bellGuard.forget();
        }
        onClose.run();
    }
}
