package dev.parbench.coordination.counter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code racy}: a plain {@code long} field and an unprotected read-add-write. Two threads that read the same value
 * both write value + 1 and one update is lost. That loss is the lesson: the benchmark reports it
 * ({@code lostUpdates}) instead of failing.
 *
 * <p>The field is read and written in <em>opaque</em> mode ({@link VarHandle#getOpaque}/{@code setOpaque}) rather
 * than with a bare {@code count++}: opaque adds no atomicity and no ordering, it only stops the JIT from merging
 * the increments of a loop. With a bare {@code count++} the JIT is entitled to (and does) turn them into one
 * {@code count += k}: a first trial "counted" 36 billion increments per second on 2 cores and lost almost nothing,
 * which measures the compiler, not the race.
 *
 * <p>Losses come in bursts: a thread preempted between its read and its write writes back a stale value and erases
 * everything the others added meanwhile (up to a whole time slice), so the lost fraction depends on the machine's
 * load and varies a lot from run to run; a volatile field would lose the same way (volatile is not atomic).
 *
 * <p>Memory consistency: none. No lock, no volatile: there is no happens-before edge between one thread's write and
 * another's read, so a reader may see any earlier value (opaque only promises that each thread sees the writes to
 * this one field in some single order). The only thing that holds is that the count never exceeds the number of
 * increments: every write is some earlier value plus one.
 */
public final class RacyCounter implements SharedCounter {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(RacyCounter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long count;

    @Override
    public void increment() {
        long seen = (long) COUNT.getOpaque(this);
        COUNT.setOpaque(this, seen + 1);
    }

    @Override
    public long get() {
        return (long) COUNT.getOpaque(this);
    }
}
