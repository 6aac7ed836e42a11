package dev.parbench.coordination.counter;

import dev.parbench.coordination.Identified;
import java.util.function.Supplier;

/** The counter variants; each id is the {@code variant} parameter of CounterBench. */
public enum CounterKind implements Identified {
    RACY("racy", RacyCounter::new, false),
    SYNCHRONIZED("synchronized", SynchronizedCounter::new, true),
    REENTRANT_LOCK("reentrant-lock", () -> new ReentrantLockCounter(false), true),
    REENTRANT_LOCK_FAIR("reentrant-lock-fair", () -> new ReentrantLockCounter(true), true),
    ATOMIC("atomic", AtomicCounter::new, true),
    ADDER("adder", AdderCounter::new, true),
    STAMPED("stamped", StampedCounter::new, true);

    private final String id;
    private final Supplier<SharedCounter> factory;
    private final boolean safe;

    CounterKind(String id, Supplier<SharedCounter> factory, boolean safe) {
        this.id = id;
        this.factory = factory;
        this.safe = safe;
    }

    @Override
    public String id() {
        return id;
    }

    /** False for {@code racy} only: it may lose updates (that is what it shows). */
    public boolean safe() {
        return safe;
    }

    /** A new counter at zero. */
    public SharedCounter create() {
        return factory.get();
    }

    public static CounterKind fromId(String id) {
        return Identified.parse(CounterKind.class, id, "counter variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
