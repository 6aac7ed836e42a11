package dev.parbench.coordination.semaphore;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;

/**
 * A resource kept busy: N worker threads run acquire-use-release cycles on one {@link GuardedResource} without pause
 * from {@link #start()} until {@link #close()}, and the caller (the JMH thread) runs one more cycle per
 * {@link #cycle} as one contender among N + 1. The time of that cycle, sampled many times, is the wait distribution
 * a contender sees: with a fair semaphore its tail is bounded by the queue ahead; with an unfair one a thread may
 * lose the race again and again. Permits: {@link SemaphoreBatch#permitsFor max(1, workers / 2)}.
 *
 * <p>The caller is always a platform thread; the {@code threads} kind applies to the N background contenders. Each
 * contender pauses {@link #THINK_NANOS} outside the resource between its cycles (as real work between two uses
 * would): without it, an unfair semaphore lets a releasing virtual thread re-acquire at once, every time, and the
 * caller starved for a whole minute (seen with 4 virtual contenders on 2 cores). The unfair tail is still there.
 *
 * <p>Memory consistency of the harness: {@code stop} is volatile, so the contenders see it at their next check;
 * the caller reads their outcome only after {@code Crew.Round.await}.
 */
public final class SemaphoreContention implements AutoCloseable {
    /** A contender's pause between two cycles, outside the resource. */
    static final long THINK_NANOS = 2_000;

    private final GuardedResource resource;
    private final Crew crew;
    private final Duration timeout;
    private volatile boolean stop;
    private Crew.Round round;

    public SemaphoreContention(Fairness fairness, ThreadKind threads, int workers, Duration timeout) {
        this.resource = new GuardedResource(SemaphoreBatch.permitsFor(workers), fairness.fair());
        this.crew = new Crew(threads, workers, "parbench-semaphore-bg-" + fairness.id());
        this.timeout = timeout;
    }

    /** Starts the background contenders. */
    public void start() {
        stop = false;
        round = crew.start(i -> {
            while (!stop) {
                resource.cycle(timeout);
                java.util.concurrent.locks.LockSupport.parkNanos(THINK_NANOS);
            }
        });
    }

    /** One cycle by the caller, against the contenders; returns the nanoseconds it waited for its permit. */
    public long cycle() throws InterruptedException {
        return resource.cycle(timeout);
    }

    /** Stops the contenders and checks they ran cleanly and returned every permit. */
    public void stop() {
        if (round == null) {
            return;
        }
        stop = true;
        Crew.Round r = round;
        round = null;
        r.await(timeout.plus(timeout));
        if (resource.available() != resource.permits()) {
            throw new IllegalStateException("semaphore: " + resource.available() + " of " + resource.permits()
                    + " permits back after the contenders stopped");
        }
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            crew.close();
        }
    }
}
