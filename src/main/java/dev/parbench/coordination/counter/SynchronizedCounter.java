package dev.parbench.coordination.counter;

/**
 * {@code synchronized}: the increment and the read hold the object's monitor, so only one thread is inside at a
 * time. Uncontended, the JVM's lock is a CAS; contended, waiting threads spin a little and then block.
 *
 * <p>Memory consistency: an unlock of a monitor happens-before every later lock of the same monitor (JLS 17.4.5),
 * so each increment sees the value left by the previous one and a reader sees the latest.
 */
public final class SynchronizedCounter implements SharedCounter {
    private long count;

    @Override
    public synchronized void increment() {
        count++;
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
