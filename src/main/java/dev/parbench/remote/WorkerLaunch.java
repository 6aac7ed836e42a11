package dev.parbench.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Starts one stdio worker JVM, waits until it is ready, says goodbye and waits for it to exit: a JVM's start alone. */
public final class WorkerLaunch {
    private WorkerLaunch() {
    }

    /** Returns the worker's pid (so the call has a result). */
    public static long startAndStop() throws IOException {
        Pipes.Piped piped = WorkerProcesses.startPiped(List.of("--stdio"));
        Process p = piped.process();
        try (WorkerLink link = ProcessPoolStrategy.pipeLink(piped)) {
            link.awaitReady(Duration.ofSeconds(60));
        } finally {
            WorkerProcesses.stop(p, Duration.ofSeconds(5));
        }
        return p.pid();
    }
}
