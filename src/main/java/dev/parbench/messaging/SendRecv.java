package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code send-recv}: point-to-point ping-pong. Ranks pair up (0-1, 2-3, ...); the even rank sends its message, the
 * odd rank receives it, checks it and sends its own back. One operation is one round trip. With an odd number of
 * ranks the last one has no partner and waits.
 */
public final class SendRecv implements Collective {
    static final long TAG = 101;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int me = comm.rank();
        int partner = me ^ 1;
        if (partner >= comm.size()) {
            return;
        }
        if (me % 2 == 0) {
            Buffers.fill(b.msg(), 0, b.count(), seq, me);
            comm.send(partner, TAG, seq, b.msg(), 0, b.count());
            comm.recv(partner, TAG, seq, b.tmp(), 0, b.count());
            Buffers.check(b.tmp(), 0, b.count(), seq, partner, "send-recv reply");
        } else {
            comm.recv(partner, TAG, seq, b.tmp(), 0, b.count());
            Buffers.check(b.tmp(), 0, b.count(), seq, partner, "send-recv");
            Buffers.fill(b.msg(), 0, b.count(), seq, me);
            comm.send(partner, TAG, seq, b.msg(), 0, b.count());
        }
    }
}
