package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the task-based models share (in-JVM and out of process): split the blocks into
 * {@code min(parallelism, blocks)} ranges, run one task per range the model's way ({@link #runAll}), add up the
 * partial results in range order.
 */
public abstract class PartitionedStrategy implements Strategy {
    private final StrategyKind kind;
    private final int parallelism;

    protected PartitionedStrategy(StrategyKind kind, int parallelism) {
        this.kind = kind;
        this.parallelism = Strategy.checkParallelism(parallelism);
    }

    @Override
    public final StrategyKind kind() {
        return kind;
    }

    @Override
    public final int parallelism() {
        return parallelism;
    }

    @Override
    public final <I> long execute(Workload<I> workload, I input) {
        List<BlockRange> ranges = BlockRange.split(workload.blocks(input), parallelism);
        return runAll(workload, input, ranges);
    }

    /** Runs one task per range and returns the combined partial results. */
    protected abstract <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges);

    /** A task computing one range. */
    static <I> Callable<Long> task(Workload<I> workload, I input, BlockRange r) {
        return () -> workload.run(input, r.from(), r.to());
    }

    /** Combines the results of completed futures; an exception of a task is rethrown unchecked with its cause. */
    static <I> long combine(Workload<I> workload, List<? extends Future<Long>> futures) {
        long total = 0;
        for (Future<Long> f : futures) {
            total = workload.combine(total, get(f));
        }
        return total;
    }

    /**
     * Joins every thread (a started task always ends). An interrupt does not abandon the join: it is remembered and
     * restored afterwards, so no thread of an operation outlives it.
     */
    static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static long get(Future<Long> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed: " + e.getCause(), e.getCause());
        }
    }
}
