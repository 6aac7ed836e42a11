package dev.parbench.remote;

import dev.parbench.workload.WireForm;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker side: serves one connection (stdin/stdout, or one accepted socket) frame by frame. It computes
 * {@link Frame.Run} and {@link Frame.RunStored} requests, keeps the latest {@link Frame.Store}d dataset, and ends
 * on {@link Frame.Bye} or end of stream. A frame that breaks the protocol ends the connection after an error frame.
 *
 * <p>Until a peer has authenticated, it is read with {@link FrameCodec#preAuth()} ({@link Handshake}): one AUTH
 * frame of at most {@link WireLimits#PRE_AUTH_MAX_FRAME_BYTES} bytes; any other type or a larger length is rejected
 * on its 12-byte header, so an unauthenticated peer cannot make the worker allocate anything sized by the peer. A
 * listening worker ({@link #listen}, {@link WorkerListener}) always has a token, loopback or not. Before a
 * connection has proved it, it gets no READY, no socket buffer resize and no slot: it only counts among the
 * {@link PendingHandshakes} (a few per remote address, a few in all) until the handshake deadline. Once it has proved the token it takes one of
 * {@link Settings#maxConnections} slots (none free: a short ERROR and the connection is closed), and from then on a
 * read or write stalled longer than the idle timeout closes it.
 */
public final class Worker {
    /** Socket buffers sized for bulk transfer. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;

    /**
     * Connection rules of a listening worker. {@code authTimeout}: from accept until the peer has authenticated.
     * {@code idleTimeout}: longest a single read or write of an authenticated connection may block, zero for none.
     * {@code maxConnections}: authenticated connections served at once.
     */
    public record Settings(Duration authTimeout, Duration idleTimeout, int maxConnections) {
        public static final long DEFAULT_AUTH_TIMEOUT_SECONDS = 2;
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
         * {@code -Dparbench.worker.authTimeoutSeconds} (2), {@code -Dparbench.worker.idleTimeoutSeconds} (600, 0:
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

    /**
     * {@code token} null: no authentication, for a {@code --stdio} worker only ({@link #start} refuses to listen
     * without one). Settings from system properties.
     */
    public Worker(WireLimits limits, byte[] token, PrintStream log) {
        this(limits, token, log, Settings.fromSystemProperties());
    }

    public Worker(WireLimits limits, byte[] token, PrintStream log, Settings settings) {
        this.limits = limits;
        this.token = token;
        this.log = log;
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    byte[] token() {
        return token;
    }

    PrintStream log() {
        return log;
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
     * Serves the master that started this worker, over stdin/stdout, until BYE, end of stream or a protocol error:
     * the handshake (READY at once without a token), then work frames. This is the master's own pipe: if it ends
     * without a BYE (the master died), the master's shared-memory files this worker opened are deleted before it
     * returns ({@link SharedFiles#afterMasterGone}).
     */
    public void serve(ReadableByteChannel in, WritableByteChannel out, String peer) throws IOException {
        EndWatch watched = new EndWatch(in);
        try {
            if (token != null) {
                String why = Handshake.challenge(token, watched, out);
                if (why != null) {
                    logFailedAuth(peer, why);
                    return;
                }
            }
            Handshake.ready(out);
            work(watched, out, peer, true);
        } finally {
            if (watched.ended) {
                SharedFiles.afterMasterGone(java.time.Duration.ofSeconds(2));
            }
        }
    }

    /**
     * Serves work frames of a peer that has passed the handshake. {@code local}: the peer is the master that
     * started this worker (stdin/stdout), the only one whose {@link Frame.MapStore} is accepted (a socket peer may
     * not make the worker open files).
     */
    void work(ReadableByteChannel in, WritableByteChannel out, String peer, boolean local)
            throws IOException {
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

    void logFailedAuth(String peer, String why) {
        log.println("parbench worker: " + peer + " failed authentication (" + why + "); connection closed");
    }

    /**
     * Listens on {@code address} and serves each accepted connection on its own thread, until the process ends.
     * Prints {@code parbench worker listening on HOST:PORT} on {@code announce} once bound (port 0 picks a free
     * port).
     */
    public void listen(InetSocketAddress address, PrintStream announce) throws IOException {
        try (WorkerListener l = start(address)) {
            InetSocketAddress bound = l.address();
            announce.println("parbench worker listening on " + bound.getHostString() + ":" + bound.getPort());
            announce.flush();
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Binds {@code address} and starts accepting ({@link WorkerListener}); its {@code close()} stops it and every
     * connection. A worker without a token may not listen, not even on loopback: any local user can connect there.
     */
    WorkerListener start(InetSocketAddress address) throws IOException {
        if (token == null) {
            throw new IllegalArgumentException("a listening worker needs a token (--token-file or --token-stdin)");
        }
        return new WorkerListener(this, address);
    }

    static void tune(SocketChannel c) throws IOException {
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
    }
}
