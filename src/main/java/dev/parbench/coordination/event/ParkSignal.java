package dev.parbench.coordination.event;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code park-unpark}: the primitive under every {@code java.util.concurrent} synchronizer. The waiter parks until a
 * volatile flag is set; the firer sets the flag and unparks the waiter thread, which it must know by name (the
 * signal is made for one given thread). {@code park} may return for no reason, and an {@code unpark} that comes
 * before the {@code park} is remembered (one permit), so the waiter loops on the flag and never misses the signal.
 *
 * <p>Memory consistency: {@code park}/{@code unpark} by themselves give no happens-before edge; the volatile flag
 * does: the firer's write of {@code fired} happens-before the waiter's read that sees it (synchronization order).
 */
public final class ParkSignal implements WakeSignal {
    private final Thread waiter;
    private volatile boolean fired;

    public ParkSignal(Thread waiter) {
        this.waiter = waiter;
    }

    @Override
    public void await(long timeoutNanos) throws InterruptedException, TimeoutException {
        if (Thread.currentThread() != waiter) {
            throw new IllegalStateException("this signal was made for " + waiter.getName());
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!fired) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("not unparked in time");
            }
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void fire() {
        fired = true;
        LockSupport.unpark(waiter);
    }
}
