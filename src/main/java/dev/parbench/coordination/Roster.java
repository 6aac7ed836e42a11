package dev.parbench.coordination;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A thread factory of one {@link ThreadKind} that remembers every thread it made, so that a pool built on it can be
 * shut down with the guarantee that its threads have ended: {@code awaitTermination} only promises that the tasks
 * are done, not that the pool's threads have died. For pools of bounded size only (it keeps every thread).
 */
public final class Roster implements ThreadFactory {
    private final ThreadFactory factory;
    private final List<Thread> created = new CopyOnWriteArrayList<>();

    public Roster(ThreadKind kind, String prefix) {
        this.factory = kind.factory(prefix);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = factory.newThread(task);
        created.add(t);
        return t;
    }

    /** Every thread made so far. */
    public List<Thread> threads() {
        return List.copyOf(created);
    }

    /**
     * {@code shutdownNow} (interrupting running tasks), then waits for termination and joins every thread made here;
     * throws IllegalStateException if that takes longer than {@code timeout}.
     */
    public void shutdown(ExecutorService pool, Duration timeout) {
        pool.shutdownNow();
        Deadline deadline = Deadline.after(timeout);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (!pool.awaitTermination(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                        throw new IllegalStateException("pool did not terminate within " + timeout.toMillis() + " ms");
                    }
                    for (Thread t : created) {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
                        if (t.isAlive()) {
                            throw new IllegalStateException("pool thread " + t.getName() + " did not end");
                        }
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
