package dev.parbench.coordination;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A point in time a wait must not pass. Every wait in this package is bounded by one: a stuck pattern throws an
 * IllegalStateException that says what did not happen, it never hangs a JMH fork.
 */
public final class Deadline {
    private final long end;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        return Math.max(0, end - System.nanoTime());
    }

    public boolean passed() {
        return end - System.nanoTime() <= 0;
    }

    public Duration budget() {
        return budget;
    }

    /**
     * Busy-waits (with {@link Thread#onSpinWait()}) until {@code condition} holds; throws IllegalStateException
     * "{@code what} did not happen within ..." once the deadline passed. Used where parking the waiting thread would
     * add its own wake-up to what is measured.
     */
    public void spinUntil(BooleanSupplier condition, String what) {
        while (!condition.getAsBoolean()) {
            if (passed()) {
                throw new IllegalStateException(what + " did not happen within " + budget.toMillis() + " ms");
            }
            Thread.onSpinWait();
        }
    }
}
