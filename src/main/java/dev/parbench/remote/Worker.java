package dev.parbench.remote;

import dev.parbench.workload.WireForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The worker side: serves one connection (stdin/stdout, or one accepted socket) frame by frame. It computes
 * {@link Frame.Run} and {@link Frame.RunStored} requests, keeps the latest {@link Frame.Store}d dataset, and ends
 * on {@link Frame.Bye} or end of stream. A frame that breaks the protocol ends the connection after an error frame.
 *
 * <p>Until a peer has authenticated (only when the worker has a token), it is read with
 * {@link FrameCodec#preAuth()}: one AUTH frame of at most {@link WireLimits#PRE_AUTH_MAX_FRAME_BYTES} bytes; any
 * other type or a larger length is rejected on its 12-byte header, so an unauthenticated peer cannot make the worker
 * allocate anything sized by the peer. On sockets ({@link #listen}) the handshake has a deadline, an authenticated
 * connection whose read or write is stalled longer than the idle timeout is closed, and at most
 * {@link Settings#maxConnections} connections are served at once (more are refused at once).
 */
public final class Worker {
    /** Socket buffers sized for bulk transfer. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;
    /** The worker's own frames before authentication (CHALLENGE, READY, a short ERROR) fit in this. */
    private static final WireLimits HANDSHAKE_WRITE = new WireLimits(1024);

    /**
     * Connection rules of a listening worker. {@code authTimeout}: from accept until the peer has authenticated
     * (or, without a token, until READY went out). {@code idleTimeout}: longest a single read or write of an
     * authenticated connection may block, zero for none. {@code maxConnections}: connections served at once.
     */
    public record Settings(Duration authTimeout, Duration idleTimeout, int maxConnections) {
        public static final long DEFAULT_AUTH_TIMEOUT_SECONDS = 10;
        public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 600;
        public static final int DEFAULT_MAX_CONNECTIONS = 16;

        public Settings {
            if (authTimeout.isNegative() || authTimeout.isZero()) {
                throw new IllegalArgumentException("the handshake timeout must be positive, got " + authTimeout);
            }
            if (idleTimeout.isNegative()) {
                throw new IllegalArgumentException("the idle timeout must be 0 (none) or positive, got "
                        + idleTimeout);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("at least one connection must be allowed, got "
                        + maxConnections);
            }
        }

        /**
         * {@code -Dparbench.worker.authTimeoutSeconds} (10), {@code -Dparbench.worker.idleTimeoutSeconds} (600, 0:
         * none), {@code -Dparbench.worker.maxConnections} (16).
         */
        public static Settings fromSystemProperties() {
            long auth = Long.getLong("parbench.worker.authTimeoutSeconds", DEFAULT_AUTH_TIMEOUT_SECONDS);
            long idle = Long.getLong("parbench.worker.idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS);
            return new Settings(Duration.ofSeconds(auth), Duration.ofSeconds(idle),
                    Integer.getInteger("parbench.worker.maxConnections", DEFAULT_MAX_CONNECTIONS));
        }
    }

    private final WireLimits limits;
    private final byte[] token;
    private final PrintStream log;
    private final Settings settings;
    /** Added to every clock reading this worker reports (PONG, TRACE): tests use it to pretend another machine. */
    private volatile long clockSkewNanos;

    /** {@code token} null: no authentication (stdio, or loopback sockets). Settings from system properties. */
    public Worker(WireLimits limits, byte[] token, PrintStream log) {
        this(limits, token, log, Settings.fromSystemProperties());
    }

    public Worker(WireLimits limits, byte[] token, PrintStream log, Settings settings) {
        this.limits = limits;
        this.token = token;
        this.log = log;
        this.settings = settings;
    }

    /** Tests: report clock readings shifted by {@code nanos}, as a worker on another machine's clock would. */
    Worker withClockSkew(long nanos) {
        this.clockSkewNanos = nanos;
        return this;
    }

    /** This worker's clock, as it reports it. */
    private long now() {
        return System.nanoTime() + clockSkewNanos;
    }

    /**
     * Serves one connection until BYE, end of stream or a protocol error. This is the master's own pipe: if it ends
     * without a BYE (the master died), the master's shared-memory files this worker opened are deleted before it
     * returns ({@link SharedFiles#afterMasterGone}).
     */
    public void serve(ReadableByteChannel in, WritableByteChannel out, String peer) throws IOException {
        EndWatch watched = new EndWatch(in);
        try {
            serve(watched, out, peer, () -> { }, true);
        } finally {
            if (watched.ended) {
                SharedFiles.afterMasterGone(java.time.Duration.ofSeconds(2));
            }
        }
    }

    /**
     * {@code authenticated} runs once the peer may send work frames. {@code local}: the peer is the master that
     * started this worker (stdin/stdout), the only one whose {@link Frame.MapStore} is accepted (a socket peer may
     * not make the worker open files).
     */
    private void serve(ReadableByteChannel in, WritableByteChannel out, String peer, Runnable authenticated,
            boolean local) throws IOException {
        if (!authenticate(in, out, peer)) {
            return;
        }
        authenticated.run();
        // only now the codecs sized for work frames (and their 1 MiB buffers)
        FrameCodec reader = new FrameCodec(limits, true);
        FrameCodec writer = new FrameCodec(limits);
        List<Object> output = List.of(); // the last RUN reply's output arrays, reused by the next RUN
        Map<Long, Dataset> datasets = new HashMap<>();
        boolean traced = false; // set by the master's first PING: then every RUN gets a TRACE before its RESULT
        while (true) {
            Frame f;
            try {
                f = reader.read(in);
            } catch (WireException e) {
                log.println("parbench worker: bad frame from " + peer + ": " + e.getMessage() + "; closing");
                writer.write(new Frame.Error(0, "bad frame: " + e.getMessage()), out);
                return;
            }
            if (f == null || f instanceof Frame.Bye) {
                return;
            }
            if (f instanceof Frame.Ping p) {
                long t1 = now();
                if (!traced) {
                    traced = true;
                    reader.stampHeaders();
                }
                writer.write(new Frame.Pong(p.t0(), t1, now()), out);
                continue;
            }
            long received = traced ? reader.lastHeaderNanos() + clockSkewNanos : 0;
            long decoded = traced ? now() : 0;
            Frame reply;
            try {
                final List<Object> reuse = output;
                reply = switch (f) {
                    case Frame.Run r -> r.task().compute(r.requestId(), r.task().localInput(r.data(), reuse));
                    case Frame.Store s -> {
                        datasets.clear(); // one dataset at a time: memory stays bounded
                        Stored d = new Stored(s.task(), s.task().localInput(s.data(), List.of()));
                        datasets.put(s.datasetId(), id -> d.task().compute(id, d.local()));
                        yield new Frame.Result(s.requestId(), 0, Frame.Data.NONE);
                    }
                    case Frame.MapStore m -> {
                        if (!local) {
                            yield new Frame.Error(m.requestId(), "MAP_STORE is accepted only from the master over "
                                    + "stdin/stdout");
                        }
                        datasets.clear();
                        MappedDataset d;
                        try {
                            d = MappedDataset.map(m.task(), m.files());
                        } catch (IOException e) {
                            yield new Frame.Error(m.requestId(), "could not map " + m.files() + ": " + e);
                        }
                        datasets.put(m.datasetId(), d::run);
                        yield new Frame.Result(m.requestId(), 0, Frame.Data.NONE);
                    }
                    case Frame.Count c -> {
                        if (!local) {
                            yield new Frame.Error(c.requestId(), "COUNT is accepted only from the master over "
                                    + "stdin/stdout");
                        }
                        try {
                            yield new Frame.Result(c.requestId(), SharedCounterWork.run(c), Frame.Data.NONE);
                        } catch (IOException e) {
                            yield new Frame.Error(c.requestId(), "could not map " + c.file() + ": " + e);
                        }
                    }
                    case Frame.RunStored r -> {
                        Dataset d = datasets.get(r.datasetId());
                        yield d == null ? new Frame.Error(r.requestId(), "no dataset " + r.datasetId() + " stored")
                                : d.run(r.requestId());
                    }
                    default -> null;
                };
            } catch (RuntimeException e) {
                reply = new Frame.Error(requestId(f), "worker failed: " + e);
            }
            if (reply == null) {
                writer.write(new Frame.Error(0, "unexpected " + f.type() + " frame from a client"), out);
                return;
            }
            if (traced && reply instanceof Frame.Result res && !(f instanceof Frame.Store)) {
                writer.write(new Frame.Trace(res.requestId(), received, decoded, now()), out);
            }
            writer.write(reply, out);
            if (f instanceof Frame.Run && reply instanceof Frame.Result res) {
                output = res.data().arrays(); // sent: free to reuse for the next request
            }
        }
    }

    /** A stored dataset, computed by request id: a received input ({@link Stored}) or a mapped one. */
    @FunctionalInterface
    private interface Dataset {
        Frame run(long requestId);
    }

    /** A stored dataset: its task and the local input built from it. */
    private record Stored(RemoteTask task, WireForm.Local<Object> local) {
    }

    private static long requestId(Frame f) {
        return switch (f) {
            case Frame.Run r -> r.requestId();
            case Frame.Store s -> s.requestId();
            case Frame.RunStored r -> r.requestId();
            case Frame.MapStore m -> m.requestId();
            case Frame.Count c -> c.requestId();
            default -> 0;
        };
    }

    private boolean authenticate(ReadableByteChannel in, WritableByteChannel out, String peer) throws IOException {
        FrameCodec hello = new FrameCodec(HANDSHAKE_WRITE);
        if (token == null) {
            hello.write(new Frame.Ready(), out);
            return true;
        }
        byte[] nonce = Tokens.nonce();
        hello.write(new Frame.Challenge(nonce), out);
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
            hello.write(new Frame.Ready(), out);
            return true;
        }
        log.println("parbench worker: " + peer + " failed authentication (" + why + "); connection closed");
        hello.write(new Frame.Error(0, "authentication failed"), out);
        return false;
    }

    /**
     * Listens on {@code address} and serves each accepted connection on its own thread, until the process ends.
     * Prints {@code parbench worker listening on HOST:PORT} on {@code announce} once bound (port 0 picks a free
     * port).
     */
    public void listen(InetSocketAddress address, PrintStream announce) throws IOException {
        try (Listener l = start(address)) {
            InetSocketAddress bound = l.address();
            announce.println("parbench worker listening on " + bound.getHostString() + ":" + bound.getPort());
            announce.flush();
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Binds {@code address} and starts accepting; {@link Listener#close()} stops it and every connection. */
    Listener start(InetSocketAddress address) throws IOException {
        return new Listener(address);
    }

    /** A listening worker: the accept thread, its connections and their watchdog. */
    final class Listener implements AutoCloseable {
        private final ServerSocketChannel server;
        private final InetSocketAddress bound;
        private final StallWatchdog watchdog;
        private final Semaphore slots = new Semaphore(settings.maxConnections());
        private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final Thread acceptor;
        private volatile boolean closed;

        private Listener(InetSocketAddress address) throws IOException {
            server = ServerSocketChannel.open();
            try {
                server.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
                server.bind(address);
                bound = (InetSocketAddress) server.getLocalAddress();
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
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
                if (!slots.tryAcquire()) {
                    refuse(c);
                    continue;
                }
                connections.add(c);
                Thread t = Thread.ofPlatform().daemon(true).name("parbench-worker-conn").unstarted(() -> {
                    try {
                        serveConnection(c);
                    } finally {
                        connections.remove(c);
                        threads.remove(Thread.currentThread());
                        slots.release();
                    }
                });
                threads.add(t);
                t.start();
            }
        }

        private void serveConnection(SocketChannel c) {
            String peer = "?";
            StallWatchdog.Guarded g = null;
            try {
                peer = String.valueOf(c.getRemoteAddress());
                g = watchdog.guard(c, peer, settings.authTimeout());
                tune(c);
                serve(g, g, peer, g::authenticated, false);
            } catch (IOException e) {
                if (!closed && (g == null || g.closedBecause() == null)) {
                    log.println("parbench worker: connection " + peer + " ended: " + e.getMessage());
                }
            } finally {
                if (g != null) {
                    g.forget();
                }
                closeGently(c);
            }
        }

        /** Over the limit: one short ERROR frame, written without blocking, and the connection is closed. */
        private void refuse(SocketChannel c) {
            String peer = "?";
            try (c) {
                peer = String.valueOf(c.getRemoteAddress());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                new FrameCodec(HANDSHAKE_WRITE).write(new Frame.Error(0, "worker busy: " + settings.maxConnections()
                        + " connections open"), Channels.newChannel(bytes));
                c.configureBlocking(false);
                c.write(ByteBuffer.wrap(bytes.toByteArray()));
            } catch (IOException ignored) {
                // the peer is gone already
            }
            log.println("parbench worker: refused " + peer + ": already serving " + settings.maxConnections()
                    + " connections (--max-connections)");
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
            connections.forEach(Worker::closeQuietly);
            watchdog.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            join(acceptor, deadline);
            for (Thread t : threads) {
                join(t, deadline); // a thread busy computing ends when its computation does
            }
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

    static void tune(SocketChannel c) throws IOException {
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
    }
}
