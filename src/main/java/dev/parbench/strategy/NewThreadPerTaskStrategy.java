package dev.parbench.strategy;

import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * Shared by the models that start a brand-new thread for every task of every operation and join it: the kind of
 * thread is the only difference ({@link #newThread}). Creating and starting the threads is inside the timed
 * operation on purpose: it is the model's cost.
 */
abstract class NewThreadPerTaskStrategy extends PartitionedStrategy {

    NewThreadPerTaskStrategy(StrategyKind kind, int parallelism) {
        super(kind, parallelism);
    }

    /** An unstarted thread that will run {@code task}; {@code index} is for its name. */
    abstract Thread newThread(Runnable task, int index);

    @Override
    protected final <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        List<FutureTask<Long>> results = new ArrayList<>(ranges.size());
        List<Thread> threads = new ArrayList<>(ranges.size());
        for (int k = 0; k < ranges.size(); k++) {
            FutureTask<Long> f = new FutureTask<>(task(workload, input, ranges.get(k)));
            Thread t = newThread(f, k);
            results.add(f);
            threads.add(t);
            t.start();
        }
        joinAll(threads);
        return combine(workload, results);
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a started task always ends; finish joining, then restore the flag
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final void close() {
        // every thread was joined inside execute: nothing outlives an operation
    }
}
