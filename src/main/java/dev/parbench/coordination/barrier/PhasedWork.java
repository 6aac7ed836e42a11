package dev.parbench.coordination.barrier;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;

/**
 * N worker threads go through {@code phases} phases separated by a {@link PhaseGate}. In phase p worker i writes p
 * into its own slot of a plain {@code long[]}, passes the gate, then reads every slot: each must be p or p + 1 (a
 * faster worker may already be in the next phase, none can be two ahead or behind). Seeing p - 1 would mean the gate
 * let a worker through early, or that a write was not made visible: the check is the barrier's answer, plain array
 * and all, because the gate is the only happens-before edge between the workers. After the run every phase must be
 * complete on the gate too. A fresh gate is made per run (latches cannot be reused; the others for symmetry).
 *
 * <p>Memory consistency of the harness: the workers' results (plain arrays and fields) are read only after
 * {@code Crew.Round.await} returned, and the crew's finish latch orders every worker's writes before that.
 */
public final class PhasedWork implements AutoCloseable {
    private final BarrierKind kind;
    private final Crew crew;
    private final int phases;

    public PhasedWork(BarrierKind kind, ThreadKind threads, int workers, int phases) {
        if (phases < 1) {
            throw new IllegalArgumentException("phases must be at least 1, got " + phases);
        }
        this.kind = kind;
        this.phases = phases;
        this.crew = new Crew(threads, workers, "parbench-barrier-" + kind.id());
    }

    /** One run of all phases; returns the number of phases completed (= {@code phases}) or throws. */
    public int run(Duration timeout) {
        int parties = crew.size();
        PhaseGate gate = kind.create(parties, phases);
        long[] slots = new long[parties];
        long perWait = timeout.toNanos();
        crew.run(i -> {
            for (int p = 0; p < phases; p++) {
                slots[i] = p;
                gate.arriveAndAwait(p, perWait);
                for (int j = 0; j < parties; j++) {
                    long seen = slots[j];
                    if (seen != p && seen != p + 1) {
                        throw new IllegalStateException(kind + ": after phase " + p + " worker " + j
                                + "'s slot holds " + seen);
                    }
                }
            }
        }, timeout);
        for (int j = 0; j < parties; j++) {
            if (slots[j] != phases - 1) {
                throw new IllegalStateException(kind + ": worker " + j + " ended in phase " + slots[j]);
            }
        }
        gate.checkCompleted(phases);
        return phases;
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        crew.close();
    }
}
