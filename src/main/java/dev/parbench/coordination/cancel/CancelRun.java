package dev.parbench.coordination.cancel;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.Deadline;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * N worker threads each run one cancellable task ({@link CancelKind}) wrapped in a {@link FutureTask};
 * {@link #cancel()} calls {@code cancel(true)} on all of them and spins until every task's body has returned, or
 * until {@code cap} passed: the time it returns is the time from cancellation to the last stop, capped. A task that
 * does not stop within the cap is counted in {@link Outcome#notStopped()}: for {@code spins} that is every task,
 * always, and the run checks it; the others must stop on their own (the next {@link #arm()} or {@link #close()}
 * waits for them, bounded, and throws if they did not). Only then is the kill switch pulled for the spinners.
 *
 * <p>{@link #arm()} starts the tasks and returns once every body has begun (and, for {@code blocks}, every worker
 * is blocked): what is measured is cancellation of running tasks, not of tasks still in a queue.
 *
 * <p>Memory consistency: the {@code stopped} count is an AtomicInteger each worker increments after its task
 * returned; the driver's read that sees N is ordered after all those returns (volatile semantics).
 */
public final class CancelRun implements AutoCloseable {
    /** What one cancellation did: time to the last stop (capped), tasks that stopped and that did not. */
    public record Outcome(long nanos, int stopped, int notStopped) {
    }

    private final CancelKind kind;
    private final Crew crew;
    private final Duration cap;
    private final Duration timeout;
    private StopSignals signals;
    private AtomicInteger stopped;
    private List<FutureTask<Long>> tasks;
    private Crew.Round round;

    public CancelRun(CancelKind kind, ThreadKind threads, int workers, Duration cap, Duration timeout) {
        this.kind = kind;
        this.cap = cap;
        this.timeout = timeout;
        this.crew = new Crew(threads, workers, "parbench-cancel-" + kind.id());
    }

    /** Starts one task per worker and returns once all are running. */
    public void arm() {
        settle();
        int n = crew.size();
        StopSignals s = new StopSignals(n, timeout);
        AtomicInteger done = new AtomicInteger();
        List<FutureTask<Long>> ts = IntStream.range(0, n)
                .mapToObj(i -> new FutureTask<>(kind.task(s))).toList();
        signals = s;
        stopped = done;
        tasks = ts;
        round = crew.start(i -> {
            ts.get(i).run();
            done.incrementAndGet();
        });
        Deadline d = Deadline.after(timeout);
        d.spinUntil(s::allStarted, kind + ": all " + n + " tasks starting");
        if (kind == CancelKind.BLOCKS) {
            d.spinUntil(() -> crew.threads().stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING),
                    kind + ": all " + n + " tasks blocking");
        }
    }

    /** Cancels every task with {@code cancel(true)} and waits (spinning, at most {@code cap}) for them to stop. */
    public Outcome cancel() {
        if (round == null) {
            throw new IllegalStateException("cancel() without arm()");
        }
        int n = tasks.size();
        long start = System.nanoTime();
        for (FutureTask<Long> t : tasks) {
            if (!t.cancel(true)) {
                throw new IllegalStateException(kind + ": a task had finished before it was cancelled");
            }
        }
        Deadline limit = Deadline.after(cap);
        while (stopped.get() < n && !limit.passed()) {
            Thread.onSpinWait();
        }
        long nanos = System.nanoTime() - start;
        int s = stopped.get();
        if (!kind.stopsOnCancel() && s != 0) {
            throw new IllegalStateException(kind + ": " + s + " tasks that ignore interruption stopped anyway");
        }
        return new Outcome(nanos, s, n - s);
    }

    /** Ends the current tasks (kill switch for the spinners) and checks every one ended, cancelled. */
    private void settle() {
        if (round == null) {
            return;
        }
        Crew.Round r = round;
        round = null;
        for (FutureTask<Long> t : tasks) {
            t.cancel(true); // no-op if cancel() ran; otherwise (armed only) cancel now
        }
        signals.abandon();
        r.await(timeout);
        for (FutureTask<Long> t : tasks) {
            if (!t.isCancelled()) {
                throw new IllegalStateException(kind + ": a task ended without being cancelled");
            }
        }
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        try {
            settle();
        } finally {
            crew.close();
        }
    }
}
