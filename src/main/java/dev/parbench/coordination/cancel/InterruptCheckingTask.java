package dev.parbench.coordination.cancel;

import java.util.concurrent.Callable;

/**
 * {@code checks-interrupt}: a busy loop that tests {@code Thread.currentThread().isInterrupted()} on every pass and
 * returns when it is set. {@code Future.cancel(true)} interrupts the thread running the task, so the task stops at
 * its next check: cancellation in Java is cooperative, and this is the cooperating kind. Every 1024 passes it calls
 * {@code Thread.yield()}, so that more such tasks than carrier threads all get to run on virtual threads (which are
 * not time-sliced); yielding is not an interruption check. It starts with the other tasks of its round
 * ({@link StopSignals#startTogether()}), so every task is running, or runnable, when the cancellation comes.
 *
 * <p>Memory consistency: {@code interrupt()} happens-before the interrupted thread sees its interrupt status
 * (JLS 17.4.4: a thread interrupting another synchronizes-with the point where the other detects it).
 */
public final class InterruptCheckingTask implements Callable<Long> {
    private final StopSignals signals;

    public InterruptCheckingTask(StopSignals signals) {
        this.signals = signals;
    }

    @Override
    public Long call() {
        long x = 1;
        try {
            signals.startTogether();
        } catch (InterruptedException e) {
            return x; // cancelled before the loop began: it stops, as it should
        }
        long passes = 0;
        while (!Thread.currentThread().isInterrupted()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (++passes % 1024 == 0) {
                Thread.yield();
            }
        }
        return x;
    }
}
