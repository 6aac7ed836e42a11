package dev.parbench.coordination.semaphore;

import dev.parbench.coordination.Identified;

/** The semaphore variants: the {@code variant} parameter of SemaphoreBench. */
public enum Fairness implements Identified {
    /** Permits go to waiting threads in arrival order (FIFO). */
    FAIR("fair", true),
    /** A thread that asks just as a permit is released may take it ahead of the waiters (barging). */
    UNFAIR("unfair", false);

    private final String id;
    private final boolean fair;

    Fairness(String id, boolean fair) {
        this.id = id;
        this.fair = fair;
    }

    @Override
    public String id() {
        return id;
    }

    public boolean fair() {
        return fair;
    }

    public static Fairness fromId(String id) {
        return Identified.parse(Fairness.class, id, "semaphore variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
