package dev.parbench.coordination.queue;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code concurrent-linked}: a lock-free {@link ConcurrentLinkedQueue} (unbounded, so producers never wait) and a
 * consumer that, finding it empty, spins a little and then parks for a growing time (1 us doubling up to 100 us)
 * before looking again. Nobody wakes it: the producers do not know who is waiting. That is the trade-off this
 * variant shows: no lock and no wake-up call on the fast path, but an item that arrives while the consumer sleeps
 * waits out the sleep (and the OS rounds short parks up to tens of microseconds).
 *
 * <p>Memory consistency: actions before {@code offer} happen-before actions after the {@code poll} that returns the
 * item ({@code ConcurrentLinkedQueue} memory-consistency rule: a volatile write of the node, read by the poller), so
 * the consumer sees the item as built.
 */
public final class ParkingChannel<T> implements Channel<T> {
    private static final int SPINS = 64;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 100_000;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();

    @Override
    public boolean offer(T item, long timeoutNanos) {
        return queue.offer(item);
    }

    @Override
    public T poll(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        long park = MIN_PARK_NANOS;
        for (int spins = 0; ; spins++) {
            T item = queue.poll();
            if (item != null) {
                return item;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, Math.min(park, left));
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
        }
    }
}
