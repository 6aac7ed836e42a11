package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code exchange-naive}: partners (0-1, 2-3, ...) swap messages, each first sending, then receiving. A send blocks
 * until the socket buffers have taken the whole message; if the message is larger than the two buffers hold, each
 * rank's send waits for the other to receive, and neither ever does: a deadlock. Small messages fit in the buffers
 * and the same code completes; that is the trap.
 *
 * <p>The deadline of {@link Comm#within} ends it: the watchdog closes the connections and this rank reports a
 * {@link DeadlockException} saying how much of its message the socket took before it stopped.
 */
public final class ExchangeNaive implements Collective {
    static final long TAG = 109;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int me = comm.rank();
        int partner = me ^ 1;
        if (partner >= comm.size()) {
            return;
        }
        Buffers.fill(b.msg(), 0, b.count(), seq, me);
        try {
            comm.send(partner, TAG, seq, b.msg(), 0, b.count());
        } catch (IOException e) {
            if (comm.expired()) {
                long total = 8L * b.count();
                long written = comm.bytesWritten(partner);
                throw new DeadlockException("DEADLOCK: rank " + me + " and rank " + partner + " were both sending "
                        + total + "-byte messages and neither was receiving; the socket had taken " + written
                        + " bytes of rank " + me + "'s frame when the deadline passed", written, total, e);
            }
            throw e;
        }
        comm.recv(partner, TAG, seq, b.tmp(), 0, b.count());
        Buffers.check(b.tmp(), 0, b.count(), seq, partner, "exchange-naive");
    }
}
