package dev.parbench.coordination.cancel;

import java.util.concurrent.Callable;

/**
 * {@code blocks}: a task blocked in an interruptible call ({@code Thread.sleep} in a loop). It checks nothing itself:
 * the blocking call is the interruption point; {@code Future.cancel(true)} interrupts the thread, the sleep throws
 * InterruptedException and the task ends. On a virtual thread the interrupt unparks it and it must first be
 * mounted again on a carrier.
 *
 * <p>Memory consistency: {@code interrupt()} happens-before the interrupted thread detects it (JLS 17.4.4); here it
 * is detected by the sleep, which throws.
 */
public final class BlockingTask implements Callable<Long> {
    private final StopSignals signals;

    public BlockingTask(StopSignals signals) {
        this.signals = signals;
    }

    @Override
    public Long call() throws InterruptedException {
        signals.started();
        while (true) {
            Thread.sleep(50); // only the interrupt ends this task
        }
    }
}
