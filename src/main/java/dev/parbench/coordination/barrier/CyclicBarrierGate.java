package dev.parbench.coordination.barrier;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * {@code cyclic-barrier}: one {@link CyclicBarrier} for all phases; it resets itself each time the last party
 * arrives. A party that times out or is interrupted breaks the barrier for everyone (they get
 * BrokenBarrierException), so a failure cannot leave the others waiting.
 *
 * <p>Memory consistency: actions before {@code await()} happen-before the barrier action and those happen-before
 * actions after the corresponding {@code await()} returns in every other party ({@code CyclicBarrier} spec), so
 * what any party wrote in a phase is visible to all after the barrier.
 */
public final class CyclicBarrierGate implements PhaseGate {
    private final CyclicBarrier barrier;

    public CyclicBarrierGate(int parties) {
        this.barrier = new CyclicBarrier(parties);
    }

    @Override
    public void arriveAndAwait(int phase, long timeoutNanos) throws Exception {
        barrier.await(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void checkCompleted(int phases) {
        if (barrier.isBroken() || barrier.getNumberWaiting() != 0) {
            throw new IllegalStateException("cyclic-barrier: broken or still waiting after the run");
        }
    }
}
