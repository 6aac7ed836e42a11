package dev.parbench.remote;

import java.io.IOException;

/** A frame that breaks the protocol (bad magic, version, type, length, truncation): the connection is closed. */
public final class WireException extends IOException {
    public WireException(String message) {
        super(message);
    }
}
