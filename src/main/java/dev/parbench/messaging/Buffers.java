package dev.parbench.messaging;

/**
 * One rank's message buffers for one message size, and the known values every message carries, so that every
 * receiver checks what it got: element {@code i} of the message rank {@code r} sends in operation {@code seq} is
 * {@link #value(long, int, int)}. A wrong, stale or misplaced element fails the operation.
 *
 * @param count    longs per message (per rank, for scatter and gather)
 * @param msg      this rank's message
 * @param tmp      a second message (what a partner sends back, a child's contribution to a reduce)
 * @param all      rank 0's whole array for scatter and gather ({@code count * size}); empty on other ranks
 * @param partials this rank's workload partials (for reduce and allreduce; see {@link Partials})
 */
public record Buffers(int count, long[] msg, long[] tmp, long[] all, long[] partials) {

    static Buffers of(int count, int rank, int size) {
        return new Buffers(count, new long[count], new long[count], rank == 0 ? new long[count * size] : new long[0],
                Partials.of(rank, size));
    }

    /** The value of element {@code i} of rank {@code r}'s message in operation {@code seq}. */
    public static long value(long seq, int r, int i) {
        return seq * 1_000_003L + r * 7_919L + i;
    }

    static void fill(long[] a, int off, int count, long seq, int r) {
        for (int i = 0; i < count; i++) {
            a[off + i] = value(seq, r, i);
        }
    }

    /** Checks that {@code a[off, off + count)} is rank {@code r}'s message of operation {@code seq}. */
    static void check(long[] a, int off, int count, long seq, int r, String what) {
        for (int i = 0; i < count; i++) {
            if (a[off + i] != value(seq, r, i)) {
                throw new WrongAnswerException(what + ": element " + i + " is " + a[off + i] + ", expected "
                        + value(seq, r, i) + " (rank " + r + ", operation " + seq + ")");
            }
        }
    }

    /** A received value was not the one sent: the operation is wrong, not slow. */
    public static final class WrongAnswerException extends IllegalStateException {
        public WrongAnswerException(String message) {
            super(message);
        }
    }
}
