package dev.parbench.messaging;

import java.io.IOException;

/** An operation did not finish before its deadline: the watchdog closed the rank's connections. */
public class DeadlineException extends IOException {
    public DeadlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
