package dev.parbench.coordination.semaphore;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resource that at most {@code permits} threads may use at once, guarded by a {@link Semaphore}. One
 * {@link #cycle} is acquire, use (a short fixed computation, about a microsecond), release; it returns how long the
 * thread waited for its permit. The resource counts its holders and throws if more than {@code permits} are inside:
 * that is the semaphore's answer, checked on every cycle.
 *
 * <p>A fair semaphore hands permits out in arrival order, so the wait of any thread is bounded by the queue ahead of
 * it; an unfair one lets a releasing thread take a permit straight back (more throughput, a longer tail of waits).
 * The timed {@code tryAcquire} used here respects fairness (the untimed {@code tryAcquire()} would not).
 *
 * <p>Memory consistency: actions before {@code release()} happen-before the actions after a successful
 * {@code acquire} that takes that permit ({@code java.util.concurrent} memory-consistency rule for Semaphore), so
 * state the previous holder wrote is visible to the next one. The holder count is an AtomicInteger of its own.
 */
public final class GuardedResource {
    private final Semaphore semaphore;
    private final int permits;
    private final AtomicInteger holders = new AtomicInteger();
    private long work = 1;

    public GuardedResource(int permits, boolean fair) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits, fair);
    }

    public int permits() {
        return permits;
    }

    /** Permits not held right now: equals {@link #permits()} when nobody is inside. */
    public int available() {
        return semaphore.availablePermits();
    }

    /**
     * Acquire (waiting at most {@code timeout}), use, release. Returns the nanoseconds spent waiting for the permit.
     * Throws IllegalStateException if no permit came in time or if more than {@code permits} threads were inside.
     */
    public long cycle(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        if (!semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("no permit within " + timeout.toMillis() + " ms");
        }
        long waited = System.nanoTime() - start;
        try {
            int inside = holders.incrementAndGet();
            try {
                if (inside > permits) {
                    throw new IllegalStateException(inside + " threads inside a resource with " + permits
                            + " permits");
                }
                use();
            } finally {
                holders.decrementAndGet();
            }
        } finally {
            semaphore.release();
        }
        return waited;
    }

    /**
     * The use: a short dependent computation (xorshift steps). {@code work} only keeps the JIT from dropping it; with
     * more than one permit two holders may race on it, which is harmless (any value will do).
     */
    private void use() {
        long x = work;
        for (int i = 0; i < 256; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        work = x == 0 ? 1 : x;
    }
}
