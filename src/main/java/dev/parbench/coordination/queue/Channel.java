package dev.parbench.coordination.queue;

/**
 * A channel from producers to consumers. Both ends wait at most the given time: {@code offer} returns false and
 * {@code poll} returns null when it passed, so a stuck run fails instead of hanging.
 */
public interface Channel<T> {
    /** Puts {@code item}, waiting for room at most {@code timeoutNanos}; false if there was none in time. */
    boolean offer(T item, long timeoutNanos) throws InterruptedException;

    /** Takes the oldest item, waiting at most {@code timeoutNanos}; null if none came in time. */
    T poll(long timeoutNanos) throws InterruptedException;
}
