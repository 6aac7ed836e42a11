package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code executor}: a fixed pool of {@code parallelism} platform threads ({@link Executors#newFixedThreadPool}),
 * built once per trial; each operation submits one task per block range with {@code invokeAll} and adds the results.
 *
 * <p>Memory consistency: actions of a task happen-before {@link Future#get()} returns its result
 * ({@code java.util.concurrent} package guarantee), and submission happens-before the task runs, so the task sees
 * the input and the caller sees the result.
 */
public final class ExecutorStrategy extends PartitionedStrategy {
    private final ExecutorService pool;
    private final List<Thread> threads = Pools.newThreadList();

    public ExecutorStrategy(int parallelism) {
        super(StrategyKind.EXECUTOR, parallelism);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism,
                r -> Pools.track(threads, Thread.ofPlatform().name("parbench-executor-" + n.getAndIncrement())
                        .daemon(true).unstarted(r)));
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        List<Callable<Long>> tasks = new ArrayList<>(ranges.size());
        for (int k = 0; k < ranges.size(); k++) {
            tracer.mark(k, Tracer.Mark.CREATED);
            tasks.add(task(workload, input, ranges.get(k), k, false));
        }
        try {
            return combine(workload, pool.invokeAll(tasks));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tasks", e);
        }
    }

    @Override
    public void close() {
        Pools.shutdown(pool, threads, "executor");
    }
}
