package dev.parbench.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for a worker's socket connections, which NIO channels do not have ({@code SO_TIMEOUT} does not apply to
 * {@link SocketChannel#read}). One thread looks at every open connection a few times per deadline and closes a
 * connection that has not authenticated by its handshake deadline, or whose current read or write has been blocked
 * longer than the idle timeout; the blocked call then fails with {@code AsynchronousCloseException}. The data path
 * pays two volatile stores per read or write call (each moves up to a buffer of bytes).
 */
final class StallWatchdog implements AutoCloseable {
    private static final long IDLE = Long.MIN_VALUE;
    private static final long NEVER = Long.MAX_VALUE;

    private final Set<Guarded> open = ConcurrentHashMap.newKeySet();
    private final Duration idleTimeout;
    private final PrintStream log;
    private final long tickMillis;
    private final Thread thread;
    private volatile boolean stopped;

    /** {@code idleTimeout} zero: no idle limit. */
    StallWatchdog(Duration authTimeout, Duration idleTimeout, PrintStream log) {
        this.idleTimeout = idleTimeout;
        this.log = log;
        long shortest = idleTimeout.isZero() ? authTimeout.toMillis() : Math.min(authTimeout.toMillis(),
                idleTimeout.toMillis());
        this.tickMillis = Math.max(10, Math.min(1000, shortest / 10));
        this.thread = Thread.ofPlatform().daemon(true).name("parbench-worker-watchdog").start(this::watch);
    }

    /** Watches {@code c} from now on; it must authenticate within {@code authTimeout}. */
    Guarded guard(SocketChannel c, String peer, Duration authTimeout) {
        Guarded g = new Guarded(c, peer, System.nanoTime() + authTimeout.toNanos(), authTimeout);
        open.add(g);
        return g;
    }

    private void watch() {
        while (!stopped) {
            long now = System.nanoTime();
            for (Guarded g : open) {
                g.check(now);
            }
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A watched connection: a {@link ByteChannel} over the socket that records when each read or write began. */
    final class Guarded implements ByteChannel {
        private final SocketChannel channel;
        private final String peer;
        private final Duration authTimeout;
        private volatile long handshakeDeadline;
        private volatile long ioSince = IDLE;
        private volatile String closedBecause;

        private Guarded(SocketChannel channel, String peer, long handshakeDeadline, Duration authTimeout) {
            this.channel = channel;
            this.peer = peer;
            this.handshakeDeadline = handshakeDeadline;
            this.authTimeout = authTimeout;
        }

        /** The peer has authenticated: no handshake deadline any more, only the idle timeout. */
        void authenticated() {
            handshakeDeadline = NEVER;
        }

        /** Why the watchdog closed the connection, or null if it did not. */
        String closedBecause() {
            return closedBecause;
        }

        private void check(long now) {
            String why = null;
            if (handshakeDeadline != NEVER && now - handshakeDeadline > 0) {
                why = "did not authenticate within " + authTimeout.toMillis() + " ms";
            } else {
                long since = ioSince;
                if (since != IDLE && !idleTimeout.isZero() && now - since > idleTimeout.toNanos()) {
                    why = "stalled for " + idleTimeout.toSeconds() + " s (idle timeout)";
                }
            }
            if (why != null) {
                closedBecause = why;
                log.println("parbench worker: " + peer + " " + why + "; connection closed");
                forget();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closed anyway
                }
            }
        }

        /** Stops watching (the connection is over). */
        void forget() {
            open.remove(this);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            ioSince = System.nanoTime();
            try {
                return channel.read(dst);
            } finally {
                ioSince = IDLE;
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ioSince = System.nanoTime();
            try {
                return channel.write(src);
            } finally {
                ioSince = IDLE;
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            forget();
            channel.close();
        }
    }
}
