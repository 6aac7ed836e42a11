package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.List;

/**
 * {@code parallel-stream}: what most Java users reach for first — a parallel stream over the block ranges, reduced
 * with the workload's combine. It runs on the <b>common</b> ForkJoinPool ({@code availableProcessors() - 1} workers
 * plus the calling thread), which this model does not own: {@code parallelism} only sets how many ranges the stream
 * sees, not how many threads run them. Reports say so.
 *
 * <p>Memory consistency: the stream framework joins its ForkJoinTasks before the terminal operation returns; a
 * task's completion happens-before its join, so every partial sum is visible to the caller.
 */
public final class ParallelStreamStrategy extends PartitionedStrategy {

    public ParallelStreamStrategy(int parallelism) {
        super(StrategyKind.PARALLEL_STREAM, parallelism);
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        return ranges.parallelStream()
                .mapToLong(r -> workload.run(input, r.from(), r.to()))
                .reduce(0L, workload::combine);
    }

    /** Not traced: its tasks are the common pool's, out of this class's sight. */
    @Override
    public boolean traceWith(dev.parbench.strategy.Tracer t) {
        return false;
    }

    @Override
    public void close() {
        // the common pool is the JVM's, not ours; nothing was started
    }
}
