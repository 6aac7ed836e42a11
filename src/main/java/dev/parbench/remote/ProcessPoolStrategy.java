package dev.parbench.remote;

import dev.parbench.strategy.StrategyKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code process-pool}: {@code parallelism} persistent worker JVMs, started once per trial, fed over their stdin and
 * read from their stdout (Python's {@code multiprocessing.Pool}). Each operation sends every worker its block range
 * with the input slice, and reads back the partial result (and vector-add's output slice): the data travels inside
 * the timed operation.
 *
 * <p>{@code process-pool-resident}: the same pool, but each worker keeps its input slice from the first operation
 * (in warm-up), so a timed operation only moves the request, the partial result and any output. Comparing the two
 * separates the cost of moving the input from the cost of computing.
 *
 * <p>Memory consistency: see {@link RemoteStrategy} (reader thread -> CompletableFuture -> caller).
 */
public final class ProcessPoolStrategy extends RemoteStrategy {
    private final List<Process> processes = new ArrayList<>();
    private final List<WorkerLink> links = new ArrayList<>();

    public ProcessPoolStrategy(int parallelism, boolean resident) {
        super(resident ? StrategyKind.PROCESS_POOL_RESIDENT : StrategyKind.PROCESS_POOL, parallelism, resident);
        try {
            for (int i = 0; i < parallelism; i++) {
                Process p = WorkerProcesses.start(List.of("--stdio"));
                processes.add(p);
                links.add(pipeLink(p));
            }
            for (WorkerLink l : links) {
                l.awaitReady(Duration.ofSeconds(60));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException(kind() + ": could not start its workers: " + e.getMessage(), e);
        }
    }

    /** A link over a worker process's stdin/stdout; closing it closes both pipes. */
    static WorkerLink pipeLink(Process p) {
        return new WorkerLink("worker pid " + p.pid(), Channels.newChannel(p.getInputStream()),
                flushing(p.getOutputStream()), () -> {
                    p.getOutputStream().close();
                    p.getInputStream().close();
                }, null, WireLimits.fromSystemProperties(), () -> WorkerProcesses.describe(p));
    }

    /**
     * A channel over a process's stdin that flushes every write: {@code Process.getOutputStream()} is buffered, and
     * a request left in that buffer would never reach the worker.
     */
    static WritableByteChannel flushing(OutputStream os) {
        WritableByteChannel ch = Channels.newChannel(os);
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = ch.write(src);
                os.flush();
                return n;
            }

            @Override
            public boolean isOpen() {
                return ch.isOpen();
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    @Override
    List<WorkerLink> links(int n) throws IOException {
        return firstAlive(links, n);
    }

    @Override
    public void close() {
        links.forEach(WorkerLink::close);
        processes.forEach(p -> WorkerProcesses.stop(p, Duration.ofSeconds(2)));
        links.clear();
        processes.clear();
    }
}
