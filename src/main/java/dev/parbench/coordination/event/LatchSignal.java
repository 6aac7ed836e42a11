package dev.parbench.coordination.event;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code latch}: a {@link CountDownLatch} of one. The waiter parks inside the latch's queue; {@code countDown}
 * releases it (an unpark).
 *
 * <p>Memory consistency: actions before {@code countDown()} happen-before actions after a successful
 * {@code await()} ({@code CountDownLatch} spec).
 */
public final class LatchSignal implements WakeSignal {
    private final CountDownLatch latch = new CountDownLatch(1);

    @Override
    public void await(long timeoutNanos) throws InterruptedException, TimeoutException {
        if (!latch.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("latch not counted down in time");
        }
    }

    @Override
    public void fire() {
        latch.countDown();
    }
}
