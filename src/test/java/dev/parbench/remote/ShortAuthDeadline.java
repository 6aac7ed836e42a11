package dev.parbench.remote;

import java.time.Duration;

/**
 * For the tests that wait out {@link AuthDeadline} on purpose (a silent or wrong peer connects first and must be
 * dropped at its deadline): sets {@code -Dparbench.authSeconds} in this JVM for the span of a try-with-resources and
 * puts the previous value back. The listener under test reads the property on every accepted connection, so what is
 * checked (dropped at the deadline, the real peer taken after) is the same at 2 s as at the default 10 s; only the
 * wait is shorter. Scoped to those tests, not set for the whole test JVM: every other test's real peers keep the
 * default's room to greet on a loaded machine.
 */
public final class ShortAuthDeadline implements AutoCloseable {
    /** What the tests use: well above the few milliseconds a real peer takes to greet once it has connected. */
    public static final long SECONDS = 2;
    private static final String PROPERTY = "parbench.authSeconds";

    private final String before;

    private ShortAuthDeadline(long seconds) {
        before = System.setProperty(PROPERTY, String.valueOf(seconds));
        if (!AuthDeadline.get().equals(Duration.ofSeconds(seconds))) {
            throw new IllegalStateException(PROPERTY + " is no longer what AuthDeadline reads");
        }
    }

    /** The auth deadline at {@link #SECONDS} until {@link #close}. */
    public static ShortAuthDeadline set() {
        return new ShortAuthDeadline(SECONDS);
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
