package dev.parbench.strategy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the models cost mechanically, counted where it happens, for this JVM (the benchmark's, the master's): bytes
 * moved between processes, the nanoseconds spent moving them, links used, child JVMs started; and, from the JVM's own
 * counters, threads started and bytes allocated. {@code bench/CostProfiler} reads a {@link #now() snapshot} between
 * iterations and turns the differences into figures per operation.
 *
 * <p>Where each count is made (one {@link LongAdder} add per frame, per copy, per operation or per launch, never per
 * element): the master's worker links add every frame they write or read ({@code remote/WorkerLink}: its 12-byte
 * header plus its payload, and the time from the write's start to its end, or from the header's arrival to the
 * frame's last byte); the shared-memory model adds each copy into or out of its mapping; an engine registers its own
 * network counters ({@link #countBytesOf}); the one launcher of worker JVMs ({@code remote/WorkerProcesses.track}) and
 * of Hazelcast members ({@code engine/MemberProcesses.start}) add each launch. Counts made in child JVMs never reach
 * this class: the figures are the master's end of every connection.
 *
 * <p>It lives in {@code strategy}, the lowest package both {@code remote} and {@code engine} see. Nothing here is
 * read on a hot path: {@link #now()} (which asks the JVM's thread bean) runs only outside the measured window.
 */
public final class CostCounters {
    private static final LongAdder BYTES = new LongAdder();
    private static final LongAdder MOVE_NANOS = new LongAdder();
    private static final LongAdder LINK_USES = new LongAdder();
    private static final LongAdder JVMS = new LongAdder();
    /** Byte counters of connections this class does not see frame by frame (an engine's client). */
    private static final Set<LongSupplier> SOURCES = ConcurrentHashMap.newKeySet();
    /** Live connections that move bytes nobody counts: while there are any, the byte count is not whole. */
    private static final AtomicInteger UNCOUNTED = new AtomicInteger();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The counting window an iteration's states marked (bench: iteration set-up and tear-down); null: none yet. */
    private static volatile Snapshot markedStart;
    private static volatile Snapshot markedEnd;

    private CostCounters() {
    }

    /** {@code bytes} crossed to or from another process (a frame, a copy through a shared mapping) in {@code nanos}. */
    public static void moved(long bytes, long nanos) {
        BYTES.add(bytes);
        MOVE_NANOS.add(nanos);
    }

    /** An operation used {@code n} links (connections or pipe pairs to worker JVMs): once per operation. */
    public static void linksUsed(int n) {
        LINK_USES.add(n);
    }

    /** A child JVM was launched: once per launch, at the one place each kind is launched. */
    public static void jvmStarted() {
        JVMS.increment();
    }

    /**
     * Counts the bytes of connections whose frames this JVM does not see one by one (an engine's client):
     * {@code source} says how many bytes they have read and written so far. Returns what stops counting it (run it
     * with the client's close).
     */
    public static Runnable countBytesOf(LongSupplier source) {
        SOURCES.add(source);
        return () -> SOURCES.remove(source);
    }

    /**
     * Says that connections now open move bytes that are not counted (an engine whose byte counters could not be
     * found): until the returned action runs, snapshots say their byte count is not whole, and no bytes are reported.
     */
    public static Runnable notCounting() {
        UNCOUNTED.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                UNCOUNTED.decrementAndGet();
            }
        };
    }

    /**
     * The counts at one moment.
     *
     * @param nanoTime       {@code System.nanoTime()} when taken
     * @param wireBytes      bytes moved to or from other processes, counted at this end
     * @param moveNanos      nanoseconds spent moving them (summed over the threads that moved them)
     * @param linkUses       links used, summed over operations
     * @param jvms           child JVMs launched
     * @param threads        platform threads this JVM started ({@link ThreadMXBean#getTotalStartedThreadCount}:
     *                       virtual threads are not counted)
     * @param allocatedBytes bytes this JVM's threads allocated, ended threads included (-1: the JVM cannot say)
     * @param bytesWhole     every open connection's bytes were counted ({@link #notCounting})
     */
    public record Snapshot(long nanoTime, long wireBytes, long moveNanos, long linkUses, long jvms, long threads,
            long allocatedBytes, boolean bytesWhole) {
    }

    /**
     * The counts now, as the start of a window. Not for hot paths: it asks the JVM's thread bean, and an engine's
     * counters may take milliseconds to collect (and allocate): they are read first here, so that what reading them
     * allocates falls before the window.
     */
    public static Snapshot now() {
        long bytes = sourceBytes() + BYTES.sum();
        return new Snapshot(System.nanoTime(), bytes, MOVE_NANOS.sum(), LINK_USES.sum(), JVMS.sum(),
                THREADS.getTotalStartedThreadCount(), allocated(), UNCOUNTED.get() == 0);
    }

    /** The counts now, as the end of a window: the JVM's counters first, so that reading the rest is not counted. */
    public static Snapshot ending() {
        long nanos = System.nanoTime();
        long allocated = allocated();
        long threads = THREADS.getTotalStartedThreadCount();
        long bytes = BYTES.sum() + sourceBytes();
        return new Snapshot(nanos, bytes, MOVE_NANOS.sum(), LINK_USES.sum(), JVMS.sum(), threads, allocated,
                UNCOUNTED.get() == 0);
    }

    private static long sourceBytes() {
        long bytes = 0;
        for (LongSupplier s : SOURCES) {
            bytes += s.getAsLong();
        }
        return bytes;
    }

    /** {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes} (JDK 21+), or -1 where unavailable. */
    private static long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean sun) {
            try {
                return sun.getTotalThreadAllocatedBytes();
            } catch (UnsupportedOperationException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Forgets the marks of an earlier iteration (the profiler, before an iteration). */
    public static void clearMarks() {
        markedStart = null;
        markedEnd = null;
    }

    /** Marks where an iteration's counting starts: after its set-up, before its first operation. */
    public static void markStart() {
        markedStart = now();
        markedEnd = null;
    }

    /** Marks where an iteration's counting ends: after its last operation, before any tear-down. */
    public static void markEnd() {
        markedEnd = ending();
    }

    /** The start mark of the current iteration, or null. */
    public static Snapshot markedStart() {
        return markedStart;
    }

    /** The end mark of the current iteration, or null. */
    public static Snapshot markedEnd() {
        return markedEnd;
    }
}
