package dev.parbench.channel;

import java.io.IOException;

/** A channel failed: a stalled or dead peer, a message that arrived wrong, a peer that reported an error. */
public final class ChannelException extends IOException {
    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
