package dev.parbench.coordination.cancel;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a cancellable task tells the harness: {@link #started()} when its body begins, and the harness's own kill
 * switch {@link #abandoned()}: set only after the measurement, read only by the task that ignores interruption, so
 * that no spinning thread outlives its run. It is not a cancellation mechanism the measured task may use.
 */
public final class StopSignals {
    private final CountDownLatch started;
    private volatile boolean abandoned;

    private final Duration startTimeout;

    /** For a round of {@code tasks} tasks; {@link #startTogether()} waits at most {@code startTimeout}. */
    public StopSignals(int tasks, Duration startTimeout) {
        this.started = new CountDownLatch(tasks);
        this.startTimeout = startTimeout;
    }

    /** Called by a task as its first action. */
    public void started() {
        started.countDown();
    }

    /**
     * Called by a busy task as its first action: counts itself started, then waits (bounded) until every task of the
     * round has started. Without this gate, on virtual threads the first tasks to be mounted spin on both carriers
     * and the ones still waiting in the scheduler's submission queue never start (virtual threads are not
     * time-sliced, and a yielding one may be picked again first): the harness then waits for a start that cannot
     * happen. Waiting here unmounts each virtual thread, so all of them get a carrier once.
     *
     * @throws InterruptedException if the task is cancelled while it waits (the caller decides what that means)
     */
    public void startTogether() throws InterruptedException {
        started.countDown();
        if (!started.await(startTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("not every task started within " + startTimeout.toMillis() + " ms");
        }
    }

    public boolean allStarted() {
        return started.getCount() == 0;
    }

    /** The harness gives up on the tasks that did not stop. */
    public void abandon() {
        abandoned = true;
    }

    public boolean abandoned() {
        return abandoned;
    }
}
