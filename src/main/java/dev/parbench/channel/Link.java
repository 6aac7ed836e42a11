package dev.parbench.channel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One end of a two-way message channel: whole messages of a type and a length, in order. Every call waits at most
 * the link's timeout (then it fails with a {@link ChannelException}, and the link is closed); a dead peer fails the
 * next call. One thread sends and one thread receives (they may be the same thread).
 */
public interface Link extends AutoCloseable {
    /** Sends {@code payload} (position to limit) as one message of {@code type}; leaves the position unchanged. */
    void send(int type, ByteBuffer payload) throws IOException;

    /**
     * Receives the next message into {@code dst} (cleared, then filled from 0; limit = the message's length) and
     * returns its type. A message longer than {@code dst}'s capacity fails.
     */
    int receive(ByteBuffer dst) throws IOException;

    /** What this link is, for error messages: the channel and the peer. */
    String describe();

    /** Releases this end: channels, mappings, the peer's thread where it has one. Never blocks long. */
    @Override
    void close();
}
