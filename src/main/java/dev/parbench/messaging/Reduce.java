package dev.parbench.messaging;

import java.io.IOException;

/**
 * {@code reduce}: the element-wise sum of every rank's message arrives at the root, along a binomial tree (in round
 * k, every rank whose bit k is set sends its running sum to the rank 2^k below and drops out; the others add what
 * they receive): ceil(log2 size) rounds.
 *
 * <p>What is reduced: the first elements of rank r's message are its {@link Partials} (one per workload: sum,
 * vector-add, Monte Carlo, Mandelbrot over its share of the blocks); the root checks that their totals equal the
 * workloads' oracles exactly, and that every other element is the sum of what each rank put there.
 */
public final class Reduce implements Collective {
    static final long TAG = 106;

    @Override
    public void run(Comm comm, Buffers b, long seq) throws IOException {
        contribute(comm.rank(), b, seq);
        reduce(comm, b, seq, TAG);
        if (comm.rank() == 0) {
            checkTotal(b.msg(), b.count(), comm.size(), seq, "reduce");
        }
    }

    /** This rank's message: its three workload partials, then known values. */
    static void contribute(int rank, Buffers b, long seq) {
        Buffers.fill(b.msg(), 0, b.count(), seq, rank);
        System.arraycopy(b.partials(), 0, b.msg(), 0, b.partials().length);
    }

    /** Sums every rank's {@code b.msg()} into rank 0's, along the binomial tree (other ranks' buffers are spent). */
    static void reduce(Comm comm, Buffers b, long seq, long tag) throws IOException {
        int me = comm.rank();
        int n = b.count();
        for (int mask = 1; mask < comm.size(); mask <<= 1) {
            if ((me & mask) != 0) {
                comm.send(me - mask, tag, seq, b.msg(), 0, n);
                return;
            }
            int child = me + mask;
            if (child < comm.size()) {
                comm.recv(child, tag, seq, b.tmp(), 0, n);
                for (int i = 0; i < n; i++) {
                    b.msg()[i] += b.tmp()[i];
                }
            }
        }
    }

    /** Checks a reduced message: the workload oracles, then sum over ranks of {@link Buffers#value}. */
    static void checkTotal(long[] total, int n, int size, long seq, String what) {
        long[] oracles = Partials.oracles();
        for (int k = 0; k < oracles.length; k++) {
            if (total[k] != oracles[k]) {
                throw new Buffers.WrongAnswerException(what + ": " + Partials.WORKLOADS.get(k).id() + " total is "
                        + total[k] + ", the oracle says " + oracles[k]);
            }
        }
        for (int i = oracles.length; i < n; i++) {
            long expected = 0;
            for (int r = 0; r < size; r++) {
                expected += Buffers.value(seq, r, i);
            }
            if (total[i] != expected) {
                throw new Buffers.WrongAnswerException(what + ": element " + i + " is " + total[i] + ", expected "
                        + expected);
            }
        }
    }
}
