package dev.parbench.remote;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a worker is doing when it is asked to stop: the {@code state} parameter of KillBench. {@code idle}: ready,
 * blocked reading its stdin. {@code busy}: computing a long request (Monte Carlo over {@link WorkerStop#BUSY_POINTS} points, sent
 * {@link WorkerStop#BUSY_LEAD} before the stop).
 */
public enum WorkerState {
    IDLE("idle"),
    BUSY("busy");

    private final String id;

    WorkerState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static WorkerState fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown worker state '" + id + "'; known: "
                        + Arrays.stream(values()).map(WorkerState::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
