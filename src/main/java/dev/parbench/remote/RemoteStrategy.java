package dev.parbench.remote;

import dev.parbench.strategy.BlockRange;
import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.PartitionedStrategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.strategy.Tracer;
import dev.parbench.workload.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the out-of-process models share: the ranges of {@link PartitionedStrategy}, range {@code k} handed to worker link {@code k}
 * (with its input slice, or — data-resident — by reference to a slice stored there earlier), wait for every partial
 * result with a deadline, add up. Output arrays (vector-add's {@code c}) are decoded by the link's reader straight
 * into the caller's array at the task's offset: no array is allocated or copied per operation. How the links come
 * to exist is the model ({@link #links}). A link abandoned after the deadline may still be writing into that array
 * while the failed operation returns: the operation has failed anyway, and the link is closed.
 *
 * <p>Faults: a persistent model replaces a failed link (and its worker) at the start of the next operation, so a
 * killed worker fails only the operation it was in. A data-resident model ships its input again to any link that
 * was not the one it stored it on. A link that misses the operation's deadline is abandoned (and so replaced).
 *
 * <p>Memory consistency: the partial results and output arrays are decoded by each link's reader thread (the output
 * into the caller's array) and handed over through {@code CompletableFuture.complete}/{@code get} (a happens-before
 * edge), so the caller sees every element the reader wrote.
 */
abstract class RemoteStrategy extends PartitionedStrategy {
    /** Per-operation deadline: {@code -Dparbench.remote.timeoutSeconds} (default 120). */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("parbench.remote.timeoutSeconds", 120));

    private final boolean resident;
    private final AtomicLong ids = new AtomicLong();
    private Object storedInput;
    private List<BlockRange> storedRanges;
    /** The links holding the stored dataset; a replaced link does not have it. */
    private List<WorkerLink> storedLinks = List.of();
    private long datasetId;
    /** Traced runs only: each link's clock offset, measured once per link (a link is a connection to one JVM). */
    private final Map<WorkerLink, WorkerLink.ClockOffset> offsets = new WeakHashMap<>();
    /** Clock pings per link; the one with the shortest round trip gives the offset. */
    static final int PINGS = 8;

    RemoteStrategy(StrategyKind kind, int parallelism, boolean resident) {
        super(kind, parallelism);
        this.resident = resident;
    }

    /**
     * The links to use for {@code n} ranges in this operation, all alive when returned: per-task models create them
     * here, persistent models replace those that failed since the last operation.
     */
    abstract List<WorkerLink> links(int n) throws IOException;

    /** Says what a replaced worker was replaced by (one line on stderr: a restart should not go unnoticed). */
    final void noteReplaced(String old, String replacement) {
        System.err.println("parbench: " + kind() + ": " + old + " had failed; replaced by " + replacement);
    }

    /** Called after an operation with the links it used (per-task models close them here). */
    void done(List<WorkerLink> used) {
    }

    @Override
    protected final <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        Tracer trace = tracer;
        boolean tracing = trace.on();
        if (tracing) {
            for (int k = 0; k < ranges.size(); k++) {
                trace.mark(k, Tracer.Mark.CREATED);
            }
        }
        List<WorkerLink> links;
        try {
            links = links(ranges.size());
        } catch (IOException e) {
            throw new IllegalStateException(kind() + ": could not reach its workers: " + e.getMessage(), e);
        }
        CostCounters.linksUsed(links.size());
        Map<Long, Integer> taskOf = tracing ? new ConcurrentHashMap<>() : null;
        try {
            if (tracing) {
                for (int k = 0; k < ranges.size(); k++) {
                    trace.mark(k, Tracer.Mark.READY);
                }
                calibrate(links, trace, taskOf);
            }
            List<RemoteTask> tasks = new ArrayList<>(ranges.size());
            for (BlockRange r : ranges) {
                tasks.add(RemoteTask.of(workload, input, r.from(), r.to()));
            }
            if (resident && (storedInput != input || !ranges.equals(storedRanges) || !sameLinks(links))) {
                long dataset = ++datasetId;
                storedInput = null; // until every worker has acknowledged the new dataset
                prepareDataset(input, tasks);
                List<CompletableFuture<Frame.Result>> acks = new ArrayList<>();
                for (int k = 0; k < tasks.size(); k++) {
                    long id = ids.incrementAndGet();
                    acks.add(links.get(k).send(id, storeFrame(id, dataset, tasks.get(k), input)));
                }
                await(acks, links);
                storedInput = input;
                storedRanges = ranges;
                storedLinks = List.copyOf(links);
            }
            List<CompletableFuture<Frame.Result>> results = new ArrayList<>();
            List<Frame.Data> destinations = new ArrayList<>(tasks.size());
            for (int k = 0; k < tasks.size(); k++) {
                long id = ids.incrementAndGet();
                RemoteTask t = tasks.get(k);
                Frame request = resident ? new Frame.RunStored(id, datasetId) : new Frame.Run(id, t, t.slice(input));
                Frame.Data destination = outputDestination(t, input);
                destinations.add(destination);
                if (tracing) {
                    taskOf.put(id, k);
                }
                results.add(received(t, input, links.get(k).send(id, request, destination)));
            }
            List<Frame.Result> replies = await(results, links);
            long total = 0;
            for (int k = 0; k < replies.size(); k++) {
                applyOutput(tasks.get(k), input, replies.get(k), destinations.get(k));
                total = workload.combine(total, replies.get(k).partial());
                if (tracing) {
                    trace.mark(k, Tracer.Mark.JOINED);
                }
            }
            return total;
        } finally {
            if (tracing) {
                links.forEach(l -> l.traceTo(null));
            }
            done(links);
        }
    }

    /**
     * Traced runs: measures the clock offset of every link not measured yet ({@link WorkerLink#ping}, which also
     * makes its worker trace) and routes each link's TRACE frames and RESULT arrivals to {@code trace}, as moments
     * of task {@code taskOf.get(requestId)} on the master's clock.
     */
    private void calibrate(List<WorkerLink> links, Tracer trace, Map<Long, Integer> taskOf) {
        for (WorkerLink l : links) {
            WorkerLink.ClockOffset off = offsets.get(l);
            if (off == null) {
                try {
                    off = l.ping(PINGS, Duration.ofSeconds(10));
                } catch (IOException e) {
                    throw new IllegalStateException(kind() + ": clock ping failed: " + e.getMessage(), e);
                }
                offsets.put(l, off);
            }
            WorkerLink.ClockOffset o = off;
            l.traceTo(new WorkerLink.TraceSink() {
                @Override
                public void worker(Frame.Trace t) {
                    Integer k = taskOf.get(t.requestId());
                    if (k != null) {
                        trace.at(k, Tracer.Mark.STARTED, o.toMaster(t.received()), l.name(), o.uncertaintyNanos());
                        trace.at(k, Tracer.Mark.GOT_DATA, o.toMaster(t.decoded()), l.name(), o.uncertaintyNanos());
                        trace.at(k, Tracer.Mark.COMPUTED, o.toMaster(t.computed()), l.name(), o.uncertaintyNanos());
                    }
                }

                @Override
                public void returned(long requestId, long nanos) {
                    Integer k = taskOf.get(requestId);
                    if (k != null) {
                        trace.at(k, Tracer.Mark.RETURNED, nanos, null, 0);
                    }
                }
            });
        }
    }

    /**
     * Data-resident models, before a new dataset is stored: whatever the store frames need (the shared-memory model
     * writes the input into its files here). Default: nothing.
     */
    void prepareDataset(Object input, List<RemoteTask> tasks) {
    }

    /** The frame that stores task {@code task}'s input as {@code dataset}. Default: its slice travels. */
    Frame storeFrame(long requestId, long dataset, RemoteTask task, Object input) {
        return new Frame.Store(requestId, dataset, task, task.slice(input));
    }

    /** Where a RESULT's output arrays are decoded (default: straight into the caller's output array). */
    Frame.Data outputDestination(RemoteTask task, Object input) {
        return task.outputDestination(input);
    }

    /**
     * What becomes of a task's reply future: a model may chain work that runs on the link's reader thread as the
     * RESULT arrives (default: nothing).
     */
    CompletableFuture<Frame.Result> received(RemoteTask task, Object input, CompletableFuture<Frame.Result> reply) {
        return reply;
    }

    /** Puts a RESULT's output where the in-JVM models write it (default: unless it was decoded there already). */
    void applyOutput(RemoteTask task, Object input, Frame.Result reply, Frame.Data destination) {
        task.applyOutput(input, reply.data(), destination);
    }

    /** Whether {@code links} are, one for one, the very links the stored dataset was sent to. */
    private boolean sameLinks(List<WorkerLink> links) {
        if (links.size() != storedLinks.size()) {
            return false;
        }
        for (int k = 0; k < links.size(); k++) {
            if (links.get(k) != storedLinks.get(k)) {
                return false;
            }
        }
        return true;
    }

    private List<Frame.Result> await(List<CompletableFuture<Frame.Result>> futures, List<WorkerLink> links) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Frame.Result> out = new ArrayList<>(futures.size());
        // fail fast: the first failure of any worker ends the operation, whichever finishes first
        CompletableFuture<Object> anyFailure = new CompletableFuture<>();
        futures.forEach(f -> f.whenComplete((r, e) -> {
            if (e != null) {
                anyFailure.completeExceptionally(e);
            }
        }));
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, anyFailure).get(Math.max(1, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            for (CompletableFuture<Frame.Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (TimeoutException e) {
            List<String> late = new ArrayList<>();
            for (int k = 0; k < futures.size(); k++) {
                if (!futures.get(k).isDone()) {
                    late.add(links.get(k).name());
                    links.get(k).abandon("no answer within " + TIMEOUT.toSeconds() + " s");
                }
            }
            throw new IllegalStateException(kind() + ": no answer within " + TIMEOUT.toSeconds() + " s from " + late
                    + " (-Dparbench.remote.timeoutSeconds)");
        } catch (ExecutionException e) {
            throw new IllegalStateException(kind() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(kind() + ": interrupted", e);
        }
    }
}
