package dev.parbench.coordination.async;

import dev.parbench.coordination.Roster;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code completable-future}: composition. Each request is {@code supplyAsync(request, pool)} on a fixed pool of
 * {@code poolSize} threads; the fan-in is {@code allOf(...).thenApply(sum of the answers)}, and only that one
 * future is waited for. The style does not make the blocking request non-blocking: each request still holds a pool
 * thread while it waits, so the ceiling is the fixed pool's. (Composition pays off when the I/O itself is
 * asynchronous and completes the future from a callback; a blocking call inside {@code supplyAsync} is not that.)
 *
 * <p>Memory consistency: actions of a stage happen-before the dependent stages run and before {@code get()} of a
 * dependent returns (CompletableFuture completion is a volatile/CAS publication the dependents read).
 */
public final class CompletableFutureFanOut implements FanOut {
    private final Roster roster;
    private final ExecutorService pool;

    public CompletableFutureFanOut(ThreadKind threads, int poolSize) {
        this.roster = new Roster(threads, "parbench-async-cf-");
        this.pool = Executors.newFixedThreadPool(poolSize, roster);
    }

    @Override
    public long run(int n, Duration timeout) {
        List<CompletableFuture<Long>> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Request.call(id);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
        CompletableFuture<?>[] all = requests.toArray(CompletableFuture<?>[]::new);
        CompletableFuture<Long> total = CompletableFuture.allOf(all).thenApply(done -> {
            long sum = 0;
            for (CompletableFuture<Long> r : requests) {
                sum += r.join();
            }
            return sum;
        });
        try {
            return total.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            for (CompletableFuture<Long> r : requests) {
                r.cancel(true); // does not interrupt a running supplier; the pool's shutdown does
            }
            throw new IllegalStateException("completable-future: " + n + " requests not done within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("completable-future: a request failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("completable-future: interrupted", e);
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
