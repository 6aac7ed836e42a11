package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code exchange-sendrecv}: the second fix, MPI's Sendrecv. Each rank sends and receives at the same time
 * ({@link Comm#sendRecv}: the send on this rank's sender thread, the receive on this one), so both transfers proceed
 * together and neither rank waits on a full buffer with nobody reading.
 */
public final class ExchangeSendRecv implements Collective {
    static final long TAG = 111;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int me = comm.rank();
        int partner = me ^ 1;
        if (partner >= comm.size()) {
            return;
        }
        Buffers.fill(b.msg(), 0, b.count(), seq, me);
        comm.sendRecv(partner, TAG, seq, b.msg(), 0, b.count(), partner, b.tmp(), 0, b.count());
        Buffers.check(b.tmp(), 0, b.count(), seq, partner, "exchange-sendrecv");
    }
}
