package dev.parbench.messaging;

import java.io.IOException;

/**
 * The naive exchange's verdict: the deadline passed while this rank was still blocked sending a message its partner
 * was not reading (because the partner was blocked sending too). A real deadlock, detected, never a hang.
 */
public final class DeadlockException extends IOException {
    private final long bytesSent;
    private final long bytesToSend;

    public DeadlockException(String message, long bytesSent, long bytesToSend, Throwable cause) {
        super(message, cause);
        this.bytesSent = bytesSent;
        this.bytesToSend = bytesToSend;
    }

    /** How far the blocked send got (bytes of the frame written) before the deadline. */
    public long bytesSent() {
        return bytesSent;
    }

    public long bytesToSend() {
        return bytesToSend;
    }
}
