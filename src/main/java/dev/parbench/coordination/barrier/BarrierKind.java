package dev.parbench.coordination.barrier;

import dev.parbench.coordination.Identified;

/** The barrier variants: the {@code variant} parameter of BarrierBench. */
public enum BarrierKind implements Identified {
    CYCLIC_BARRIER("cyclic-barrier"),
    PHASER("phaser"),
    LATCH_PER_PHASE("latch-per-phase");

    private final String id;

    BarrierKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** A gate for one run of {@code phases} phases by {@code parties} parties. */
    public PhaseGate create(int parties, int phases) {
        return switch (this) {
            case CYCLIC_BARRIER -> new CyclicBarrierGate(parties);
            case PHASER -> new PhaserGate(parties);
            case LATCH_PER_PHASE -> new LatchPerPhaseGate(parties, phases);
        };
    }

    public static BarrierKind fromId(String id) {
        return Identified.parse(BarrierKind.class, id, "barrier variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
