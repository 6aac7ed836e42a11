package dev.parbench.remote;

import java.nio.ByteBuffer;

/**
 * The transfer probes' buffers: one direct buffer as large as a round (up to {@link #MAX_SPAN} bytes), used a chunk at
 * a time from start to end, so a round of a probe reads and writes memory the way a model's transfer of an array
 * does, instead of cycling one cache-resident chunk.
 */
final class Spans {
    /** Bytes handed to one read or write call. */
    static final int CHUNK = 1 << 20;
    /** The largest buffer a probe allocates; longer rounds wrap around in it. */
    static final int MAX_SPAN = 1 << 28;

    private Spans() {
    }

    /** A direct buffer of {@code min(bytesPerRound, MAX_SPAN)} bytes, zeroed (and so paged in). */
    static ByteBuffer allocate(long bytesPerRound) {
        if (bytesPerRound < 1) {
            throw new IllegalArgumentException("bytes per round must be positive, got " + bytesPerRound);
        }
        return ByteBuffer.allocateDirect((int) Math.min(bytesPerRound, MAX_SPAN));
    }

    /** {@link #allocate} filled with a byte pattern (not zeros: nothing may treat the bytes as special). */
    static ByteBuffer filled(long bytesPerRound) {
        ByteBuffer b = allocate(bytesPerRound);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (i * 31 + 7));
        }
        return b;
    }

    /**
     * The part of {@code span} for the round's bytes from {@code done} on, at most {@link #CHUNK} and at most
     * {@code left} bytes: position and limit set on {@code span} itself, which is returned.
     */
    static ByteBuffer next(ByteBuffer span, long done, long left) {
        int at = (int) (done % span.capacity());
        int n = (int) Math.min(Math.min(CHUNK, left), span.capacity() - at);
        span.limit(span.capacity()).position(at).limit(at + n);
        return span;
    }
}
