package dev.parbench.coordination.counter;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;

/**
 * N worker threads increment one fresh {@link SharedCounter}: {@code increments} in total per run, split evenly,
 * all released together by the crew's start signal. Every {@value #READ_EVERY}th step a worker also reads the
 * counter through the variant's read path (for {@code stamped}, an optimistic read), so every variant carries the
 * same reader mix. After the run the answer is checked: a safe counter must hold exactly {@code increments}, and a
 * worker's reads must never be below its own increments so far; {@code racy} may lose updates (reported) but never
 * exceed the count.
 *
 * <p>The crew is started once (per JMH trial) and closed with {@link #close()}.
 *
 * <p>Memory consistency of the harness: the workers' results (plain arrays and fields) are read only after
 * {@code Crew.Round.await} returned, and the crew's finish latch orders every worker's writes before that.
 */
public final class CounterRace implements AutoCloseable {
    /** A worker reads the counter once per this many increments. */
    public static final int READ_EVERY = 16;

    /** What one run did: {@code updates} increments were made, the counter ended at {@code counted}. */
    public record Result(long updates, long counted) {
        /** Increments that left no trace: 0 for every safe variant. */
        public long lost() {
            return updates - counted;
        }
    }

    private final CounterKind kind;
    private final Crew crew;
    private final long increments;

    public CounterRace(CounterKind kind, ThreadKind threads, int workers, long increments) {
        if (increments < workers) {
            throw new IllegalArgumentException("need at least one increment per worker");
        }
        this.kind = kind;
        this.increments = increments;
        this.crew = new Crew(threads, workers, "parbench-counter-" + kind.id());
    }

    /** One run: every worker does its share; throws IllegalStateException if the answer is wrong or a wait expires. */
    public Result run(Duration timeout) {
        SharedCounter counter = kind.create();
        int workers = crew.size();
        crew.run(i -> {
            long mine = increments / workers + (i < increments % workers ? 1 : 0);
            for (long k = 0; k < mine; k++) {
                counter.increment();
                if (k % READ_EVERY == READ_EVERY - 1) {
                    long seen = counter.get();
                    if (kind.safe() && seen < k + 1) {
                        throw new IllegalStateException(kind + ": read " + seen + " after " + (k + 1)
                                + " own increments");
                    }
                }
            }
        }, timeout);
        long counted = counter.get();
        if (counted > increments || counted < 0) {
            throw new IllegalStateException(kind + ": counted " + counted + " of " + increments + " increments");
        }
        if (kind.safe() && counted != increments) {
            throw new IllegalStateException(kind + " lost " + (increments - counted) + " of " + increments
                    + " updates");
        }
        return new Result(increments, counted);
    }

    /** The crew's threads (for tests). */
    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        crew.close();
    }
}
