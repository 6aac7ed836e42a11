package dev.parbench.remote;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;

/**
 * Starting a worker JVM for other packages (the channels): {@code Main worker <args>} launched exactly as the process
 * models launch theirs ({@link WorkerProcesses}: same flags, {@code --parent-pid}, stderr forwarded, killed by the
 * shutdown hook if still alive), its stdin and stdout on {@link Pipes}.
 */
public final class ChildJvm {
    /** A started child: its process, this side's end of its stdout ({@code in}) and of its stdin ({@code out}). */
    public record Started(Process process, ReadableByteChannel in, WritableByteChannel out, boolean namedPipes) {
    }

    private ChildJvm() {
    }

    public static Started start(List<String> workerArgs) throws IOException {
        Pipes.Piped p = WorkerProcesses.startPiped(workerArgs);
        return new Started(p.process(), p.in(), p.out(), p.named());
    }

    /** Waits up to {@code grace} for the child to exit, then kills it; returns when it is gone (at most ~10 s more). */
    public static void stop(Process p, Duration grace) {
        WorkerProcesses.stop(p, grace);
    }

    /** "pid N exited with code X" or "pid N still running" (waits up to 300 ms for an exit in progress). */
    public static String describe(Process p) {
        return WorkerProcesses.describe(p);
    }
}
