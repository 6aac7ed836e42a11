package dev.parbench.coordination.barrier;

/**
 * The point at the end of each phase where every party waits for all the others. One gate serves one run of
 * {@code phases} phases for a fixed number of parties.
 */
public interface PhaseGate {
    /**
     * Arrives at the end of {@code phase} (0-based) and waits until all parties have arrived; at most
     * {@code timeoutNanos}, then throws (TimeoutException, or the barrier's own exception).
     */
    void arriveAndAwait(int phase, long timeoutNanos) throws Exception;

    /** Checks, after a run in which every party passed every phase, that the gate agrees; throws if not. */
    void checkCompleted(int phases);
}
