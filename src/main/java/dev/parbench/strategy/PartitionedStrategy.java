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
    /** {@link Tracer#OFF} unless the timeline command set one; read by the models' operations. */
    protected Tracer tracer = Tracer.OFF;

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

    /** The task-based models can all be traced; a tracer is set between operations, never during one. */
    @Override
    public boolean traceWith(Tracer t) {
        this.tracer = java.util.Objects.requireNonNull(t);
        return true;
    }

    @Override
    public final <I> long execute(Workload<I> workload, I input) {
        List<BlockRange> ranges = BlockRange.split(workload.blocks(input), parallelism);
        return runAll(workload, input, ranges);
    }

    /** Runs one task per range and returns the combined partial results. */
    protected abstract <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges);

    /**
     * Task {@code k} computing one range; it marks its start and end on the tracer ({@code ready}: also READY at
     * its start, for models whose thread is made for the task).
     */
    final <I> Callable<Long> task(Workload<I> workload, I input, BlockRange r, int k, boolean ready) {
        Tracer t = tracer;
        return () -> {
            if (ready) {
                t.mark(k, Tracer.Mark.READY);
            }
            t.mark(k, Tracer.Mark.STARTED);
            long v = workload.run(input, r.from(), r.to());
            t.mark(k, Tracer.Mark.COMPUTED);
            return v;
        };
    }

    /**
     * Combines the results of completed futures in order, marking each task JOINED as its result is taken; an
     * exception of a task is rethrown unchecked with its cause.
     */
    final <I> long combine(Workload<I> workload, List<? extends Future<Long>> futures) {
        long total = 0;
        for (int k = 0; k < futures.size(); k++) {
            total = workload.combine(total, get(futures.get(k)));
            tracer.mark(k, Tracer.Mark.JOINED);
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
