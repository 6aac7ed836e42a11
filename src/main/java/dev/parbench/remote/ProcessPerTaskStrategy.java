package dev.parbench.remote;

import dev.parbench.strategy.StrategyKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code process-per-task}: every task of every operation starts a fresh worker JVM, sends it its block range with
 * the input slice over stdin, reads the partial result from stdout and waits for the JVM to exit (Python's one
 * {@code Process} per task). The JVM start (tens of milliseconds), its class loading and its cold, interpreted code
 * are all inside the measured operation: that is this model's cost, and the reason it only pays for long tasks.
 *
 * <p>Memory consistency: see {@link RemoteStrategy}.
 */
public final class ProcessPerTaskStrategy extends RemoteStrategy {
    private final List<Process> running = new ArrayList<>();

    public ProcessPerTaskStrategy(int parallelism) {
        super(StrategyKind.PROCESS_PER_TASK, parallelism, false);
    }

    @Override
    List<WorkerLink> links(int n) throws IOException {
        List<WorkerLink> links = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Pipes.Piped p = WorkerProcesses.startPiped(List.of("--stdio"));
            running.add(p.process());
            links.add(ProcessPoolStrategy.pipeLink(p));
        }
        for (WorkerLink l : links) {
            try {
                l.awaitReady(Duration.ofSeconds(60));
            } catch (IOException e) {
                done(links);
                throw e;
            }
        }
        return links;
    }

    /**
     * After a good operation the workers got their BYE and exit by themselves (2 s grace). After a failed one (a link
     * failed: a worker died or missed the deadline) the others are killed at once: their work is lost anyway, and
     * waiting for a worker still computing would hold the operation's error back by the grace.
     */
    @Override
    void done(List<WorkerLink> used) {
        boolean failed = used.stream().anyMatch(l -> !l.alive());
        if (failed) {
            running.forEach(WorkerProcesses::kill);
        }
        WorkerLink.closeAll(used);
        WorkerProcesses.stopAll(running, failed ? Duration.ZERO : Duration.ofSeconds(2));
        running.clear();
    }

    @Override
    public void close() {
        WorkerProcesses.stopAll(running, Duration.ZERO);
        running.clear();
    }
}
