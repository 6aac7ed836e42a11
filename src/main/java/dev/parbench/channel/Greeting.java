package dev.parbench.channel;

import dev.parbench.remote.AuthDeadline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Accepts the child of a socket channel session: the one connection whose first bytes are the HELLO message holding
 * the session's nonce (which only the child has: it came on the child's stdin). Each accepted connection gets the
 * auth deadline ({@link AuthDeadline}, cut to what is left of the start deadline) to send exactly those 24 bytes,
 * read into a fixed buffer; a connection that sends anything else, closes, or stays silent is dropped and the
 * listener goes on accepting until the start deadline. Nothing is read past the HELLO: the accepted channel is
 * handed over just after it.
 */
final class Greeting {
    /** The HELLO message on a stream: length 16, type HELLO, the nonce ({@link StreamLink}'s framing). */
    static final int BYTES = StreamLink.HEADER + 16;

    private Greeting() {
    }

    /**
     * Accepts connections on {@code server} until one greets with {@code nonce}; fails (one line) when
     * {@code startDeadline} passes or the child is no longer {@code alive}.
     */
    static SocketChannel accept(ServerSocketChannel server, byte[] nonce, String kind, Duration startDeadline,
            BooleanSupplier alive, Supplier<String> childState) throws IOException {
        server.configureBlocking(false);
        long end = System.nanoTime() + startDeadline.toNanos();
        int dropped = 0;
        while (true) {
            SocketChannel sc = server.accept();
            if (sc != null) {
                if (greets(sc, nonce, Math.min(end, System.nanoTime() + AuthDeadline.within(end - System.nanoTime())
                        .toNanos()))) {
                    sc.configureBlocking(true);
                    return sc;
                }
                sc.close();
                dropped++;
                continue;
            }
            if (!alive.getAsBoolean()) {
                throw new ChannelException(kind + ": the child exited before connecting (" + childState.get() + ")");
            }
            if (System.nanoTime() - end > 0) {
                throw new ChannelException(kind + ": the child did not connect within " + startDeadline.toSeconds()
                        + " s" + (dropped > 0 ? " (" + dropped + " other connection(s) dropped: no valid HELLO)"
                                : ""));
            }
            pause();
        }
    }

    /** Whether {@code sc} sends the HELLO with {@code nonce} before {@code end} (System.nanoTime). */
    private static boolean greets(SocketChannel sc, byte[] nonce, long end) throws IOException {
        sc.configureBlocking(false);
        ByteBuffer hello = ByteBuffer.allocate(BYTES);
        while (hello.hasRemaining()) {
            int n;
            try {
                n = sc.read(hello);
            } catch (IOException e) {
                return false; // reset by the peer
            }
            if (n < 0 || System.nanoTime() - end > 0) {
                return false;
            }
            if (n == 0) {
                pause();
            }
        }
        hello.flip();
        int length = hello.getInt();
        int type = hello.getInt();
        byte[] got = new byte[16];
        hello.get(got);
        return length == 16 && type == Messages.HELLO && MessageDigest.isEqual(got, nonce);
    }

    private static void pause() throws ChannelException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while waiting for the child");
        }
    }
}
