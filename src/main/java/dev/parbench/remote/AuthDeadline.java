package dev.parbench.remote;

import java.time.Duration;

/**
 * How long an accepted connection may take to prove who it is before it is dropped: {@code -Dparbench.authSeconds},
 * default 10 (what a worker allows, and room for a child JVM loading its classes on a loaded machine). Every
 * listener that waits for its real peers (the collectives mesh, the channel sockets) applies it to each accepted
 * connection on its own, so a peer that connects and sends nothing costs at most this long and the listener goes
 * back to accepting until its start deadline.
 */
public final class AuthDeadline {
    /** The default, in seconds. */
    public static final long DEFAULT_SECONDS = 10;

    private AuthDeadline() {
    }

    /** The deadline now in force (at least 100 ms, whatever the property says). */
    public static Duration get() {
        long s = Long.getLong("parbench.authSeconds", DEFAULT_SECONDS);
        return s <= 0 ? Duration.ofMillis(100) : Duration.ofSeconds(s);
    }

    /** The shorter of the auth deadline and what is left of a start deadline ({@code leftNanos}, at least 1 ms). */
    public static Duration within(long leftNanos) {
        Duration d = get();
        long left = Math.max(1_000_000L, leftNanos);
        return d.toNanos() < left ? d : Duration.ofNanos(left);
    }
}
