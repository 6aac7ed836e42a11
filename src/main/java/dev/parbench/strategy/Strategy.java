package dev.parbench.strategy;

import dev.parbench.workload.Workload;

/**
 * One concurrency model, set up for one parallelism. Thread-safe for one caller at a time (JMH's single benchmark
 * thread). {@link #close()} stops everything the strategy started: no thread it created outlives it.
 */
public interface Strategy extends AutoCloseable {

    StrategyKind kind();

    /** The number of tasks (or workers) the work is split into. */
    int parallelism();

    /** Runs the whole input and returns the combined result, equal to {@code workload.oracle(input)}. */
    <I> long execute(Workload<I> workload, I input);

    /** The one check of a parallelism argument: at least 1. Returns it. */
    static int checkParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        return parallelism;
    }

    /**
     * Makes the model report the moments of each task to {@code tracer} from now on (the {@code timeline} command
     * only; models start with {@link Tracer#OFF}). Returns false if this model cannot be traced.
     */
    default boolean traceWith(Tracer tracer) {
        return false;
    }

    /** Stops pools and workers; waits until their threads have ended. Idempotent. */
    @Override
    void close();
}
