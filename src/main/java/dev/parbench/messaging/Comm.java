package dev.parbench.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One rank's view of the world, MPI's communicator: its rank, the number of ranks, and blocking point-to-point
 * {@link #send} and {@link #recv} to any other rank (each pair has its own connection, so messages between two ranks
 * arrive in the order they were sent). The collectives are built from these alone.
 *
 * <p>Bounded waits: {@link #within} runs an operation under a deadline; a watchdog thread closes every connection of
 * this rank when it passes, which ends any blocked read or write with an exception, reported as a
 * {@link DeadlineException}. After that the communicator is broken (its connections are gone) and the world must be
 * torn down.
 */
public final class Comm implements AutoCloseable {
    /** Tags of the messages; the collectives use {@link CollectiveKind#tag()}. */
    static final long CMD = 10;
    static final long ACK = 11;

    private final int rank;
    private final int size;
    private final Link[] links;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService sender;
    private final List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean expired;
    private volatile boolean closed;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    Comm(int rank, int size, Link[] links) {
        this.rank = rank;
        this.size = size;
        this.links = links.clone();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(named("parbench-rank-" + rank + "-watchdog"));
        this.sender = Executors.newSingleThreadExecutor(named("parbench-rank-" + rank + "-sender"));
    }

    private ThreadFactory named(String name) {
        return r -> {
            Thread t = Thread.ofPlatform().daemon(true).name(name).unstarted(r);
            threads.add(t);
            return t;
        };
    }

    public int rank() {
        return rank;
    }

    public int size() {
        return size;
    }

    /** Sends {@code buf[off, off + len)} to rank {@code to}; blocks until the socket has taken all of it. */
    public void send(int to, long tag, long seq, long[] buf, int off, int len) throws IOException {
        link(to).send(tag, seq, buf, off, len);
    }

    /** Receives exactly {@code len} longs from rank {@code from} into {@code buf[off, ...)}; checks tag and seq. */
    public void recv(int from, long tag, long seq, long[] buf, int off, int len) throws IOException {
        long got = link(from).recv(tag, buf, off, len);
        if (got != seq) {
            throw new IOException("rank " + rank + " got operation " + got + " from rank " + from + ", expected "
                    + seq);
        }
    }

    /**
     * MPI's Sendrecv: sends to {@code to} and receives from {@code from} at the same time, so that two ranks that
     * exchange large messages never both wait in a send. The send runs on this rank's sender thread while this
     * thread receives; then it waits for the send to finish (bounded by the deadline).
     */
    public void sendRecv(int to, long tag, long seq, long[] out, int outOff, int outLen, int from, long[] in,
            int inOff, int inLen) throws IOException {
        Link target = link(to);
        Future<?> sending = sender.submit(() -> {
            target.send(tag, seq, out, outOff, outLen);
            return null;
        });
        try {
            recv(from, tag, seq, in, inOff, inLen);
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            sending.get(Math.min(left, TimeUnit.SECONDS.toNanos(600)) + TimeUnit.SECONDS.toNanos(1),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("rank " + rank + ": send to rank " + to + " did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            sending.cancel(true);
        }
    }

    /** Bytes the last send to {@code to} had written when it returned or failed. */
    public long bytesWritten(int to) {
        return link(to).written();
    }

    /** True once a deadline has passed during {@link #within}: the connections are closed. */
    public boolean expired() {
        return expired;
    }

    /** An operation on the connections, which may throw IOException. */
    @FunctionalInterface
    public interface IoCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs {@code call} under a deadline. If the deadline passes first, the watchdog closes every connection of this
     * rank: the blocked call fails, and this throws a {@link DeadlineException} (a {@link DeadlockException} thrown by
     * the call passes through as it is).
     */
    public <T> T within(Duration deadline, String what, IoCall<T> call) throws IOException {
        if (closed) {
            throw new IOException("rank " + rank + ": the connections are closed");
        }
        expired = false;
        deadlineNanos = System.nanoTime() + deadline.toNanos();
        ScheduledFuture<?> alarm = watchdog.schedule(this::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return call.call();
        } catch (DeadlockException e) {
            throw e;
        } catch (IOException e) {
            if (expired) {
                throw new DeadlineException("rank " + rank + ": " + what + " did not finish within "
                        + deadline.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            alarm.cancel(false);
            deadlineNanos = Long.MAX_VALUE;
        }
    }

    private void expire() {
        expired = true;
        closeLinks();
    }

    private Link link(int r) {
        if (r < 0 || r >= size || r == rank) {
            throw new IllegalArgumentException("rank " + rank + " has no link to rank " + r + " (size " + size + ")");
        }
        return links[r];
    }

    /** Rank 0's next command (members only), or null when rank 0 says goodbye or is gone. */
    dev.parbench.remote.Frame.Result nextCommand() throws IOException {
        return link(0).recvCommand();
    }

    /** Tells rank {@code r} why this rank fails (best effort). */
    void error(int r, String message) {
        try {
            link(r).sendError(message);
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone already
        }
    }

    /** Says goodbye to rank {@code r} (best effort). */
    void bye(int r) {
        try {
            link(r).sendBye();
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone already
        }
    }

    boolean closed() {
        return closed;
    }

    private void closeLinks() {
        closed = true;
        for (Link l : links) {
            if (l != null) {
                l.close();
            }
        }
    }

    /** The threads this rank started (watchdog, sender), for leak checks. */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Closes every connection and stops this rank's threads (waits at most a second for each). */
    @Override
    public void close() {
        closeLinks();
        watchdog.shutdownNow();
        sender.shutdownNow();
        try {
            watchdog.awaitTermination(1, TimeUnit.SECONDS);
            sender.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
