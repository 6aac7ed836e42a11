package dev.parbench.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A {@link Link} over a byte stream (pipes, a Unix domain socket, TCP): each message is an 8-byte header (length,
 * type) and its bytes. Sending is one gathering write of header and payload from direct buffers (one system call
 * for a small message); receiving reads into a 64 KiB direct staging buffer, so that many small messages come in
 * with one read, and a large message's bytes go from the kernel straight into the caller's buffer. Every call is
 * guarded by the {@link Watchdog}: a call blocked longer than the timeout closes the channels and fails.
 */
final class StreamLink implements Link {
    static final int HEADER = 8;
    private static final int STAGE = 64 << 10;

    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final String what;
    private final Supplier<String> peerState;
    private final Runnable onClose;
    private final Watchdog.Guard guard;
    private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER);
    private final ByteBuffer[] pair = new ByteBuffer[2];
    /** Received bytes not yet handed out: between position and limit. */
    private final ByteBuffer stage = ByteBuffer.allocateDirect(STAGE).flip();
    private final int maxMessage;

    /**
     * @param peerState what became of the peer (e.g. "pid 12 exited with code 3"), for error messages
     * @param onClose   run once by {@link #close} after the channels are closed (e.g. stop the peer)
     */
    StreamLink(ReadableByteChannel in, WritableByteChannel out, String what, Duration timeout, int maxMessage,
            Supplier<String> peerState, Runnable onClose) {
        this.in = in;
        this.out = out;
        this.what = what;
        this.maxMessage = maxMessage;
        this.peerState = peerState;
        this.onClose = onClose;
        this.guard = Watchdog.guard(timeout, this::closeChannels);
    }

    @Override
    public void send(int type, ByteBuffer payload) throws IOException {
        int pos = payload.position();
        header.clear();
        header.putInt(payload.remaining()).putInt(type).flip();
        guard.begin();
        try {
            if (out instanceof GatheringByteChannel g) {
                pair[0] = header;
                pair[1] = payload;
                while (payload.hasRemaining()) {
                    g.write(pair);
                }
                while (header.hasRemaining()) {
                    g.write(header);
                }
            } else {
                while (header.hasRemaining()) {
                    out.write(header);
                }
                while (payload.hasRemaining()) {
                    out.write(payload);
                }
            }
        } catch (IOException e) {
            throw failure("send", e);
        } finally {
            guard.end();
            payload.position(pos);
        }
    }

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        guard.begin();
        try {
            fill(HEADER);
            int length = stage.getInt();
            int type = stage.getInt();
            if (length < 0 || length > maxMessage || length > dst.capacity()) {
                throw new ChannelException(describe() + ": a " + Messages.typeName(type) + " message of " + length
                        + " bytes does not fit (at most " + Math.min(maxMessage, dst.capacity()) + ")");
            }
            dst.clear().limit(length);
            int staged = Math.min(stage.remaining(), length);
            if (staged > 0) {
                int lim = stage.limit();
                stage.limit(stage.position() + staged);
                dst.put(stage);
                stage.limit(lim);
            }
            if (dst.hasRemaining() && dst.remaining() < STAGE / 2) {
                fill(dst.remaining()); // a small rest: through the stage, with whatever follows it
                int lim = stage.limit();
                stage.limit(stage.position() + dst.remaining());
                dst.put(stage);
                stage.limit(lim);
            }
            while (dst.hasRemaining()) { // a large rest: straight into dst
                if (in.read(dst) < 0) {
                    throw eof();
                }
            }
            dst.flip();
            return type;
        } catch (ChannelException e) {
            throw e;
        } catch (IOException e) {
            throw failure("receive", e);
        } finally {
            guard.end();
        }
    }

    /** Makes at least {@code n} bytes available in the stage. */
    private void fill(int n) throws IOException {
        if (stage.remaining() >= n) {
            return;
        }
        stage.compact();
        try {
            while (stage.position() < n) {
                if (in.read(stage) < 0) {
                    throw eof();
                }
            }
        } finally {
            stage.flip();
        }
    }

    private ChannelException eof() {
        return new ChannelException(describe() + ": the peer closed the channel (" + peerState.get() + ")");
    }

    private ChannelException failure(String op, IOException e) {
        if (e instanceof ChannelException c) {
            return c;
        }
        if (guard.stalled()) {
            return new ChannelException(describe() + ": " + op + " made no progress for " + guard.timeoutMillis()
                    + " ms; the peer stalled (" + peerState.get() + ")", e);
        }
        if (e instanceof ClosedChannelException) {
            return new ChannelException(describe() + ": " + op + " on a closed link (" + peerState.get() + ")", e);
        }
        return new ChannelException(describe() + ": " + op + " failed: " + e.getMessage() + " ("
                + peerState.get() + ")", e);
    }

    /** Changes the deadline of the following calls. */
    void timeout(Duration t) {
        guard.timeout(t);
    }

    @Override
    public String describe() {
        return what;
    }

    private void closeChannels() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        guard.forget();
        closeChannels();
        onClose.run();
    }
}
