package dev.parbench.remote;

import dev.parbench.strategy.CostCounters;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The master's end of one worker connection (pipe pair or socket). A dedicated reader thread drains every reply and
 * completes the request waiting for it; if the worker dies or the connection breaks, every waiting request fails at
 * once with the worker's name (pid or address) — no operation waits for a worker that is gone. A request sent on a
 * link that has failed (or is closed) fails at once with the link's error.
 *
 * <p>Until the worker's READY the reader runs the master's side of the {@link Handshake}: frames of at most
 * {@link WireLimits#HANDSHAKE_MAX_FRAME_BYTES} bytes, one CHALLENGE answered at most; the work codec (sized by the
 * link's limits) exists only after READY, and it refuses any CHALLENGE.
 *
 * <p>Requests are written by the link's own sender thread (so several workers receive their slices at the same
 * time); the caller's input arrays must not change until the reply has come.
 *
 * <p>{@link #close()} finishes in bounded time whatever the peer does: it never waits for the write lock (a sender
 * blocked on a peer that does not read holds it), gives a BYE at most {@link #BYE_GRACE}, closes the connection on a
 * helper thread and, if the link's threads have not ended after {@link #EXIT_GRACE}, runs the link's abort action
 * (for a worker process: kill it, which unblocks a write stuck on its full pipe).
 *
 * <p>Memory consistency: submitting to the sender happens-before the write (executor guarantee). A reply is decoded
 * on the reader thread (output arrays into the request's destination, when it has one) and handed over through
 * {@link CompletableFuture#complete}; completion happens-before {@code get} returns, so the caller sees the whole
 * decoded frame (partial result and output arrays, wherever they were decoded).
 */
final class WorkerLink implements AutoCloseable {
    /** How long close() lets a BYE take to be written. */
    static final Duration BYE_GRACE = Duration.ofSeconds(1);
    /** How long close() waits for the link's threads to end before it aborts, and again after. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final Closeable resource;
    private final Runnable abort;
    private final byte[] token;
    private final FrameCodec writer;
    private final WireLimits limits;
    /** Taken by the two writers (sender: requests and BYE; reader: AUTH). Never by close(). */
    private final Object writeLock = new Object();
    private final Map<Long, CompletableFuture<Frame.Result>> pending = new ConcurrentHashMap<>();
    /** Where the output arrays of a pending request's RESULT are decoded (absent: into fresh arrays). */
    private final Map<Long, Frame.Data> destinations = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread reader;
    /** Writes happen on the link's own thread, so the master feeds all workers at once, not one after another. */
    private final ExecutorService sender;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread senderThread;
    private volatile boolean closing;
    /** Traced links only (the timeline command): where TRACE frames and RESULT arrivals go; null: not traced. */
    private volatile TraceSink traceSink;
    /** The PONGs awaited, by the {@code t0} of their PING. */
    private final Map<Long, CompletableFuture<long[]>> pings = new ConcurrentHashMap<>();
    /** Called to describe a worker's death (e.g. its exit code), once the connection broke. */
    private final Supplier<String> deathCause;

    /** A link whose {@code resource.close()} alone stops its peer (sockets). */
    WorkerLink(String name, ReadableByteChannel in, WritableByteChannel out, Closeable resource, byte[] token,
            WireLimits limits, Supplier<String> deathCause) {
        this(name, in, out, resource, () -> { }, token, limits, deathCause);
    }

    /**
     * {@code abort}: the last resort of {@link #close()} when closing {@code resource} did not end the link's
     * threads in time (e.g. kill the worker process so that a write blocked on its pipe fails).
     */
    WorkerLink(String name, ReadableByteChannel in, WritableByteChannel out, Closeable resource, Runnable abort,
            byte[] token, WireLimits limits, Supplier<String> deathCause) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.abort = abort;
        this.token = token;
        this.writer = new FrameCodec(limits);
        this.limits = limits;
        this.deathCause = deathCause;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = Thread.ofPlatform().daemon(true).name("parbench-send-" + name).unstarted(r);
            senderThread = t;
            return t;
        });
        this.reader = Thread.ofPlatform().daemon(true).name("parbench-link-" + name).start(this::readLoop);
    }

    String name() {
        return name;
    }

    /** Waits for the worker's READY (after the token handshake, if it asks for one). */
    void awaitReady(Duration timeout) throws IOException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            IOException late = new IOException(name + " did not become ready within " + timeout.toSeconds() + " s");
            fail(late);
            throw late;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name);
        }
    }

    /**
     * Sends a request; the future completes with its RESULT, or fails with an error naming this worker — at once
     * if the link has failed or is closed.
     */
    CompletableFuture<Frame.Result> send(long requestId, Frame request) {
        return send(requestId, request, Frame.Data.NONE);
    }

    /**
     * Sends a request whose RESULT's output arrays are to be decoded straight into {@code destination}'s slices
     * (their kinds and lengths must match, else the link fails with a {@link WireException}); the slices must not be
     * touched until the future has completed. {@link Frame.Data#NONE}: into fresh arrays.
     */
    CompletableFuture<Frame.Result> send(long requestId, Frame request, Frame.Data destination) {
        CompletableFuture<Frame.Result> f = new CompletableFuture<>();
        IOException dead = failure.get();
        if (dead != null) {
            f.completeExceptionally(dead);
            return f;
        }
        if (!destination.slices().isEmpty()) {
            destinations.put(requestId, destination);
        }
        pending.put(requestId, f);
        // fail() sets the failure before it fails what is pending: if it ran meanwhile and missed this request,
        // the failure is visible here
        dead = failure.get();
        if (dead != null) {
            pending.remove(requestId);
            destinations.remove(requestId);
            f.completeExceptionally(dead);
            return f;
        }
        try {
            sender.execute(() -> {
                if (failure.get() != null) {
                    return; // failed meanwhile: the request has been failed with the link
                }
                try {
                    synchronized (writeLock) {
                        write(writer, request);
                    }
                } catch (IOException e) {
                    fail(new IOException(name + ": sending failed (" + e.getMessage() + ")" + cause()));
                }
            });
        } catch (RejectedExecutionException e) {
            fail(new IOException(name + ": link closed"));
        }
        return f;
    }

    /**
     * Writes one frame (the caller holds the write lock) and counts it ({@link CostCounters#moved}: its bytes on the
     * wire and the time the write took, which includes waiting for the peer to drain a full pipe or socket).
     */
    private void write(FrameCodec codec, Frame f) throws IOException {
        long t0 = System.nanoTime();
        long bytes = codec.write(f, out);
        CostCounters.moved(bytes, System.nanoTime() - t0);
    }

    /** What a traced link reports, on its reader thread. */
    interface TraceSink {
        /** A worker's TRACE for {@code requestId}, in the worker's clock. */
        void worker(Frame.Trace trace);

        /** The RESULT of {@code requestId} has been decoded, at {@code nanos} (this JVM's clock). */
        void returned(long requestId, long nanos);
    }

    /** The master-to-worker clock offset and how far it may be off: NTP's estimate from the best of some pings. */
    record ClockOffset(long offsetNanos, long uncertaintyNanos, int pings) {
        /** A worker clock reading on the master's clock. */
        long toMaster(long workerNanos) {
            return workerNanos - offsetNanos;
        }
    }

    /**
     * Sends {@code n} PINGs one after another (each waits for its PONG, at most {@code timeout}) and estimates the
     * worker's clock offset NTP-style from the one with the shortest round trip: offset = ((t1 - t0) + (t2 - t3)) / 2,
     * uncertainty = round trip / 2 with round trip = (t3 - t0) - (t2 - t1). The first PING also makes the worker
     * trace every later request of this connection.
     */
    ClockOffset ping(int n, Duration timeout) throws IOException {
        long bestRound = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < n; i++) {
            CompletableFuture<long[]> pong = new CompletableFuture<>();
            CompletableFuture<Long> sentAt = new CompletableFuture<>();
            IOException dead = failure.get();
            if (dead != null) {
                throw dead;
            }
            try {
                sender.execute(() -> {
                    try {
                        synchronized (writeLock) {
                            long t0 = System.nanoTime();
                            pings.put(t0, pong);
                            sentAt.complete(t0);
                            write(writer, new Frame.Ping(t0));
                        }
                    } catch (IOException e) {
                        fail(new IOException(name + ": sending failed (" + e.getMessage() + ")" + cause()));
                        pong.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new IOException(name + ": link closed");
            }
            long[] t;
            try {
                t = pong.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IOException(name + ": no PONG within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pinging " + name);
            } finally {
                sentAt.thenAccept(pings::remove);
            }
            long round = (t[3] - t[0]) - (t[2] - t[1]);
            if (round < bestRound) {
                bestRound = round;
                bestOffset = Math.floorDiv((t[1] - t[0]) + (t[2] - t[3]), 2);
            }
        }
        return new ClockOffset(bestOffset, Math.max(0, bestRound) / 2, n);
    }

    /** Reports this link's TRACE frames and RESULT arrivals to {@code sink} from now on (null: stop). */
    void traceTo(TraceSink sink) {
        this.traceSink = sink;
    }

    private void readLoop() {
        FrameCodec hello = new FrameCodec(WireLimits.handshake());
        try {
            Handshake.master(token, in, auth -> {
                synchronized (writeLock) {
                    write(hello, auth);
                }
            }, name);
        } catch (IOException e) {
            fail(new IOException(e.getMessage() + cause(), e));
            return;
        }
        ready.complete(null);
        FrameCodec codec = new FrameCodec(limits); // its buffer (up to 1 MiB) only once the worker is ready
        codec.stampHeaders(); // a frame's reading time runs from its header's arrival (CostCounters)
        try {
            while (true) {
                Frame f = codec.read(in, id -> pending.containsKey(id) ? destinations.get(id) : null);
                if (f == null) {
                    fail(new IOException(name + " closed the connection" + cause()));
                    return;
                }
                CostCounters.moved(codec.lastFrameBytes(), System.nanoTime() - codec.lastHeaderNanos());
                switch (f) {
                    case Frame.Pong p -> {
                        long t3 = System.nanoTime();
                        CompletableFuture<long[]> waiting = pings.remove(p.t0());
                        if (waiting != null) {
                            waiting.complete(new long[] {p.t0(), p.t1(), p.t2(), t3});
                        }
                    }
                    case Frame.Trace t -> {
                        TraceSink sink = traceSink;
                        if (sink != null) {
                            sink.worker(t);
                        }
                    }
                    case Frame.Result r -> {
                        TraceSink sink = traceSink;
                        if (sink != null) {
                            sink.returned(r.requestId(), System.nanoTime());
                        }
                        destinations.remove(r.requestId());
                        CompletableFuture<Frame.Result> p = pending.remove(r.requestId());
                        if (p != null) {
                            p.complete(r);
                        }
                    }
                    case Frame.Error e -> {
                        IOException ex = new IOException(name + ": " + e.message());
                        destinations.remove(e.requestId());
                        CompletableFuture<Frame.Result> p = pending.remove(e.requestId());
                        if (p != null) {
                            p.completeExceptionally(ex);
                        } else {
                            fail(ex); // not about one request: the worker is closing the connection
                            return;
                        }
                    }
                    default -> {
                        fail(new IOException(name + " sent an unexpected " + f.type() + " frame"));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            fail(new IOException(name + ": " + e.getMessage() + cause()));
        }
    }

    private String cause() {
        if (closing) {
            return "";
        }
        String c = deathCause.get();
        return c == null || c.isEmpty() ? "" : " (" + c + ")";
    }

    /** The first failure wins; every request waiting now, or sent from now on, fails with it. */
    private void fail(IOException e) {
        failure.compareAndSet(null, e);
        IOException first = failure.get();
        ready.completeExceptionally(first);
        for (Iterator<CompletableFuture<Frame.Result>> it = pending.values().iterator(); it.hasNext(); ) {
            CompletableFuture<Frame.Result> p = it.next();
            it.remove();
            p.completeExceptionally(first);
        }
        pings.values().forEach(p -> p.completeExceptionally(first));
        pings.clear();
        destinations.clear();
    }

    /**
     * Gives up on this link (e.g. it did not answer within the operation's deadline): it counts as failed from now
     * on, so its owner replaces it.
     */
    void abandon(String reason) {
        fail(new IOException(name + ": " + reason));
    }

    boolean alive() {
        return failure.get() == null;
    }

    /** Says goodbye (best effort), closes the connection and ends the link's threads, all in bounded time. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        if (failure.get() == null) {
            sayBye();
        }
        fail(new IOException(name + ": link closed"));
        sender.shutdown(); // no interrupt: interrupting a write to a process pipe would block on the pipe's lock
        Thread closer = Thread.ofPlatform().daemon(true).name("parbench-close-" + name).start(() -> {
            try {
                resource.close(); // may block until the abort below if a sender is stuck on a process pipe
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        if (!awaitThreads(closer, EXIT_GRACE)) {
            abort.run();
            awaitThreads(closer, EXIT_GRACE);
        }
    }

    /**
     * Sends a BYE (the protocol's stop message) without closing anything: the worker reads it after the request it
     * is computing, if any, and ends; replies still arrive. The future completes once BYE is written (fails if the
     * link has failed or the write did).
     */
    CompletableFuture<Void> bye() {
        CompletableFuture<Void> written = new CompletableFuture<>();
        IOException dead = failure.get();
        if (dead != null) {
            written.completeExceptionally(dead);
            return written;
        }
        try {
            sender.execute(() -> {
                try {
                    synchronized (writeLock) {
                        write(writer, new Frame.Bye());
                    }
                    written.complete(null);
                } catch (IOException e) {
                    written.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            written.completeExceptionally(new IOException(name + ": link closed"));
        }
        return written;
    }

    private void sayBye() {
        try {
            Future<?> bye = sender.submit(() -> {
                synchronized (writeLock) {
                    write(writer, new Frame.Bye());
                }
                return null;
            });
            bye.get(BYE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            // the worker is gone, or not reading: the close goes on without a goodbye
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the closer, the reader and the sender have ended, at most {@code timeout}; true if they did. */
    private boolean awaitThreads(Thread closer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : List.of(closer, reader)) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            sender.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            Thread st = senderThread; // the pool says terminated a moment before its thread has ended
            if (st != null) {
                st.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Thread s = senderThread;
        return !closer.isAlive() && !reader.isAlive() && (s == null || !s.isAlive()) && sender.isTerminated();
    }

    /** Closes all links at the same time (each close is bounded, so this is bounded too). */
    static void closeAll(List<WorkerLink> links) {
        List<Thread> closers = links.stream()
                .map(l -> Thread.ofPlatform().daemon(true).name("parbench-close").start(l::close)).toList();
        long deadline = System.nanoTime() + BYE_GRACE.plus(EXIT_GRACE).plus(EXIT_GRACE).plusSeconds(2).toNanos();
        for (Thread t : closers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
