package dev.parbench.coordination.event;

import dev.parbench.coordination.Identified;

/** The wake-up variants: the {@code variant} parameter of EventBench. */
public enum EventKind implements Identified {
    LATCH("latch"),
    WAIT_NOTIFY("wait-notify"),
    PARK_UNPARK("park-unpark"),
    FUTURE("future");

    private final String id;

    EventKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** A new signal for {@code waiter} to wait on. */
    public WakeSignal create(Thread waiter) {
        return switch (this) {
            case LATCH -> new LatchSignal();
            case WAIT_NOTIFY -> new MonitorSignal();
            case PARK_UNPARK -> new ParkSignal(waiter);
            case FUTURE -> new FutureSignal();
        };
    }

    public static EventKind fromId(String id) {
        return Identified.parse(EventKind.class, id, "event variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
