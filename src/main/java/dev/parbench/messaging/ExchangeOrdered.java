package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code exchange-ordered}: the first fix of the naive exchange. The even rank of each pair sends then receives, the
 * odd rank receives then sends, so one side is always reading while the other writes: no cycle of waits, whatever
 * the message size. The price: the two transfers no longer overlap.
 */
public final class ExchangeOrdered implements Collective {
    static final long TAG = 110;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int me = comm.rank();
        int partner = me ^ 1;
        if (partner >= comm.size()) {
            return;
        }
        Buffers.fill(b.msg(), 0, b.count(), seq, me);
        if (me % 2 == 0) {
            comm.send(partner, TAG, seq, b.msg(), 0, b.count());
            comm.recv(partner, TAG, seq, b.tmp(), 0, b.count());
        } else {
            comm.recv(partner, TAG, seq, b.tmp(), 0, b.count());
            comm.send(partner, TAG, seq, b.msg(), 0, b.count());
        }
        Buffers.check(b.tmp(), 0, b.count(), seq, partner, "exchange-ordered");
    }
}
