package dev.parbench.coordination.barrier;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code latch-per-phase}: a {@link CountDownLatch} cannot be reset, so a run needs one per phase, created up front;
 * at the end of phase p every party counts latch p down and waits for it to reach zero. It shows what the reusable
 * barriers save you: a fresh object per phase, and nothing breaks for the others if one party fails (they time out).
 *
 * <p>Memory consistency: actions before {@code countDown()} happen-before actions after a successful
 * {@code await()} on the same latch, so a party that passed latch p sees every write other parties made before
 * counting it down.
 */
public final class LatchPerPhaseGate implements PhaseGate {
    private final CountDownLatch[] latches;

    public LatchPerPhaseGate(int parties, int phases) {
        latches = new CountDownLatch[phases];
        for (int p = 0; p < phases; p++) {
            latches[p] = new CountDownLatch(parties);
        }
    }

    @Override
    public void arriveAndAwait(int phase, long timeoutNanos) throws Exception {
        latches[phase].countDown();
        if (!latches[phase].await(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("latch of phase " + phase + " not at zero in time");
        }
    }

    @Override
    public void checkCompleted(int phases) {
        for (int p = 0; p < phases; p++) {
            if (latches[p].getCount() != 0) {
                throw new IllegalStateException("latch-per-phase: latch " + p + " at " + latches[p].getCount());
            }
        }
    }
}
