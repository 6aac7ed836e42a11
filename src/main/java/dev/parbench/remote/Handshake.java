package dev.parbench.remote;

import dev.parbench.strategy.CostCounters;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The handshake of a worker connection, both sides, before any work frame. Nothing in it is sized by the peer: each
 * side reads with a codec that accepts only the handshake's frame types, at most a few hundred bytes each.
 *
 * <p>Worker ({@link #challenge}): a CHALLENGE with a fresh 32-byte nonce, then one AUTH read with
 * {@link FrameCodec#preAuth()}; the peer has proved it holds the token if the AUTH carries HMAC-SHA256(token,
 * nonce). Only then does the worker decide whether to serve it ({@link #ready}) or not ({@link #refuse}). A worker
 * without a token (a {@code --stdio} worker, reached only through its own pipes) says READY at once.
 *
 * <p>Master ({@link #master}): reads with {@link FrameCodec#handshake()} until READY, answers at most one CHALLENGE,
 * and fails on an ERROR. After READY the master answers no CHALLENGE at all (its work codec treats one as a protocol
 * error), so nobody can use a master to sign nonces once its own handshake is over.
 */
final class Handshake {
    private Handshake() {
    }

    /** How a master writes its AUTH (under its link's write lock). */
    @FunctionalInterface
    interface FrameWriter {
        void write(Frame f) throws IOException;
    }

    /**
     * The worker's ERROR when a handshake fails; its cause says why. Kept apart from broken connections so that a
     * master retries a handshake cut short, never a refused token.
     */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Worker side: sends CHALLENGE and reads one AUTH. Returns null if the peer proved it holds {@code token};
     * otherwise why not, after writing ERROR "authentication failed" (best effort).
     */
    static String challenge(byte[] token, ReadableByteChannel in, WritableByteChannel out) throws IOException {
        byte[] nonce = Tokens.nonce();
        new FrameCodec(WireLimits.handshake()).write(new Frame.Challenge(nonce), out);
        Frame f;
        String why;
        try {
            f = FrameCodec.preAuth().read(in); // AUTH only, tiny: nothing sized by the peer is allocated
            why = f == null ? "closed the connection" : "sent a wrong MAC";
        } catch (WireException e) {
            f = null;
            why = e.getMessage();
        }
        if (f instanceof Frame.Auth a && Tokens.verify(token, nonce, a.mac())) {
            return null;
        }
        try {
            refuse(out, "authentication failed");
        } catch (IOException ignored) {
            // the peer is gone; the caller logs why it failed
        }
        return why;
    }

    /** Worker side: the peer may send work frames from now on. */
    static void ready(WritableByteChannel out) throws IOException {
        new FrameCodec(WireLimits.handshake()).write(new Frame.Ready(), out);
    }

    /** Worker side: one short ERROR; the caller then closes the connection. */
    static void refuse(WritableByteChannel out, String message) throws IOException {
        new FrameCodec(WireLimits.handshake()).write(new Frame.Error(0, message), out);
    }

    /**
     * Master side: returns once the worker has said READY, answering its CHALLENGE (at most one) with
     * HMAC-SHA256({@code token}, nonce) through {@code write}. Fails with {@link Refused} on the worker's ERROR or
     * when the worker wants a token and {@code token} is null, and with a plain {@link IOException} on anything
     * else: a closed connection, a frame of another type or larger than {@link WireLimits#HANDSHAKE_MAX_FRAME_BYTES},
     * a second CHALLENGE.
     */
    static void master(byte[] token, ReadableByteChannel in, FrameWriter write, String name) throws IOException {
        FrameCodec codec = FrameCodec.handshake();
        codec.stampHeaders();
        boolean answered = false;
        while (true) {
            Frame f;
            try {
                f = codec.read(in);
            } catch (WireException e) {
                throw new IOException(name + ": bad handshake frame (" + e.getMessage() + ")", e);
            }
            if (f != null) {
                CostCounters.moved(codec.lastFrameBytes(), System.nanoTime() - codec.lastHeaderNanos());
            }
            switch (f) {
                case null -> throw new IOException(name + " closed the connection before READY");
                case Frame.Ready r -> {
                    return;
                }
                case Frame.Error e -> throw new Refused(name + ": " + e.message());
                case Frame.Challenge c -> {
                    if (token == null) {
                        throw new Refused(name + " requires a token (-Dparbench.tokenFile=FILE)");
                    }
                    if (answered) {
                        throw new IOException(name + " sent a second CHALLENGE");
                    }
                    answered = true;
                    write.write(new Frame.Auth(Tokens.mac(token, c.nonce())));
                }
                default -> throw new IOException(name + " sent an unexpected " + f.type() + " frame before READY");
            }
        }
    }
}
