package dev.parbench.coordination.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code reentrant-lock} and {@code reentrant-lock-fair}: a {@link ReentrantLock} around the increment and the read.
 * Unfair (the default) lets a thread that arrives just as the lock is released take it ahead of the queue (barging:
 * more throughput, no order); fair hands the lock to the longest waiter, so under contention every release is a
 * wake-up of a parked thread, which is why fair is much slower.
 *
 * <p>Memory consistency: {@code unlock()} happens-before a later successful {@code lock()} of the same lock
 * ({@link java.util.concurrent.locks.Lock} memory synchronization, same as a monitor), so each holder sees the
 * previous holder's write.
 */
public final class ReentrantLockCounter implements SharedCounter {
    private final ReentrantLock lock;
    private long count;

    public ReentrantLockCounter(boolean fair) {
        this.lock = new ReentrantLock(fair);
    }

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
