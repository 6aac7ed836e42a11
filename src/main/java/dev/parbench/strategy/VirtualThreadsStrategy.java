package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * {@code virtual-threads}: one new virtual thread per task, per operation, joined. Virtual threads are cheap to
 * create, but they run on the JVM's shared carrier pool, whose size defaults to the number of cores: at most
 * {@code availableProcessors()} tasks run at once whatever the parallelism, and the report says so.
 *
 * <p>Memory consistency: as for {@link ThreadPerTaskStrategy}: {@link Thread#join()} on the virtual thread and
 * {@link FutureTask#get()} each give a happens-before edge from the task's store to the caller.
 */
public final class VirtualThreadsStrategy extends PartitionedStrategy {

    public VirtualThreadsStrategy(int parallelism) {
        super(StrategyKind.VIRTUAL_THREADS, parallelism);
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        List<FutureTask<Long>> results = new ArrayList<>(ranges.size());
        List<Thread> threads = new ArrayList<>(ranges.size());
        for (int k = 0; k < ranges.size(); k++) {
            tracer.mark(k, Tracer.Mark.CREATED);
            FutureTask<Long> task = new FutureTask<>(task(workload, input, ranges.get(k), k, true));
            threads.add(Thread.ofVirtual().name("parbench-virtual-threads-" + k).start(task)); // create and start
            results.add(task);
        }
        joinAll(threads);                                                              // join
        return combine(workload, results);
    }

    @Override
    public void close() {
        // every virtual thread was joined inside execute; the carrier pool is the JVM's, not ours
    }
}
