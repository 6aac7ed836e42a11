package dev.parbench.coordination.event;

import java.util.concurrent.TimeoutException;

/** A one-shot signal: one thread waits for it, another fires it once. */
public interface WakeSignal {
    /** Returns once the signal has fired; throws TimeoutException after {@code timeoutNanos}. */
    void await(long timeoutNanos) throws InterruptedException, TimeoutException;

    /** Fires the signal, waking the waiter. */
    void fire();
}
