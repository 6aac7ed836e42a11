package dev.parbench.coordination.cancel;

import dev.parbench.coordination.Identified;
import java.util.concurrent.Callable;

/** The cancellation variants: the {@code variant} parameter of CancelBench. */
public enum CancelKind implements Identified {
    CHECKS_INTERRUPT("checks-interrupt", true),
    BLOCKS("blocks", true),
    SPINS("spins", false);

    private final String id;
    private final boolean stopsOnCancel;

    CancelKind(String id, boolean stopsOnCancel) {
        this.id = id;
        this.stopsOnCancel = stopsOnCancel;
    }

    @Override
    public String id() {
        return id;
    }

    /** False for {@code spins}: {@code cancel(true)} cannot stop it. */
    public boolean stopsOnCancel() {
        return stopsOnCancel;
    }

    public Callable<Long> task(StopSignals signals) {
        return switch (this) {
            case CHECKS_INTERRUPT -> new InterruptCheckingTask(signals);
            case BLOCKS -> new BlockingTask(signals);
            case SPINS -> new SpinningTask(signals);
        };
    }

    public static CancelKind fromId(String id) {
        return Identified.parse(CancelKind.class, id, "cancel variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
