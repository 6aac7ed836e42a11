package dev.parbench.coordination.event;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.Deadline;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.List;

/**
 * One waiter thread and the caller that wakes it. {@link #arm()} gives the waiter a fresh {@link WakeSignal} and
 * returns only once the waiter is really blocked in it (its thread state is WAITING or TIMED_WAITING after it said
 * it was about to wait): a signal fired earlier would measure a flag check, not a wake-up. {@link #fire()} fires the
 * signal and spins until the waiter writes back the round number: the time of {@code fire()} is the wake-up latency
 * plus one cache-line transfer, and the caller does not park (parking it would add its own wake-up).
 *
 * <p>The answer: the waiter acknowledges exactly the round that was fired, and its wait ended without a timeout
 * (checked at the next {@code arm()} and at {@code close()}).
 *
 * <p>Memory consistency of the acknowledgement: {@code acked} is volatile; the waiter's write happens-before the
 * caller's read that sees it.
 */
public final class WakeUp implements AutoCloseable {
    private final EventKind kind;
    private final Crew crew;
    private final Thread waiter;
    private final Duration timeout;
    private volatile long armed;
    private volatile long acked;
    private long round;
    private WakeSignal signal;
    private Crew.Round pending;

    public WakeUp(EventKind kind, ThreadKind threads, Duration timeout) {
        this.kind = kind;
        this.timeout = timeout;
        this.crew = new Crew(threads, 1, "parbench-event-" + kind.id());
        this.waiter = crew.threads().get(0);
    }

    /** Prepares one wake-up: the waiter is blocked in a fresh signal when this returns. */
    public void arm() {
        settle();
        long r = ++round;
        WakeSignal s = kind.create(waiter);
        signal = s;
        long waitNanos = timeout.toNanos();
        pending = crew.start(i -> {
            armed = r;
            s.await(waitNanos);
            acked = r;
        });
        Deadline.after(timeout).spinUntil(() -> armed == r && isBlocked(waiter.getState()),
                kind + ": the waiter blocking in round " + r);
    }

    private static boolean isBlocked(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /** Fires the armed signal and returns once the waiter has woken and acknowledged it; returns the round. */
    public long fire() {
        long r = round;
        signal.fire();
        Deadline.after(timeout).spinUntil(() -> acked == r, kind + ": the waiter waking in round " + r);
        return r;
    }

    /** Waits for the last round to end and checks it ended cleanly. */
    private void settle() {
        if (pending != null) {
            Crew.Round p = pending;
            pending = null;
            p.await(timeout);
            if (acked != round) {
                throw new IllegalStateException(kind + ": acknowledged round " + acked + ", fired " + round);
            }
        }
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        try {
            if (pending != null && acked != round) {
                signal.fire(); // armed but never fired: let the waiter go
            }
            settle();
        } finally {
            crew.close();
        }
    }
}
