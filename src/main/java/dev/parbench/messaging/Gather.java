package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code gather}: the inverse of scatter. Every rank sends its message to the root, which receives them in rank
 * order into its part r of one {@code count * size} array and checks every part.
 */
public final class Gather implements Collective {
    static final long TAG = 105;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int n = b.count();
        if (comm.rank() == 0) {
            Buffers.fill(b.all(), 0, n, seq, 0);
            for (int r = 1; r < comm.size(); r++) {
                comm.recv(r, TAG, seq, b.all(), r * n, n);
            }
            for (int r = 0; r < comm.size(); r++) {
                Buffers.check(b.all(), r * n, n, seq, r, "gather");
            }
        } else {
            Buffers.fill(b.msg(), 0, n, seq, comm.rank());
            comm.send(0, TAG, seq, b.msg(), 0, n);
        }
    }
}
