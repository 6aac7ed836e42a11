package dev.parbench.remote;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a worker JVM is asked to stop: the {@code variant} parameter of KillBench.
 *
 * <ul>
 *   <li>{@code destroy}: {@link Process#destroy()}, SIGTERM on Unix. The JVM catches it, runs its shutdown hooks
 *       (every registered hook, in parallel, then finalization of the VM) and exits with 143: an orderly exit, at
 *       the cost of starting the hook threads and whatever they do; and HotSpot's exit waits up to 300 ms for threads
 *       blocked in native code to come to rest ({@code VM_Exit::wait_for_threads_in_native_to_block}): an idle worker's
 *       main thread is in a native read of its stdin, a busy one's is in Java code.</li>
 *   <li>{@code destroy-forcibly}: {@link Process#destroyForcibly()}, SIGKILL. The kernel ends the process; no code of
 *       the worker runs, no hook, nothing flushed. Exit code 137.</li>
 *   <li>{@code cooperative}: a stop message over the worker protocol (a BYE frame on its stdin). The worker reads it
 *       only between requests: an idle worker exits at once (return from its loop, System.exit(0), hooks), a busy
 *       one first finishes and answers the request it is computing.</li>
 * </ul>
 */
public enum StopKind {
    DESTROY("destroy"),
    DESTROY_FORCIBLY("destroy-forcibly"),
    COOPERATIVE("cooperative");

    private final String id;

    StopKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static StopKind fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stop variant '" + id + "'; known: "
                        + Arrays.stream(values()).map(StopKind::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
