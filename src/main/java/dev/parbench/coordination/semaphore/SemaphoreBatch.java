package dev.parbench.coordination.semaphore;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N worker threads share one {@link GuardedResource} of {@code permits} permits: {@code cycles} acquire-use-release
 * cycles in total per run, split evenly, released together. After the run it checks that every cycle happened, that
 * the permit limit held on every cycle (the resource throws otherwise) and that all permits are back. It returns the
 * summed and the longest wait for a permit.
 *
 * <p>Permits: {@link #permitsFor(int) max(1, workers / 2)}, so with 2 or more workers half of them wait.
 *
 * <p>Memory consistency of the harness: the workers' results (plain arrays and fields) are read only after
 * {@code Crew.Round.await} returned, and the crew's finish latch orders every worker's writes before that.
 */
public final class SemaphoreBatch implements AutoCloseable {
    /** What one run did: {@code cycles} cycles, waits summed and the longest, in nanoseconds. */
    public record Result(long cycles, long waitNanos, long maxWaitNanos) {
    }

    private final GuardedResource resource;
    private final Crew crew;
    private final long cycles;

    public SemaphoreBatch(Fairness fairness, ThreadKind threads, int workers, long cycles) {
        if (cycles < workers) {
            throw new IllegalArgumentException("need at least one cycle per worker");
        }
        this.resource = new GuardedResource(permitsFor(workers), fairness.fair());
        this.crew = new Crew(threads, workers, "parbench-semaphore-" + fairness.id());
        this.cycles = cycles;
    }

    /** The permits for {@code workers} threads: fewer than the threads as soon as there are two. */
    public static int permitsFor(int workers) {
        return Math.max(1, workers / 2);
    }

    public Result run(Duration timeout) {
        int workers = crew.size();
        AtomicLong done = new AtomicLong();
        long[] waits = new long[workers];
        long[] longest = new long[workers];
        crew.run(i -> {
            long mine = cycles / workers + (i < cycles % workers ? 1 : 0);
            for (long k = 0; k < mine; k++) {
                long w = resource.cycle(timeout);
                waits[i] += w;
                longest[i] = Math.max(longest[i], w);
            }
            done.addAndGet(mine);
        }, timeout);
        if (done.get() != cycles) {
            throw new IllegalStateException("semaphore: " + done.get() + " of " + cycles + " cycles ran");
        }
        if (resource.available() != resource.permits()) {
            throw new IllegalStateException("semaphore: " + resource.available() + " of " + resource.permits()
                    + " permits back after the run");
        }
        long sum = 0;
        long max = 0;
        for (int i = 0; i < workers; i++) {
            sum += waits[i];
            max = Math.max(max, longest[i]);
        }
        return new Result(cycles, sum, max);
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        crew.close();
    }
}
