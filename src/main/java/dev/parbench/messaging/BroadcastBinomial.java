package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code broadcast-binomial}: a binomial tree. In round k every rank that already has the message sends it to the
 * rank 2^k above it, so the number of ranks holding it doubles each round: ceil(log2 size) rounds instead of
 * {@code size - 1} sends by the root.
 *
 * <p>Rank r first receives from the rank that differs from it in its lowest set bit, then sends to r + mask for every
 * mask below that bit (largest first). Rank 0 has no set bit: it only sends.
 */
public final class BroadcastBinomial implements Collective {
    static final long TAG = 103;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        if (comm.rank() == 0) {
            Buffers.fill(b.msg(), 0, b.count(), seq, 0);
        }
        broadcast(comm, b.msg(), b.count(), seq, TAG);
        if (comm.rank() != 0) {
            Buffers.check(b.msg(), 0, b.count(), seq, 0, "broadcast-binomial");
        }
    }

    /** Broadcasts {@code buf[0, count)} from rank 0 along the binomial tree (the root's buffer must be filled). */
    static void broadcast(Comm comm, long[] buf, int count, long seq, long tag) throws IOException {
        int me = comm.rank();
        int size = comm.size();
        int mask = 1;
        while (mask < size) {
            if ((me & mask) != 0) {
                comm.recv(me - mask, tag, seq, buf, 0, count);
                break;
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0) {
            if (me + mask < size) {
                comm.send(me + mask, tag, seq, buf, 0, count);
            }
            mask >>= 1;
        }
    }
}
