package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;

/**
 * {@code fork-join}: a dedicated {@code ForkJoinPool(parallelism)} built once per trial (never the common pool, whose
 * size is not ours to sweep), running a {@link RecursiveTask} that halves the block range until a leaf is small.
 *
 * <p>Leaf rule: a range is computed directly once it holds at most {@code max(1, ceil(blocks / (4 * parallelism)))}
 * blocks. That gives about four leaves per worker, enough for work stealing to even out a slow worker, while every
 * leaf still covers at least one whole block (4096 elements), so splitting costs far less than the work.
 *
 * <p>Memory consistency: {@link java.util.concurrent.ForkJoinTask#join()} and {@link ForkJoinPool#invoke} return a
 * task's result only after it completed; completion happens-before the join returns (ForkJoinTask's documented
 * guarantee, as for {@code Future.get}), and forking happens-before the forked task runs.
 */
public final class ForkJoinStrategy implements Strategy {
    private final int parallelism;
    private final ForkJoinPool pool;
    private final List<Thread> threads = Pools.newThreadList();
    /** {@link Tracer#OFF} unless the timeline command set one. Each leaf is a task, named by its first block. */
    private Tracer tracer = Tracer.OFF;

    public ForkJoinStrategy(int parallelism) {
        this.parallelism = Strategy.checkParallelism(parallelism);
        // Numbered here, not by getPoolIndex(): the pool registers a thread (and gives it its index) only after the
        // factory returns, so every thread read index 0 and a timeline put all leaves on one name.
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        this.pool = new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("parbench-fork-join-" + made.getAndIncrement());
            return Pools.track(threads, t);
        }, null, false);
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.FORK_JOIN;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /** The leaf size in blocks for an input of {@code blocks} blocks (see the class comment). */
    static int leafBlocks(int blocks, int parallelism) {
        return Math.max(1, Math.ceilDiv(blocks, 4 * parallelism));
    }

    @Override
    public boolean traceWith(Tracer t) {
        this.tracer = java.util.Objects.requireNonNull(t);
        return true;
    }

    @Override
    public <I> long execute(Workload<I> workload, I input) {
        int blocks = workload.blocks(input);
        RangeTask<I> root = new RangeTask<>(workload, input, 0, blocks, leafBlocks(blocks, parallelism), tracer);
        long result = pool.invoke(root);
        if (root.isLeaf()) {
            tracer.mark(0, Tracer.Mark.JOINED);
        }
        return result;
    }

    @Override
    public void close() {
        Pools.shutdown(pool, threads, "fork-join");
    }

    private static final class RangeTask<I> extends RecursiveTask<Long> {
        private final Workload<I> workload;
        private final I input;
        private final int from;
        private final int to;
        private final int leaf;
        private final Tracer tracer;

        /** A leaf is created when its parent splits: that is its CREATED moment. */
        RangeTask(Workload<I> workload, I input, int from, int to, int leaf, Tracer tracer) {
            this.workload = workload;
            this.input = input;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
            this.tracer = tracer;
            if (isLeaf()) {
                tracer.mark(from, Tracer.Mark.CREATED);
            }
        }

        boolean isLeaf() {
            return to - from <= leaf;
        }

        @Override
        protected Long compute() {
            if (isLeaf()) {
                tracer.mark(from, Tracer.Mark.STARTED);
                long v = workload.run(input, from, to);
                tracer.mark(from, Tracer.Mark.COMPUTED);
                return v;
            }
            int mid = (from + to) >>> 1;
            RangeTask<I> left = new RangeTask<>(workload, input, from, mid, leaf, tracer);
            left.fork();
            RangeTask<I> rightTask = new RangeTask<>(workload, input, mid, to, leaf, tracer);
            long right = rightTask.compute();
            long joined = workload.combine(left.join(), right);
            if (left.isLeaf()) { // a leaf's result is taken when its parent joins it
                tracer.mark(from, Tracer.Mark.JOINED);
            }
            if (rightTask.isLeaf()) {
                tracer.mark(mid, Tracer.Mark.JOINED);
            }
            return joined;
        }
    }
}
