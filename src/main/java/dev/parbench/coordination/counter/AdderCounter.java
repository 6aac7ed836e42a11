package dev.parbench.coordination.counter;

import java.util.concurrent.atomic.LongAdder;

/**
 * {@code adder}: a {@link LongAdder}. Under contention it spreads increments over several cells (one per contending
 * thread, roughly), so threads stop fighting for one cache line; the price is paid by readers: {@code sum()} adds
 * all cells.
 *
 * <p>Memory consistency: each cell is updated with a CAS (volatile semantics), so no increment is lost. {@code sum()}
 * reads every cell with volatile reads but not atomically as a whole: while increments run it may miss ones that
 * race with it (it is not a snapshot); once all incrementing threads have finished and that is ordered before the
 * read (here: the crew's finish latch), it is exact.
 */
public final class AdderCounter implements SharedCounter {
    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long get() {
        return count.sum();
    }
}
