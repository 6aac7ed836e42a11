package dev.parbench.strategy;

import dev.parbench.workload.Workload;

/**
 * {@code sequential}: the whole input in one call on the caller's thread. The baseline every speedup divides by.
 *
 * <p>Memory consistency: nothing crosses threads.
 */
public final class SequentialStrategy implements Strategy {

    @Override
    public StrategyKind kind() {
        return StrategyKind.SEQUENTIAL;
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public <I> long execute(Workload<I> workload, I input) {
        return workload.run(input, 0, workload.blocks(input));
    }

    @Override
    public void close() {
        // nothing was started
    }
}
