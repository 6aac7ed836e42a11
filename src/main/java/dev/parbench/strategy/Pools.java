package dev.parbench.strategy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shutting a pool down so that, when {@code close()} returns, its threads have ended: {@code awaitTermination}
 * only promises that the tasks are done and the workers left the pool, not that their threads have died, so the
 * threads a pool created are recorded ({@link #track}) and joined.
 */
final class Pools {
    private static final long TERMINATION_SECONDS = 30;

    private Pools() {
    }

    /** Records a thread the pool created; returns it. */
    static <T extends Thread> T track(List<Thread> created, T thread) {
        created.add(thread);
        return thread;
    }

    /** A list safe to append to from the pool's thread factory. */
    static List<Thread> newThreadList() {
        return new CopyOnWriteArrayList<>();
    }

    static void shutdown(ExecutorService pool, List<Thread> created, String what) {
        pool.shutdownNow();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TERMINATION_SECONDS);
        try {
            while (true) {
                try {
                    if (!pool.awaitTermination(TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(what + " pool did not terminate within "
                                + TERMINATION_SECONDS + " s");
                    }
                    for (Thread t : created) {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                        if (t.isAlive()) {
                            throw new IllegalStateException(what + " thread " + t.getName() + " did not end");
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
