package dev.parbench.coordination.counter;

/**
 * {@code racy}: a plain {@code long} field and {@code count++}. The increment is three steps (read, add, write);
 * two threads that read the same value both write value + 1 and one update is lost. That loss is the lesson: the
 * benchmark reports it ({@code lostUpdates}) instead of failing.
 *
 * <p>Memory consistency: none. There is no happens-before edge between one thread's write and another's read (no
 * lock, no volatile), so a reader may see any earlier value, the JIT may keep the field in a register for a while,
 * and on a 32-bit JVM a {@code long} may even tear. The only thing that holds is that the count never exceeds the
 * number of increments: every write is some earlier value plus one.
 */
public final class RacyCounter implements SharedCounter {
    private long count;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
