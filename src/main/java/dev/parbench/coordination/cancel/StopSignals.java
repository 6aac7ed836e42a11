package dev.parbench.coordination.cancel;

import java.util.concurrent.CountDownLatch;

/**
 * What a cancellable task tells the harness: {@link #started()} when its body begins, and the harness's own kill
 * switch {@link #abandoned()}: set only after the measurement, read only by the task that ignores interruption, so
 * that no spinning thread outlives its run. It is not a cancellation mechanism the measured task may use.
 */
public final class StopSignals {
    private final CountDownLatch started;
    private volatile boolean abandoned;

    public StopSignals(int tasks) {
        this.started = new CountDownLatch(tasks);
    }

    /** Called by a task as its first action. */
    public void started() {
        started.countDown();
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
