package dev.parbench.coordination.counter;

import java.util.concurrent.locks.StampedLock;

/**
 * {@code stamped}: a {@link StampedLock}. Writers take the write lock; readers first try an <em>optimistic read</em>:
 * take a stamp without locking, read the field, then {@code validate(stamp)}; only if a writer got in between do they
 * retry under the read lock. Optimistic reads cost readers no write to shared memory, so they do not slow writers.
 *
 * <p>Memory consistency: {@code unlockWrite} happens-before a later acquisition in any mode, so writers see each
 * other's increments. For the optimistic read, {@code validate} (which has an acquire fence) returns true only if
 * no write lock was taken since the stamp was issued: then the value read is the one the last {@code unlockWrite}
 * published; otherwise the read is repeated under the read lock, which is ordered like any lock acquisition.
 */
public final class StampedCounter implements SharedCounter {
    private final StampedLock lock = new StampedLock();
    private long count;

    @Override
    public void increment() {
        long stamp = lock.writeLock();
        try {
            count++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public long get() {
        long stamp = lock.tryOptimisticRead();
        long value = count;
        if (lock.validate(stamp)) {
            return value;
        }
        stamp = lock.readLock();
        try {
            return count;
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
