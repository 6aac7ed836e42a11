package dev.parbench.coordination.event;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code wait-notify}: the oldest way: a flag guarded by an object's monitor; the waiter loops on
 * {@code wait} until the flag is set (a loop, because wake-ups may be spurious), the firer sets it and
 * {@code notifyAll}s while holding the monitor. The woken waiter must re-acquire the monitor before it returns.
 * On a virtual thread, {@code Object.wait} pins the carrier on JDK 21 to 23; from JDK 24 it does not.
 *
 * <p>Memory consistency: the flag is written and read with the monitor held; the firer's unlock happens-before the
 * waiter's re-lock on leaving {@code wait} (JLS 17.4.5), so the waiter sees {@code fired == true}.
 */
public final class MonitorSignal implements WakeSignal {
    private final Object monitor = new Object();
    private boolean fired;

    @Override
    public void await(long timeoutNanos) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (monitor) {
            while (!fired) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("not notified in time");
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    @Override
    public void fire() {
        synchronized (monitor) {
            fired = true;
            monitor.notifyAll();
        }
    }
}
