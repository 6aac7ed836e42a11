package dev.parbench.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Starting and stopping worker JVMs from outside this package (the message-passing ranks): the same launch as the
 * process models ({@link WorkerProcesses}: this JVM's java, flags and class path, {@code Main worker <args>
 * --parent-pid <this pid>}, stderr forwarded, a shutdown hook that kills what is still alive).
 */
public final class WorkerJvms {
    private WorkerJvms() {
    }

    /** Starts {@code Main worker <args>}; its stdin and stdout stay piped to the caller. */
    public static Process start(List<String> workerArgs) throws IOException {
        return WorkerProcesses.start(workerArgs);
    }

    /** Waits up to {@code grace} in all for the workers to exit, then kills the rest (and waits at most 10 s). */
    public static void stopAll(List<Process> processes, Duration grace) {
        WorkerProcesses.stopAll(processes, grace);
    }

    /** "pid N exited with code X" or "pid N still running". */
    public static String describe(Process p) {
        return WorkerProcesses.describe(p);
    }
}
