package dev.parbench.coordination.async;

import java.time.Duration;
import java.util.List;

/** Sends n independent {@link Request}s at once and waits for all their answers (fan-out, fan-in). */
public interface FanOut extends AutoCloseable {
    /** Runs requests 0 to n - 1 and returns the sum of their answers; throws IllegalStateException after timeout. */
    long run(int n, Duration timeout);

    /** The threads this fan-out keeps between runs (its pool), for tests; none for one-thread-per-request. */
    List<Thread> threads();

    /** Stops the pool and joins its threads. */
    @Override
    void close();
}
