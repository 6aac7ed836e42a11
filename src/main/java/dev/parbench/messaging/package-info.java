/**
 * Message passing between ranks, the way MPI teaches it, over the worker JVMs parbench already starts.
 *
 * <p>A {@link dev.parbench.messaging.World} of {@code n} ranks (2 to 8): rank 0 is the calling JVM (the JMH fork),
 * ranks 1..n-1 are child JVMs started from the same jar ({@code Main worker --rank R --ranks N --root HOST:PORT},
 * the token on their stdin), or threads of this JVM for the unit tests. Every pair of ranks has its own loopback TCP
 * connection (a full mesh), opened and authenticated once ({@link dev.parbench.messaging.Mesh}: HMAC challenge with
 * a fresh per-world token, the pre-auth codec's tiny frame limit, every step under a deadline). A message is a
 * parbench RESULT frame (tag, one long, one long[]), so the wire rules are those of the worker protocol: no Java
 * serialization, every length checked before allocation.
 *
 * <p>Every socket's send and receive buffers are set small and explicit ({@link dev.parbench.messaging.Link#BUFFER_BYTES},
 * 16 KiB requested, which Linux doubles): a message larger than what the two buffers hold blocks its sender until
 * the receiver reads, exactly as MPI's rendezvous protocol does, so the naive exchange really deadlocks.
 *
 * <p>One class per operation ({@link dev.parbench.messaging.Collective}); {@link dev.parbench.messaging.CollectiveKind}
 * names them. Every operation runs under a deadline ({@link dev.parbench.messaging.Comm#within}): when it passes, a
 * watchdog closes the rank's connections, which ends any blocked read or write; the naive exchange reports that as
 * DEADLOCK, every other operation as a failure. Nothing waits without a bound, and a world leaves no process or
 * thread behind when closed.
 */
package dev.parbench.messaging;
