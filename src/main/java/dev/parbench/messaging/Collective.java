package dev.parbench.messaging;

import java.io.IOException;

/**
 * One message-passing operation, as every rank runs it: each implementation is this rank's part, written with
 * {@link Comm#send} and {@link Comm#recv} only (and {@link Comm#sendRecv} for the combined exchange), and it checks
 * what it received. Rank 0 is the root of the rooted operations.
 */
public interface Collective {
    /**
     * This rank's part of operation number {@code seq} (the same number on every rank), on messages of
     * {@code b.count()} longs.
     */
    void run(Comm comm, Buffers b, long seq) throws IOException;
}
