package dev.parbench.strategy;

/**
 * The moments of one task of one traced operation, in nanoseconds since the operation began (on the master's clock),
 * each at least the one before. {@code where}: the thread or process that ran it. {@code uncertaintyNanos}: how far
 * the worker-side moments (started, got data, computed) may be off after aligning the worker's clock (half the
 * round trip of the best clock ping; 0 for in-JVM tasks).
 */
public record TaskTrace(int task, String where, long created, long ready, long started, long gotData, long computed,
        long returned, long joined, long uncertaintyNanos) {

    /** The six phases a task's time falls into, in order. */
    public enum Phase {
        START("thread/process start"),
        QUEUE("waiting in queue"),
        TRANSFER_IN("transfer in"),
        COMPUTE("compute"),
        TRANSFER_OUT("transfer out"),
        JOIN("join");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** When {@code phase} began. */
    public long begin(Phase phase) {
        return switch (phase) {
            case START -> created;
            case QUEUE -> ready;
            case TRANSFER_IN -> started;
            case COMPUTE -> gotData;
            case TRANSFER_OUT -> computed;
            case JOIN -> returned;
        };
    }

    /** When {@code phase} ended. */
    public long end(Phase phase) {
        return switch (phase) {
            case START -> ready;
            case QUEUE -> started;
            case TRANSFER_IN -> gotData;
            case COMPUTE -> computed;
            case TRANSFER_OUT -> returned;
            case JOIN -> joined;
        };
    }

    public long nanos(Phase phase) {
        return end(phase) - begin(phase);
    }
}
