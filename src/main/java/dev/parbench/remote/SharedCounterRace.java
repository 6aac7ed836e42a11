package dev.parbench.remote;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The textbook shared value between processes ({@code shared-counter} family): N worker JVMs (started once, fed
 * over their pipes as the process pool's are) add to one {@code long} counter in a shared-memory file
 * ({@link SharedFiles}, owner-only, removed on {@link #close()} and by the shutdown hook). One run zeroes the
 * counter, sends every worker its share of the increments ({@link Frame.Count}), waits (bounded) for every RESULT
 * and reads the counter: {@code atomic} must hold exactly the increments made, {@code racy} may lose updates
 * (reported, never more than made). The worker side is {@link SharedCounterWork}.
 *
 * <p>Memory consistency: see {@link SharedCounterWork}; the master zeroes the counter before it writes the COUNT
 * frames and reads it after every RESULT has been read from the pipes.
 */
public final class SharedCounterRace implements AutoCloseable {
    /** The counter file: the counter and the start line, on separate cache lines. */
    static final int FILE_BYTES = 128;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** What one run did: {@code updates} increments were made, the counter ended at {@code counted}. */
    public record Result(long updates, long counted) {
        /** Increments that left no trace: 0 for {@code atomic}. */
        public long lost() {
            return updates - counted;
        }
    }

    private final boolean atomic;
    private final long increments;
    private final List<Process> processes = new ArrayList<>();
    private final List<WorkerLink> links = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private Path file;
    private MappedByteBuffer counter;

    /** {@code variant}: {@code atomic} or {@code racy}; starts {@code workers} worker JVMs. */
    public SharedCounterRace(String variant, int workers, long increments) {
        this.atomic = switch (variant) {
            case "atomic" -> true;
            case "racy" -> false;
            default -> throw new IllegalArgumentException("unknown shared-counter variant '" + variant
                    + "'; known: atomic, racy");
        };
        if (workers < 1 || increments < workers) {
            throw new IllegalArgumentException("need at least one worker and one increment per worker");
        }
        this.increments = increments;
        try {
            file = SharedFiles.create("counter");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                counter = ch.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
            }
            for (int i = 0; i < workers; i++) {
                Pipes.Piped p = WorkerProcesses.startPiped(List.of("--stdio"));
                processes.add(p.process());
                links.add(ProcessPoolStrategy.pipeLink(p));
            }
            for (WorkerLink l : links) {
                l.awaitReady(READY_TIMEOUT);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("shared-counter: could not start: " + e.getMessage(), e);
        }
    }

    public int workers() {
        return links.size();
    }

    /** One run; throws IllegalStateException if the count is impossible, atomic lost one, or a worker failed. */
    public Result run(Duration timeout) {
        SharedCounterWork.LONGS.setVolatile(counter, SharedCounterWork.COUNTER, 0L);
        SharedCounterWork.LONGS.setVolatile(counter, SharedCounterWork.ARRIVED, 0L);
        String name = file.getFileName().toString();
        int n = links.size();
        List<CompletableFuture<Frame.Result>> replies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long id = ids.incrementAndGet();
            long mine = increments / n + (i < increments % n ? 1 : 0);
            replies.add(links.get(i).send(id, new Frame.Count(id, name, mine, n, atomic)));
        }
        long made = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (CompletableFuture<Frame.Result> f : replies) {
                made += f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).partial();
            }
        } catch (TimeoutException e) {
            links.forEach(l -> l.abandon("no answer within " + timeout.toSeconds() + " s"));
            throw new IllegalStateException("shared-counter: no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("shared-counter: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("shared-counter: interrupted", e);
        }
        long counted = (long) SharedCounterWork.LONGS.getVolatile(counter, SharedCounterWork.COUNTER);
        if (made != increments || counted > increments || counted < 0) {
            throw new IllegalStateException("shared-counter: counted " + counted + " of " + made + " increments ("
                    + increments + " asked)");
        }
        if (atomic && counted != increments) {
            throw new IllegalStateException("shared-counter atomic lost " + (increments - counted) + " of "
                    + increments + " updates");
        }
        return new Result(made, counted);
    }

    /** Stops the workers (bounded) and deletes the counter file. Idempotent. */
    @Override
    public void close() {
        WorkerLink.closeAll(links);
        WorkerProcesses.stopAll(processes, Duration.ofSeconds(2));
        links.clear();
        processes.clear();
        if (file != null) {
            SharedFiles.delete(file);
            file = null;
        }
        counter = null;
    }
}
