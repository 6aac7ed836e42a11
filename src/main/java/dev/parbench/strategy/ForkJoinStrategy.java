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

    public ForkJoinStrategy(int parallelism) {
        this.parallelism = Strategy.checkParallelism(parallelism);
        this.pool = new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("parbench-fork-join-" + t.getPoolIndex());
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
    public <I> long execute(Workload<I> workload, I input) {
        int blocks = workload.blocks(input);
        return pool.invoke(new RangeTask<>(workload, input, 0, blocks, leafBlocks(blocks, parallelism)));
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

        RangeTask(Workload<I> workload, I input, int from, int to, int leaf) {
            this.workload = workload;
            this.input = input;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected Long compute() {
            if (to - from <= leaf) {
                return workload.run(input, from, to);
            }
            int mid = (from + to) >>> 1;
            RangeTask<I> left = new RangeTask<>(workload, input, from, mid, leaf);
            left.fork();
            long right = new RangeTask<>(workload, input, mid, to, leaf).compute();
            return workload.combine(left.join(), right);
        }
    }
}
