package dev.parbench.strategy;

/**
 * {@code virtual-threads}: one new virtual thread per task, per operation, joined. Virtual threads are cheap to
 * create, but they run on the JVM's shared carrier pool, whose size defaults to the number of cores: at most
 * {@code availableProcessors()} tasks run at once whatever the parallelism, and the report says so.
 *
 * <p>Memory consistency: as for {@link ThreadPerTaskStrategy}: {@link Thread#join()} on the virtual thread and
 * {@link java.util.concurrent.FutureTask#get()} each give a happens-before edge from the task's store to the caller.
 */
public final class VirtualThreadsStrategy extends NewThreadPerTaskStrategy {

    public VirtualThreadsStrategy(int parallelism) {
        super(StrategyKind.VIRTUAL_THREADS, parallelism);
    }

    @Override
    Thread newThread(Runnable task, int index) {
        return Thread.ofVirtual().name("parbench-virtual-" + index).unstarted(task);
    }
}
