package dev.parbench.bench;

import dev.parbench.workload.SimdKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The crew behind the machine's bandwidth ceiling ({@link BandwidthProbe}), built by STREAM's rules and sharing
 * nothing with the concurrency models it bounds.
 *
 * <ul>
 *   <li><b>Long-lived members.</b> {@code n} members: the calling thread and {@code n - 1} threads started once.
 *       Between passes the extra members spin on a generation counter (no park, no wake-up through the scheduler or
 *       the hypervisor), so a pass over a cache-sized array costs the loop and nothing else.</li>
 *   <li><b>Their own, first-touched arrays.</b> Each member allocates and writes its own slice of the arrays on its
 *       own thread before anything is timed (no page fault, no shared cache line in a pass).</li>
 *   <li><b>Started together.</b> One generation increment starts every member at once; the pass ends when the last
 *       member has finished (the caller waits for all).</li>
 * </ul>
 *
 * A pass either reads its arrays ({@link #read}: 8 bytes per element) or adds them ({@link #add}: {@code c = a + b},
 * 24 bytes per element). Every wait is bounded ({@link #WAIT_SECONDS}); {@link #close} stops the members.
 */
final class StreamCrew implements AutoCloseable {
    /** The longest a member waits for the others: a pass that takes longer means something is broken. */
    static final long WAIT_SECONDS = 60;
    private static final int PAD = 16; // longs between result slots: one cache line or more each

    private final Member[] members;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray results;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile long generation;
    private volatile boolean add;
    private volatile boolean closed;

    /** A crew of {@code n} members over {@code elements} elements per array in all, split into equal slices. */
    StreamCrew(int n, int elements) {
        if (n < 1 || elements < n) {
            throw new IllegalArgumentException("need 1 <= n <= elements, got n=" + n + ", elements=" + elements);
        }
        members = new Member[n];
        results = new AtomicLongArray(n * PAD);
        for (int k = 0; k < n; k++) {
            int from = (int) ((long) elements * k / n);
            int to = (int) ((long) elements * (k + 1) / n);
            members[k] = new Member(k, to - from);
        }
        members[0].allocate();
        AtomicInteger ready = new AtomicInteger(1);
        for (int k = 1; k < n; k++) {
            Member m = members[k];
            Thread t = Thread.ofPlatform().daemon(true).name("parbench-probe-" + k).start(() -> {
                m.allocate(); // first touch on the member's own thread
                ready.incrementAndGet();
                serve(m);
            });
            threads.add(t);
        }
        awaitAtLeast(ready, n, "the probe's members to allocate their arrays");
    }

    /** One pass reading every member's {@code long} slice; returns the sum (so nothing is dead code). */
    long read() {
        return pass(false);
    }

    /** One pass of {@code c = a + b} over every member's slices; returns a value of {@code c} (not dead code). */
    long add() {
        return pass(true);
    }

    private long pass(boolean isAdd) {
        add = isAdd;
        finished.set(0);
        generation = generation + 1; // starts every member
        long own = members[0].work(isAdd);
        awaitAtLeast(finished, members.length - 1, "the probe's other members to finish a pass");
        long total = own;
        for (int k = 1; k < members.length; k++) {
            total += results.get(k * PAD);
        }
        return total;
    }

    private void serve(Member m) {
        long seen = 0;
        while (true) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            long g;
            while ((g = generation) == seen) {
                if (closed || System.nanoTime() > deadline) {
                    return; // closed, or the driver is gone: a member never outlives its trial for long
                }
                Thread.onSpinWait();
            }
            seen = g;
            results.set(m.index * PAD, m.work(add));
            finished.incrementAndGet();
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int target, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT_SECONDS + " s waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Threads the crew started (for tests: none outlives {@link #close}). */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    private static final class Member {
        final int index;
        final int length;
        long[] longs;
        double[] a;
        double[] b;
        double[] c;

        Member(int index, int length) {
            this.index = index;
            this.length = length;
        }

        void allocate() {
            longs = new long[length];
            a = new double[length];
            b = new double[length];
            c = new double[length];
            for (int i = 0; i < length; i++) { // written, so every page is mapped before the first pass
                longs[i] = i;
                a[i] = i;
                b[i] = 2.0 * i;
                c[i] = 0;
            }
        }

        long work(boolean isAdd) {
            if (!isAdd) {
                return SimdKernels.sum(longs, 0, length);
            }
            SimdKernels.add(a, b, c, 0, length);
            return (long) c[length - 1];
        }
    }
}
