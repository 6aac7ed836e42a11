package dev.parbench.coordination.counter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code atomic}: an {@link AtomicLong}; {@code incrementAndGet} is one atomic read-modify-write instruction
 * ({@code lock xadd} on x86). No thread ever blocks, but every increment fights for the same cache line, so under
 * contention the line bounces between cores.
 *
 * <p>Memory consistency: an atomic update has the effects of a volatile read and a volatile write, and a volatile
 * write happens-before every later read of it (synchronization order), so no increment is lost and a reader sees the
 * latest value.
 */
public final class AtomicCounter implements SharedCounter {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }
}
