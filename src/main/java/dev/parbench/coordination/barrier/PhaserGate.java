package dev.parbench.coordination.barrier;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

/**
 * {@code phaser}: one {@link Phaser} registered for all parties; each party {@code arrive}s and waits for the phase
 * to advance. A Phaser can also change its number of parties between phases and be tiered; here it is used as a
 * plain reusable barrier so that it compares with the other two, and its phase number is checked after the run.
 *
 * <p>Memory consistency: actions of a party before {@code arrive} happen-before the phase advance, which
 * happens-before {@code awaitAdvance} returns in every party ({@code java.util.concurrent} memory-consistency rule
 * for synchronizers), so every write of a phase is visible to all once it has advanced.
 */
public final class PhaserGate implements PhaseGate {
    private final Phaser phaser;

    public PhaserGate(int parties) {
        this.phaser = new Phaser(parties);
    }

    @Override
    public void arriveAndAwait(int phase, long timeoutNanos) throws Exception {
        int arrived = phaser.arrive();
        if (arrived != phase) {
            throw new IllegalStateException("phaser: arrived in phase " + arrived + ", expected " + phase);
        }
        phaser.awaitAdvanceInterruptibly(arrived, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void checkCompleted(int phases) {
        if (phaser.getPhase() != phases || phaser.getArrivedParties() != 0) {
            throw new IllegalStateException("phaser: phase " + phaser.getPhase() + " after " + phases + " phases");
        }
    }
}
