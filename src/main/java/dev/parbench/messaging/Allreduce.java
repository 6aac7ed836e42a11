package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code allreduce}: every rank ends with the element-wise sum of all messages. Here: {@link Reduce} to rank 0 along
 * the binomial tree, then {@link BroadcastBinomial} of the total back down (2 ceil(log2 size) rounds); every rank
 * checks the total against the workloads' oracles.
 */
public final class Allreduce implements Collective {
    static final long TAG = 107;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        Reduce.contribute(comm.rank(), b, seq);
        Reduce.reduce(comm, b, seq, TAG);
        BroadcastBinomial.broadcast(comm, b.msg(), b.count(), seq, TAG);
        Reduce.checkTotal(b.msg(), b.count(), comm.size(), seq, "allreduce at rank " + comm.rank());
    }
}
