package dev.parbench.strategy;

/**
 * Where a model reports the moments of each task of an operation, for the {@code timeline} command. Models hold
 * {@link #OFF} unless {@link Strategy#traceWith} gave them another: the benchmarks never trace, and with {@code OFF}
 * a model's extra work is a few calls to empty methods per task (no clock is read, nothing is stored).
 *
 * <p>A task is named by an int the model chooses (range index, or a fork-join leaf's first block); {@link #mark}
 * reads the clock ({@link System#nanoTime()}) on the calling thread, {@link #at} records a moment measured elsewhere
 * (a worker JVM's clock, already aligned to this one).
 */
public interface Tracer {

    /** The moments of a task, in the order they happen. */
    enum Mark {
        /** The master made the task (before any thread or process exists for it). */
        CREATED,
        /** The thread or process that will run it exists and can take work. */
        READY,
        /** The task began on its thread or process (a worker: the request's first bytes arrived). */
        STARTED,
        /** Its input is in place (a worker: the request is decoded; in one JVM: at once). */
        GOT_DATA,
        /** Its partial result is computed. */
        COMPUTED,
        /** The partial result is back on the master (in one JVM: at once). */
        RETURNED,
        /** The master has joined the task (its result is taken). */
        JOINED
    }

    /** The tracer of every model unless the timeline command sets one: does nothing. */
    Tracer OFF = new Off();

    /** Stamps {@code mark} of {@code task} now, on the calling thread (recorded as the task's place at STARTED). */
    void mark(int task, Mark mark);

    /**
     * Records {@code mark} of {@code task} at {@code nanos} (this JVM's {@code nanoTime} scale), measured at
     * {@code where} with an uncertainty of {@code uncertaintyNanos} (0: measured here).
     */
    void at(int task, Mark mark, long nanos, String where, long uncertaintyNanos);

    /** False for {@link #OFF}: models skip any tracing-only work (clock pings) when off. */
    default boolean on() {
        return true;
    }

    /** The no-op tracer. */
    final class Off implements Tracer {
        private Off() {
        }

        @Override
        public void mark(int task, Mark mark) {
        }

        @Override
        public void at(int task, Mark mark, long nanos, String where, long uncertaintyNanos) {
        }

        @Override
        public boolean on() {
            return false;
        }
    }
}
