package dev.parbench.remote;

import dev.parbench.workload.MonteCarlo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping one worker JVM, timed: {@link #arm()} starts a {@code --stdio} worker (as the process pool does) and waits
 * until it is ready, and, for {@link WorkerState#BUSY}, sends it a long request ({@link #BUSY_TASK}) and waits
 * {@link #BUSY_LEAD} so that it is computing; {@link #stop()} asks it to stop the {@link StopKind} way and waits,
 * at most {@code deadline}, until the process has exited (reaped by the JDK's process reaper): the time it returns
 * runs from just before the signal or message to the observed exit. A worker still alive at the deadline is reported
 * ({@link Outcome#stopped()} false, the time is the deadline), never waited for longer; {@link #settle()} then kills
 * it. Everything around the stop (the JVM start, the checks, the clean-up) is outside {@link #stop()}.
 *
 * <p>Each stop checks itself in {@link #settle()}: the exit code says how the worker ended (143 after SIGTERM, 137
 * after SIGKILL, 0 after the stop message); a busy worker stopped by a signal failed its request with an error naming
 * its pid, and one stopped by the message first answered its request (that is what cooperative means here: the
 * worker reads its next message only between requests).
 *
 * <p>No process outlives {@link #settle()} or {@link #close()}: the link is closed (bounded) and the process killed
 * if alive and waited for ({@link WorkerProcesses#stop}); the worker also exits when this JVM does
 * ({@code --parent-pid}), and the shutdown hook of {@link WorkerProcesses} kills any left.
 *
 * <p>Memory consistency: the busy request's reply is decoded by the link's reader thread and handed over through its
 * CompletableFuture (complete / get); the exit status comes from {@link Process#waitFor(long, TimeUnit)}, which
 * happens-after the reaper recorded it.
 */
public final class WorkerStop implements AutoCloseable {
    /** The busy worker's request: Monte Carlo over this many points, one worker, about 0.2-0.7 s of one core. */
    public static final int BUSY_POINTS = 1 << 25;
    /** The busy request as it travels (nothing but the size and seed). */
    static final RemoteTask BUSY_TASK = busyTask();
    /** How long after sending the busy request the stop comes (the request must still be unanswered then). */
    public static final Duration BUSY_LEAD = Duration.ofMillis(50);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** How long settle() waits for a busy request's failure after its worker was killed. */
    private static final Duration NOTICE = Duration.ofSeconds(2);
    private static final long BUSY_REQUEST = 1;

    /** One stop: time from the signal or message to the exit (the deadline if none), and whether it exited. */
    public record Outcome(long nanos, boolean stopped) {
    }

    private final StopKind kind;
    private final WorkerState state;
    private final Duration deadline;
    private Process process;
    private WorkerLink link;
    private CompletableFuture<Frame.Result> busy;
    private CompletableFuture<Void> bye;
    private Outcome outcome;

    public WorkerStop(StopKind kind, WorkerState state, Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the stop deadline must be positive, got " + deadline);
        }
        this.kind = kind;
        this.state = state;
        this.deadline = deadline;
    }

    private static RemoteTask busyTask() {
        MonteCarlo mc = new MonteCarlo();
        MonteCarlo.Input in = mc.prepare(BUSY_POINTS, 1);
        return RemoteTask.of(mc, in, 0, Math.ceilDiv(BUSY_POINTS, MonteCarlo.BLOCK));
    }

    /** Starts a worker JVM and brings it to the state (clean-up of the previous one first). */
    public void arm() {
        settle();
        try {
            Pipes.Piped piped = WorkerProcesses.startPiped(List.of("--stdio"));
            process = piped.process();
            link = ProcessPoolStrategy.pipeLink(piped);
            link.awaitReady(READY_TIMEOUT);
            if (state == WorkerState.BUSY) {
                busy = link.send(BUSY_REQUEST, new Frame.Run(BUSY_REQUEST, BUSY_TASK, Frame.Data.NONE));
                Thread.sleep(BUSY_LEAD.toMillis());
                if (busy.isDone()) {
                    throw new IllegalStateException("kill " + kind + " busy: the busy request of " + link.name()
                            + " ended within " + BUSY_LEAD.toMillis() + " ms (" + describe(busy)
                            + "); the worker would not be mid-operation");
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            cleanUp();
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("kill " + kind + " " + state + ": could not start a worker: " + e, e);
        }
    }

    /** Asks the worker to stop and waits, at most the deadline, for its exit: the measured part. */
    public Outcome stop() {
        if (process == null || outcome != null) {
            throw new IllegalStateException("stop() without arm()");
        }
        long start = System.nanoTime();
        switch (kind) {
            case DESTROY -> process.destroy();
            case DESTROY_FORCIBLY -> process.destroyForcibly();
            case COOPERATIVE -> bye = link.bye();
        }
        boolean exited;
        try {
            exited = process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        long nanos = exited ? System.nanoTime() - start : deadline.toNanos();
        outcome = new Outcome(nanos, exited);
        return outcome;
    }

    /** The pid of the current worker (for tests), or -1. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * Checks the last stop (exit code, the busy request's fate), then closes the link and makes sure the worker is
     * gone. Untimed; a no-op if nothing is armed.
     */
    public void settle() {
        if (process == null) {
            return;
        }
        try {
            if (outcome != null && outcome.stopped()) {
                check();
            }
        } finally {
            cleanUp();
        }
    }

    private void check() {
        int code = process.exitValue();
        int expected = switch (kind) {
            case DESTROY -> 143;
            case DESTROY_FORCIBLY -> 137;
            case COOPERATIVE -> 0;
        };
        if (code != expected) {
            throw new IllegalStateException("kill " + kind + " " + state + ": worker pid " + process.pid()
                    + " exited with " + code + ", expected " + expected);
        }
        if (bye != null && bye.isCompletedExceptionally()) {
            throw new IllegalStateException("kill " + kind + ": the stop message was not sent: " + describe(bye));
        }
        if (busy == null) {
            return;
        }
        try {
            Frame.Result r = busy.get(NOTICE.toMillis(), TimeUnit.MILLISECONDS);
            if (kind != StopKind.COOPERATIVE) {
                throw new IllegalStateException("kill " + kind + " busy: the request was answered before the exit");
            }
            if (r.partial() <= 0 || r.partial() > BUSY_POINTS) {
                throw new IllegalStateException("kill cooperative busy: a wrong answer " + r.partial());
            }
        } catch (ExecutionException e) {
            if (kind == StopKind.COOPERATIVE) {
                throw new IllegalStateException("kill cooperative busy: the request failed: " + e.getCause(), e);
            }
            if (!String.valueOf(e.getCause().getMessage()).contains("pid " + process.pid())) {
                throw new IllegalStateException("kill " + kind + " busy: the failure does not name the worker: "
                        + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("kill " + kind + " busy: worker pid " + process.pid() + " exited but "
                    + "its request did not end within " + NOTICE.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cleanUp() {
        Process p = process;
        WorkerLink l = link;
        process = null;
        link = null;
        busy = null;
        bye = null;
        outcome = null;
        if (l != null) {
            l.close(); // bounded whatever the worker does
        }
        if (p != null) {
            WorkerProcesses.stop(p, Duration.ZERO); // kills it if alive, waits (bounded) until it is gone
        }
    }

    private static String describe(CompletableFuture<?> f) {
        try {
            return "answered " + f.getNow(null);
        } catch (RuntimeException e) {
            return "failed: " + (e.getCause() == null ? e : e.getCause()).getMessage();
        }
    }

    @Override
    public void close() {
        settle();
    }
}
