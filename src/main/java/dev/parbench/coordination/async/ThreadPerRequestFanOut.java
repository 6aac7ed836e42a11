package dev.parbench.coordination.async;

import dev.parbench.coordination.Deadline;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code virtual-per-request}: a new thread per request, started for the request and joined for its answer: the
 * style virtual threads are made for. Nothing is pooled; creating the threads is part of what is measured (that is
 * the model). With {@code threads=virtual} ten thousand waits overlap on a couple of carrier threads; with
 * {@code threads=platform} the same code is the classic thread-per-request server, and each of those threads costs
 * an OS thread (creation, a stack, a kernel schedule).
 *
 * <p>Memory consistency: {@code Thread.start()} happens-before the new thread's first action, and all actions of a
 * thread happen-before another thread's {@code join()} on it returns (JLS 17.4.5), so the answers written into a
 * plain array are visible after the joins.
 */
public final class ThreadPerRequestFanOut implements FanOut {
    private final ThreadKind kind;

    public ThreadPerRequestFanOut(ThreadKind kind) {
        this.kind = kind;
    }

    @Override
    public long run(int n, Duration timeout) {
        long[] answers = new long[n];
        Throwable[] failures = new Throwable[n];
        Thread[] threads = new Thread[n];
        ThreadFactory factory = kind.factory("parbench-request-");
        Deadline deadline = Deadline.after(timeout);
        try {
            for (int i = 0; i < n; i++) {
                int id = i;
                threads[i] = factory.newThread(() -> {
                    try {
                        answers[id] = Request.call(id);
                    } catch (Throwable t) {
                        failures[id] = t;
                    }
                });
                threads[i].start();
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                threads[i].join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
                if (threads[i].isAlive()) {
                    throw new IllegalStateException("virtual-per-request: request " + i + " not done within "
                            + timeout.toMillis() + " ms");
                }
                if (failures[i] != null) {
                    throw new IllegalStateException("virtual-per-request: request " + i + " failed", failures[i]);
                }
                sum += answers[i];
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("virtual-per-request: interrupted", e);
        } finally {
            stopAll(threads);
        }
    }

    /** On the failure paths some threads may still run: interrupt and join them (bounded) so none outlives the run. */
    private static void stopAll(Thread[] threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            if (t != null && t.isAlive()) {
                t.interrupt();
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Thread> threads() {
        return List.of();
    }

    @Override
    public void close() {
        // nothing kept between runs: every request's thread was joined in run()
    }
}
