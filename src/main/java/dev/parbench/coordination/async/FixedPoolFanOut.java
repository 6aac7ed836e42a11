package dev.parbench.coordination.async;

import dev.parbench.coordination.Roster;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code fixed-pool}: the classic server: a fixed pool of {@code poolSize} threads
 * ({@link Executors#newFixedThreadPool}), built once per trial; each run submits n requests with {@code invokeAll} and adds the answers. Every blocked
 * request holds a pool thread for its whole wait, so at most {@code poolSize} requests are in flight: n requests take
 * about n / poolSize waits. With {@code threads=virtual} the pool's threads are virtual but there are still only
 * {@code poolSize} of them: pooling virtual threads throws their advantage away.
 *
 * <p>Memory consistency: submitting a task happens-before it runs, and the task's actions happen-before
 * {@code Future.get()} returns its result ({@code java.util.concurrent} memory-consistency rule for executors).
 */
public final class FixedPoolFanOut implements FanOut {
    private final Roster roster;
    private final ExecutorService pool;

    public FixedPoolFanOut(ThreadKind threads, int poolSize) {
        this.roster = new Roster(threads, "parbench-async-pool-");
        this.pool = Executors.newFixedThreadPool(poolSize, roster);
    }

    @Override
    public long run(int n, Duration timeout) {
        List<Callable<Long>> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            requests.add(() -> Request.call(id));
        }
        try {
            long sum = 0;
            for (Future<Long> f : pool.invokeAll(requests, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                sum += f.get();
            }
            return sum;
        } catch (CancellationException e) {
            throw new IllegalStateException("fixed-pool: " + n + " requests not done within " + timeout.toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fixed-pool: a request failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fixed-pool: interrupted", e);
        }
    }

    @Override
    public List<Thread> threads() {
        return roster.threads();
    }

    @Override
    public void close() {
        roster.shutdown(pool, Duration.ofSeconds(10));
    }
}
