package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code scatter}: the root holds one message per rank ({@code count * size} longs) and sends rank r its r-th part
 * (linear: the root sends {@code size - 1} different messages); it keeps part 0.
 */
public final class Scatter implements Collective {
    static final long TAG = 104;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int n = b.count();
        if (comm.rank() == 0) {
            for (int r = 0; r < comm.size(); r++) {
                Buffers.fill(b.all(), r * n, n, seq, r);
            }
            for (int r = 1; r < comm.size(); r++) {
                comm.send(r, TAG, seq, b.all(), r * n, n);
            }
        } else {
            comm.recv(0, TAG, seq, b.msg(), 0, n);
            Buffers.check(b.msg(), 0, n, seq, comm.rank(), "scatter");
        }
    }
}
