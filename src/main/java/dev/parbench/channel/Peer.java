package dev.parbench.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The other end of a {@link Session}: in a child JVM ({@code worker --channel}) or, for the in-JVM reference, a
 * thread. It first sends HELLO (carrying the session's nonce, so a stray connection cannot pose as it), then serves
 * data messages in its {@link Role} until END, which it answers with FIN (the count it received and checked). Every
 * data message is checked ({@link Messages#check}: its length is the session's and its stamps are the next sequence
 * number, so every message arrives exactly once and in order); a failed check is sent back as ERROR and ends the peer.
 */
public final class Peer {
    /** What the peer does with a data message. */
    public enum Role {
        /** Sends it back (ping-pong). */
        ECHO("echo"),
        /** Keeps it, and sends ACK (the count so far) after every {@code ackEvery} messages (streaming, a queue). */
        SINK("sink");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Role fromId(String id) {
            for (Role r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown role '" + id + "'; known: echo, sink");
        }
    }

    private Peer() {
    }

    /**
     * Serves one session on {@code link} until END; returns the number of data messages received. Throws (after
     * telling the other side with ERROR, where it still can) if a message arrives wrong.
     */
    public static long serve(Link link, Role role, int bytes, int ackEvery, byte[] nonce) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(bytes, 64));
        ByteBuffer ctl = ByteBuffer.allocateDirect(64);
        link.send(Messages.HELLO, ByteBuffer.wrap(nonce));
        long seq = 0;
        try {
            while (true) {
                int type = link.receive(buf);
                switch (type) {
                    case Messages.DATA -> {
                        // an echo may be shorter than the session's size (its sender checks the length it gets
                        // back); a sink's messages are all of the session's size
                        Messages.check(buf, role == Role.ECHO ? Math.min(buf.limit(), bytes) : bytes, seq,
                                link.describe() + " peer");
                        seq++;
                        if (role == Role.ECHO) {
                            link.send(Messages.DATA, buf);
                        } else if (seq % ackEvery == 0) {
                            link.send(Messages.ACK, Messages.longMessage(ctl, seq));
                        }
                    }
                    case Messages.END -> {
                        long sent = Messages.longOf(buf, link.describe() + " peer");
                        link.send(Messages.FIN, Messages.longMessage(ctl, seq));
                        if (sent != seq) {
                            throw new ChannelException(link.describe() + " peer: " + sent + " messages sent, " + seq
                                    + " received");
                        }
                        return seq;
                    }
                    default -> throw new ChannelException(link.describe() + " peer: unexpected "
                            + Messages.typeName(type) + " message");
                }
            }
        } catch (ChannelException e) {
            tell(link, e.getMessage());
            throw e;
        }
    }

    private static void tell(Link link, String why) {
        try {
            byte[] text = why.getBytes(StandardCharsets.UTF_8);
            link.send(Messages.ERROR, ByteBuffer.wrap(text, 0, Math.min(text.length, 1000)));
        } catch (IOException | RuntimeException ignored) {
            // the link itself is what failed
        }
    }
}
