package dev.parbench.remote;

import dev.parbench.strategy.StrategyKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code process-pool}: {@code parallelism} persistent worker JVMs, started once per trial, fed over their stdin and
 * read from their stdout (Python's {@code multiprocessing.Pool}); the pipes are named pipes read and written through
 * direct buffers where the platform has them ({@link Pipes}). Each operation sends every worker its block range
 * with the input slice, and reads back the partial result (and vector-add's output slice): the data travels inside
 * the timed operation.
 *
 * <p>{@code process-pool-resident}: the same pool, but each worker keeps its input slice from the first operation
 * (in warm-up), so a timed operation only moves the request, the partial result and any output. Comparing the two
 * separates the cost of moving the input from the cost of computing.
 *
 * <p>A worker that died (or was abandoned after the deadline) fails the operation it was in; the next operation
 * first replaces it with a fresh worker JVM, so the pool is full again.
 *
 * <p>Memory consistency: see {@link RemoteStrategy} (reader thread -> CompletableFuture -> caller).
 */
public class ProcessPoolStrategy extends RemoteStrategy {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final List<WorkerLink> links = new ArrayList<>();

    public ProcessPoolStrategy(int parallelism, boolean resident) {
        this(resident ? StrategyKind.PROCESS_POOL_RESIDENT : StrategyKind.PROCESS_POOL, parallelism, resident);
    }

    /** The pool for a model built on it ({@code shared-memory}: resident, its datasets mapped, not sent). */
    ProcessPoolStrategy(StrategyKind kind, int parallelism, boolean resident) {
        super(kind, parallelism, resident);
        try {
            for (int i = 0; i < parallelism; i++) {
                Pipes.Piped p = WorkerProcesses.startPiped(List.of("--stdio"));
                processes.add(p.process());
                links.add(pipeLink(p));
            }
            for (WorkerLink l : links) {
                l.awaitReady(READY_TIMEOUT);
            }
        } catch (IOException | RuntimeException e) {
            stopWorkers(); // not close(): a subclass is not initialised yet
            throw new IllegalStateException(kind() + ": could not start its workers: " + e.getMessage(), e);
        }
    }

    /**
     * A link over a worker process's stdin/stdout ({@link Pipes}); closing it closes both pipes, and if that does not
     * end it (a write stuck on a worker that does not read), the worker is killed.
     */
    static WorkerLink pipeLink(Pipes.Piped piped) {
        Process p = piped.process();
        return new WorkerLink("worker pid " + p.pid(), piped.in(), piped.out(), piped::closeChannels,
                () -> WorkerProcesses.kill(p), null, WireLimits.fromSystemProperties(),
                () -> WorkerProcesses.describe(p));
    }

    /** The first {@code n} workers; any that failed since the last operation are replaced first. */
    @Override
    List<WorkerLink> links(int n) throws IOException {
        List<Integer> dead = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!links.get(k).alive()) {
                dead.add(k);
            }
        }
        if (!dead.isEmpty()) {
            replace(dead);
        }
        return links.subList(0, n);
    }

    /** Closes the failed links, kills their workers, starts fresh ones in their places and waits until ready. */
    private void replace(List<Integer> dead) throws IOException {
        List<WorkerLink> oldLinks = dead.stream().map(links::get).toList();
        List<Process> oldProcesses = dead.stream().map(processes::get).toList();
        WorkerLink.closeAll(oldLinks);
        WorkerProcesses.stopAll(oldProcesses, Duration.ZERO);
        for (int k : dead) {
            Pipes.Piped p = WorkerProcesses.startPiped(List.of("--stdio")); // on failure the old, failed link stays
            processes.set(k, p.process());
            links.set(k, pipeLink(p));
        }
        for (int i = 0; i < dead.size(); i++) {
            WorkerLink l = links.get(dead.get(i));
            l.awaitReady(READY_TIMEOUT); // on failure the link stays failed: the next operation tries again
            noteReplaced(oldLinks.get(i).name(), l.name());
        }
    }

    @Override
    public void close() {
        stopWorkers();
    }

    private void stopWorkers() {
        WorkerLink.closeAll(links);
        WorkerProcesses.stopAll(processes, Duration.ofSeconds(2));
        links.clear();
        processes.clear();
    }
}
