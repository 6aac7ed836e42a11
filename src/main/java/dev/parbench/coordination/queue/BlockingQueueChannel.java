package dev.parbench.coordination.queue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@link BlockingQueue}s, used as they are (timed {@code offer}/{@code poll}); the queue does the parking
 * and waking. {@code array-blocking}: a ring array, one lock, two conditions. {@code linked-blocking}: a linked
 * list with separate put and take locks, so a producer and a consumer do not contend. {@code linked-transfer}:
 * lock-free dual queue, unbounded (producers never wait), consumers park in the queue. {@code synchronous}: no
 * capacity at all: each offer waits for a consumer to take the item from its hand.
 *
 * <p>Memory consistency: actions in a thread before placing an object into a {@code BlockingQueue} happen-before
 * actions after its removal in another thread ({@code java.util.concurrent} memory-consistency rule), so a consumer
 * sees the item exactly as the producer built it.
 */
public final class BlockingQueueChannel<T> implements Channel<T> {
    private final BlockingQueue<T> queue;

    private BlockingQueueChannel(BlockingQueue<T> queue) {
        this.queue = queue;
    }

    public static <T> BlockingQueueChannel<T> arrayBlocking(int capacity) {
        return new BlockingQueueChannel<>(new ArrayBlockingQueue<>(capacity));
    }

    public static <T> BlockingQueueChannel<T> linkedBlocking(int capacity) {
        return new BlockingQueueChannel<>(new LinkedBlockingQueue<>(capacity));
    }

    /** Unbounded: {@code offer} never waits. */
    public static <T> BlockingQueueChannel<T> linkedTransfer() {
        return new BlockingQueueChannel<>(new LinkedTransferQueue<>());
    }

    /** No capacity: a direct hand-off (unfair mode, the default). */
    public static <T> BlockingQueueChannel<T> synchronous() {
        return new BlockingQueueChannel<>(new SynchronousQueue<>());
    }

    @Override
    public boolean offer(T item, long timeoutNanos) throws InterruptedException {
        return queue.offer(item, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public T poll(long timeoutNanos) throws InterruptedException {
        return queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }
}
