package dev.parbench.coordination.cancel;

import java.util.concurrent.Callable;

/**
 * {@code spins}: a busy loop that never checks interruption. {@code Future.cancel(true)} marks the future cancelled
 * and sets the thread's interrupt status, and nothing else happens: the task keeps running. That is the lesson, and
 * the benchmark reports it (it did not stop within the cap) rather than hanging. So that no thread outlives the run,
 * the loop also reads the harness's kill switch ({@link StopSignals#abandoned()}), which is set only after the
 * measurement. Like {@link InterruptCheckingTask} it yields every 1024 passes so virtual threads all get to run.
 *
 * <p>Memory consistency: the kill switch is volatile: the harness's write happens-before the loop's read that sees
 * it. The interrupt status is never read, so the interrupt creates no edge the task observes.
 */
public final class SpinningTask implements Callable<Long> {
    private final StopSignals signals;

    public SpinningTask(StopSignals signals) {
        this.signals = signals;
    }

    @Override
    public Long call() {
        long x = 1;
        try {
            signals.startTogether();
        } catch (InterruptedException e) {
            // the start gate is the only interruptible call here; the loop still ignores the interruption
        }
        long passes = 0;
        while (!signals.abandoned()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (++passes % 1024 == 0) {
                Thread.yield();
            }
        }
        return x;
    }
}
