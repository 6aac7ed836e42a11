/**
 * Processes working together over channels (issue 10): the {@code channels} and {@code ipc-queue} families. A
 * {@link dev.parbench.channel.Link} carries length-delimited messages between this JVM and one peer, over one of the
 * {@link dev.parbench.channel.ChannelKind}s: the child JVM's stdin/stdout ({@link dev.parbench.channel.StreamLink}
 * over the pipes), a Unix domain socket or loopback TCP (also {@code StreamLink}), a ring buffer in a shared memory
 * file ({@link dev.parbench.channel.RingLink}, Agrona's {@code OneToOneRingBuffer}) or a handoff between two threads
 * of this JVM ({@link dev.parbench.channel.InJvmLink}, the reference). The peer ({@link dev.parbench.channel.Peer})
 * echoes messages (ping-pong) or consumes them and acknowledges every few (streaming, the queue); a
 * {@link dev.parbench.channel.Session} opens a link to a fresh peer and closes everything it made.
 *
 * <p>Rules of the room: every message is checked ({@link dev.parbench.channel.Messages}: length, and its sequence
 * number stamped at its start, its end and every 4 KiB in between); every wait is bounded (a stalled peer fails the
 * call with a {@link dev.parbench.channel.ChannelException} naming the channel and the peer, never a hang); no child
 * JVM, thread or shared memory file outlives {@code Session.close()}; no Java serialization. Measuring is for the JMH
 * shells in {@code dev.parbench.bench}.
 *
 * <p>May depend on: the JDK, Agrona, {@code dev.parbench.remote} (starting child JVMs). May not depend on: bench,
 * report, analysis, cli, JMH.
 */
package dev.parbench.channel;
