package dev.parbench.remote;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Worker side of the {@code shared-counter} family ({@link Frame.Count}): maps the counter file, waits at its start
 * line until every worker process has arrived (so that the processes really overlap), then adds its increments to
 * the one counter: {@code atomic} with {@link VarHandle#getAndAdd} on the mapping (a {@code lock xadd} on x86,
 * atomic across processes because they share the physical page), {@code racy} with an opaque read and an opaque
 * write (not atomic: two processes that read the same value both write value + 1; opaque only keeps the JIT from
 * merging the increments of the loop, as the thread family's {@code racy} does).
 *
 * <p>Layout of the file (a {@link SharedCounterRace#FILE_BYTES}-byte file): the counter at offset 0, the start
 * line's arrival count at offset 64 (its own cache line).
 *
 * <p>Memory consistency: the counter is the only shared datum. Atomic read-modify-writes on one address are totally
 * ordered by the hardware's cache coherence, whatever the process; the racy variant has no ordering at all, only
 * the guarantee that the counter never exceeds the increments made. The master reads the counter after every
 * worker's RESULT has arrived over its pipe (the kernel orders a pipe write before the read that returns it).
 */
final class SharedCounterWork {
    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    static final int COUNTER = 0;
    static final int ARRIVED = 64;
    /** Longest wait at the start line for the other workers. */
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private SharedCounterWork() {
    }

    /** Maps the counter and makes this worker's increments; returns how many it made. */
    static long run(Frame.Count c) throws IOException {
        MappedByteBuffer m;
        try (FileChannel ch = FileChannel.open(SharedFiles.resolve(c.file()), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (ch.size() < SharedCounterRace.FILE_BYTES) {
                throw new IOException("the counter file has " + ch.size() + " bytes, expected "
                        + SharedCounterRace.FILE_BYTES);
            }
            m = ch.map(FileChannel.MapMode.READ_WRITE, 0, SharedCounterRace.FILE_BYTES);
        }
        long arrived = (long) LONGS.getAndAdd(m, ARRIVED, 1L) + 1;
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (arrived < c.workers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrived + " of " + c.workers() + " workers arrived within "
                        + TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NANOS) + " s");
            }
            Thread.onSpinWait();
            arrived = (long) LONGS.getVolatile(m, ARRIVED);
        }
        if (c.atomic()) {
            for (long k = 0; k < c.increments(); k++) {
                LONGS.getAndAdd(m, COUNTER, 1L);
            }
        } else {
            for (long k = 0; k < c.increments(); k++) {
                long seen = (long) LONGS.getOpaque(m, COUNTER);
                LONGS.setOpaque(m, COUNTER, seen + 1);
            }
        }
        return c.increments();
    }
}
