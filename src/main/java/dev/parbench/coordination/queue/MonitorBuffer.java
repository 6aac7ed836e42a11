package dev.parbench.coordination.queue;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code monitor}: the textbook bounded buffer, written out: a ring array, one {@link ReentrantLock}, and two
 * {@link Condition}s: producers wait on {@code notFull}, consumers on {@code notEmpty}. Every wait is a loop
 * ({@code while}, never {@code if}): a waiter re-checks after waking, because another thread may have got there
 * first and wake-ups may be spurious. A put signals {@code notEmpty}, a take signals {@code notFull}: one waiter
 * each, since one item or one slot can only serve one.
 *
 * <p>Memory consistency: every access to the array and the counters happens with the lock held, and
 * {@code unlock()} happens-before the next {@code lock()} (also the re-acquisition inside {@code awaitNanos}), so a
 * consumer sees the slot the producer wrote.
 */
public final class MonitorBuffer<T> implements Channel<T> {
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int count;

    public MonitorBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.items = new Object[capacity];
    }

    @Override
    public boolean offer(T item, long timeoutNanos) throws InterruptedException {
        long left = timeoutNanos;
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                if (left <= 0) {
                    return false;
                }
                left = notFull.awaitNanos(left);
            }
            items[(head + count) % items.length] = item;
            count++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public T poll(long timeoutNanos) throws InterruptedException {
        long left = timeoutNanos;
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            @SuppressWarnings("unchecked")
            T item = (T) items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count--;
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }
}
