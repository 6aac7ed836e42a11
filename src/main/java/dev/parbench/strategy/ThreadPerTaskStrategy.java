package dev.parbench.strategy;

/**
 * {@code thread-per-task}: a new platform {@link Thread} per task, per operation, started and joined. What a course's
 * first threading exercise does; thread creation and start (tens of microseconds each) are part of the measured cost.
 *
 * <p>Memory consistency: each task's result is stored by a {@link java.util.concurrent.FutureTask} run on the new
 * thread; {@link Thread#join()} (all actions of a thread happen-before another thread returns from joining it) and
 * {@code FutureTask.get} both order that store before the caller reads it.
 */
public final class ThreadPerTaskStrategy extends NewThreadPerTaskStrategy {

    public ThreadPerTaskStrategy(int parallelism) {
        super(StrategyKind.THREAD_PER_TASK, parallelism);
    }

    @Override
    Thread newThread(Runnable task, int index) {
        return Thread.ofPlatform().name("parbench-thread-per-task-" + index).unstarted(task);
    }
}
