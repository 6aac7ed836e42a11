package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * {@code thread-per-task}: a new platform {@link Thread} per task, per operation, started and joined. What a course's
 * first threading exercise does; thread creation and start (tens of microseconds each) are part of the measured cost.
 *
 * <p>Memory consistency: each task's result is stored by a {@link FutureTask} run on the new thread;
 * {@link Thread#join()} (all actions of a thread happen-before another thread returns from joining it) and
 * {@code FutureTask.get} both order that store before the caller reads it.
 */
public final class ThreadPerTaskStrategy extends PartitionedStrategy {

    public ThreadPerTaskStrategy(int parallelism) {
        super(StrategyKind.THREAD_PER_TASK, parallelism);
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        List<FutureTask<Long>> results = new ArrayList<>(ranges.size());
        List<Thread> threads = new ArrayList<>(ranges.size());
        for (int k = 0; k < ranges.size(); k++) {
            tracer.mark(k, Tracer.Mark.CREATED);
            FutureTask<Long> task = new FutureTask<>(task(workload, input, ranges.get(k), k, true));
            Thread t = Thread.ofPlatform().name("parbench-thread-per-task-" + k).unstarted(task); // create
            t.start();                                                                            // start
            results.add(task);
            threads.add(t);
        }
        joinAll(threads);                                                                         // join
        return combine(workload, results);
    }

    @Override
    public void close() {
        // every thread was joined inside execute: nothing outlives an operation
    }
}
