package dev.parbench.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A listening {@link Worker}: the accept thread, its pending handshakes ({@link PendingHandshakes}), its connections
 * (one thread each) and their {@link StallWatchdog}. A connection first passes the {@link Handshake} within the
 * handshake deadline, holding no slot; only then does it take a slot, get READY and socket buffers sized for bulk
 * transfer, and send work frames.
 */
final class WorkerListener implements AutoCloseable {
    private final Worker worker;
    private final Worker.Settings settings;
    private final PrintStream log;
    private final ServerSocketChannel server;
    private final InetSocketAddress bound;
    private final StallWatchdog watchdog;
    private final Semaphore slots;
    private final PendingHandshakes pending = new PendingHandshakes();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    WorkerListener(Worker worker, InetSocketAddress address) throws IOException {
        this.worker = worker;
        this.settings = worker.settings();
        this.log = worker.log();
        server = ServerSocketChannel.open();
        try {
            server.bind(address); // socket buffers are sized per connection, once it has authenticated
            bound = (InetSocketAddress) server.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        slots = new Semaphore(settings.maxConnections());
        watchdog = new StallWatchdog(settings.authTimeout(), settings.idleTimeout(), log);
        acceptor = Thread.ofPlatform().daemon(true).name("parbench-worker-accept").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return bound;
    }

    /** Waits until the listener stops (it stops only when closed or when accepting fails for good). */
    void await() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (closed || !server.isOpen()) {
                    return;
                }
                log.println("parbench worker: accept failed: " + e.getMessage());
                pause(); // e.g. out of file descriptors: do not spin
                continue;
            }
            PendingHandshakes.Entry handshake = pending.admit(c); // may close an older pending one
            connections.add(c);
            Thread t = Thread.ofPlatform().daemon(true).name("parbench-worker-conn").unstarted(() -> {
                try {
                    serveConnection(c, handshake);
                } finally {
                    pending.done(handshake);
                    connections.remove(c);
                    threads.remove(Thread.currentThread());
                }
            });
            threads.add(t);
            t.start();
        }
    }

    /**
     * The handshake (within the deadline, holding no slot), then, if the peer proved the token and a slot is
     * free: READY, the socket buffers sized for bulk transfer, and the work frames.
     */
    private void serveConnection(SocketChannel c, PendingHandshakes.Entry handshake) {
        String peer = "?";
        StallWatchdog.Guarded g = null;
        boolean slot = false;
        try {
            peer = String.valueOf(c.getRemoteAddress());
            g = watchdog.guard(c, peer, settings.authTimeout());
            String why = Handshake.challenge(worker.token(), g, g);
            if (why != null) {
                if (!closed && g.closedBecause() == null && c.isOpen()) {
                    worker.logFailedAuth(peer, why);
                }
                return;
            }
            pending.done(handshake);
            slot = slots.tryAcquire();
            if (!slot) {
                Handshake.refuse(g, "worker busy: " + settings.maxConnections() + " connections open");
                log.println("parbench worker: refused " + peer + ": already serving " + settings.maxConnections()
                        + " connections (--max-connections)");
                return;
            }
            g.authenticated();
            Worker.tune(c);
            Handshake.ready(g);
            worker.work(g, g, peer, false);
        } catch (IOException e) {
            if (!closed && (g == null || g.closedBecause() == null) && c.isOpen()) {
                log.println("parbench worker: connection " + peer + " ended: " + e.getMessage());
            }
        } finally {
            if (slot) {
                slots.release();
            }
            if (g != null) {
                g.forget();
            }
            closeGently(c);
        }
    }

    /** Pending handshakes now, and closed so far to make room (tests). */
    PendingHandshakes pending() {
        return pending;
    }

    private void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops accepting, closes every connection and waits (bounded) for their threads. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(WorkerListener::closeQuietly);
        watchdog.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        join(acceptor, deadline);
        for (Thread t : threads) {
            join(t, deadline); // a thread busy computing ends when its computation does
        }
    }

    private static void join(Thread t, long deadlineNanos) {
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends FIN after our last frame and discards what the peer already sent (without blocking), so the close does
     * not turn into a reset that could destroy our last frame (e.g. the ERROR after a rejected header) in transit.
     */
    private static void closeGently(SocketChannel c) {
        try (c) {
            if (c.isOpen()) {
                c.shutdownOutput();
                c.configureBlocking(false);
                ByteBuffer sink = ByteBuffer.allocate(4096);
                for (int i = 0; i < 16 && c.read(sink.clear()) > 0; i++) {
                    // discard at most 64 KiB
                }
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
