package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code barrier}: no rank leaves before every rank has arrived. The dissemination barrier: in round k each rank
 * sends an empty message to rank {@code (r + 2^k) mod size} and waits for one from {@code (r - 2^k) mod size};
 * after ceil(log2 size) rounds every rank has heard, directly or not, from every other. The message size does not
 * matter (nothing is carried).
 */
public final class Barrier implements Collective {
    static final long TAG = 108;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        int me = comm.rank();
        int size = comm.size();
        for (int k = 1; k < size; k <<= 1) {
            comm.send((me + k) % size, TAG, seq, null, 0, -1);
            comm.recv((me - k + size) % size, TAG, seq, null, 0, -1);
        }
    }
}
