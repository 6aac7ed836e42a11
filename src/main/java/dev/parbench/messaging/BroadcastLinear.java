package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code broadcast-linear}: the root sends the whole message to every other rank, one after the other. The root
 * sends {@code size - 1} messages, so the time grows linearly with the ranks.
 */
public final class BroadcastLinear implements Collective {
    static final long TAG = 102;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        if (comm.rank() == 0) {
            Buffers.fill(b.msg(), 0, b.count(), seq, 0);
            for (int r = 1; r < comm.size(); r++) {
                comm.send(r, TAG, seq, b.msg(), 0, b.count());
            }
        } else {
            comm.recv(0, TAG, seq, b.msg(), 0, b.count());
            Buffers.check(b.msg(), 0, b.count(), seq, 0, "broadcast-linear");
        }
    }
}
