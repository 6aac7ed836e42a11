package dev.parbench.channel;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deadlines for blocking channel calls, which NIO channels do not have: one daemon thread looks at every guarded call
 * every few milliseconds and runs the guard's {@code onStall} (which closes the channels, so the blocked call fails
 * with {@code AsynchronousCloseException}) when a call has been blocked longer than its timeout. A call costs two
 * volatile stores and a {@code nanoTime}.
 */
final class Watchdog {
    private static final long IDLE = Long.MIN_VALUE;
    private static final Set<Guard> GUARDS = ConcurrentHashMap.newKeySet();
    private static final long TICK_MILLIS = 20;

    static {
        Thread.ofPlatform().daemon(true).name("parbench-channel-watchdog").start(Watchdog::watch);
    }

    private Watchdog() {
    }

    private static void watch() {
        while (true) {
            long now = System.nanoTime();
            for (Guard g : GUARDS) {
                g.check(now);
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static Guard guard(Duration timeout, Runnable onStall) {
        Guard g = new Guard(timeout.toNanos(), onStall);
        GUARDS.add(g);
        return g;
    }

    /** One link's deadline: {@link #begin} before a blocking call, {@link #end} after it. */
    static final class Guard {
        private volatile long timeoutNanos;
        private final Runnable onStall;
        private volatile long since = IDLE;
        private volatile boolean stalled;

        private Guard(long timeoutNanos, Runnable onStall) {
            this.timeoutNanos = timeoutNanos;
            this.onStall = onStall;
        }

        void timeout(Duration t) {
            timeoutNanos = t.toNanos();
        }

        void begin() {
            since = System.nanoTime();
        }

        void end() {
            since = IDLE;
        }

        /** True once the watchdog has given up on a call of this guard. */
        boolean stalled() {
            return stalled;
        }

        long timeoutMillis() {
            return timeoutNanos / 1_000_000;
        }

        void forget() {
            GUARDS.remove(this);
        }

        private void check(long now) {
            long s = since;
            if (s != IDLE && now - s > timeoutNanos) {
                stalled = true;
                forget();
                try {
                    onStall.run();
                } catch (RuntimeException ignored) {
                    // closed anyway
                }
            }
        }
    }
}
