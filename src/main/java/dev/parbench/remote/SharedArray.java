package dev.parbench.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Elements {@code [from, to)} of an array of 8-byte elements (long or double, in the platform's byte order) held in
 * a shared-memory file, mapped read-write with {@link FileChannel#map} in windows of at most 1 GiB (a
 * {@link MappedByteBuffer} holds at most 2 GiB). Elements are addressed by their index in the whole array, and move
 * to and from Java arrays by absolute bulk copies, which change no buffer state: several threads may copy at once
 * (the master's link readers each copy their task's output range). The mapping is released when this object is
 * collected (a mapping of a deleted file keeps only its memory, which the kernel frees when the last mapping goes).
 */
final class SharedArray {
    /** Elements per mapped window: 1 GiB. */
    static final int WINDOW_ELEMENTS = 1 << 27;
    /** One element per 4 KiB page. */
    private static final int PAGE_ELEMENTS = 512;

    private final long from;
    private final long to;
    private final List<LongBuffer> longs = new ArrayList<>();
    private final List<DoubleBuffer> doubles = new ArrayList<>();

    private SharedArray(long from, long to, List<ByteBuffer> windows) {
        this.from = from;
        this.to = to;
        for (ByteBuffer w : windows) {
            longs.add(w.asLongBuffer());
            doubles.add(w.asDoubleBuffer());
        }
    }

    /** Maps elements {@code [from, to)} of the file (which grows to hold them if it is shorter). */
    static SharedArray map(Path file, long from, long to) throws IOException {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad element range [" + from + ", " + to + ")");
        }
        List<ByteBuffer> windows = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (long start = from; start < to; start += WINDOW_ELEMENTS) {
                long n = Math.min(WINDOW_ELEMENTS, to - start);
                windows.add(ch.map(FileChannel.MapMode.READ_WRITE, 8 * start, 8 * n).order(ByteOrder.nativeOrder()));
            }
        }
        return new SharedArray(from, to, windows);
    }

    /**
     * The mapping as one buffer of the array's element type ({@code kind}: a long[] or double[]), element 0 being
     * {@link #from()}; null if it spans more than one window.
     */
    java.nio.Buffer buffer(Object kind) {
        if (longs.size() != 1) {
            return null;
        }
        return kind instanceof long[] ? longs.get(0) : doubles.get(0);
    }

    long from() {
        return from;
    }

    long to() {
        return to;
    }

    /** Copies {@code n} elements from {@code element} (an index in the whole array) into {@code dest[off...]}. */
    void get(long element, Object dest, int off, int n) {
        copy(element, dest, off, n, false);
    }

    /** Copies {@code n} elements of {@code src[off...]} to {@code element} (an index in the whole array). */
    void put(long element, Object src, int off, int n) {
        copy(element, src, off, n, true);
    }

    /** The window-by-window bulk copy of {@link #get} ({@code intoMapping} false) and {@link #put} (true). */
    private void copy(long element, Object array, int off, int n, boolean intoMapping) {
        check(element, n);
        int done = 0;
        while (done < n) {
            long i = element + done - from;
            int w = (int) (i / WINDOW_ELEMENTS);
            int at = (int) (i % WINDOW_ELEMENTS);
            int k = Math.min(n - done, WINDOW_ELEMENTS - at);
            switch (array) {
                case long[] a -> {
                    if (intoMapping) {
                        longs.get(w).put(at, a, off + done, k);
                    } else {
                        longs.get(w).get(at, a, off + done, k);
                    }
                }
                case double[] a -> {
                    if (intoMapping) {
                        doubles.get(w).put(at, a, off + done, k);
                    } else {
                        doubles.get(w).get(at, a, off + done, k);
                    }
                }
                default -> throw new IllegalArgumentException("only long[] and double[], not " + array.getClass());
            }
            done += k;
        }
    }

    /**
     * Touches every page of the mapping (reads one element per page, or writes a zero there), so that page faults
     * happen now and not inside a timed operation. Returns what it read, to keep the reads alive.
     */
    long touch(boolean write) {
        long sink = 0;
        for (LongBuffer b : longs) {
            for (int i = 0; i < b.limit(); i += PAGE_ELEMENTS) {
                if (write) {
                    b.put(i, 0L);
                } else {
                    sink += b.get(i);
                }
            }
        }
        return sink;
    }

    private void check(long element, int n) {
        if (element < from || n < 0 || element + n > to) {
            throw new IndexOutOfBoundsException("elements [" + element + ", " + (element + n) + ") outside the mapped ["
                    + from + ", " + to + ")");
        }
    }
}
