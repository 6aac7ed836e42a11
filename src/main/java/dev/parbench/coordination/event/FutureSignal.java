package dev.parbench.coordination.event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code future}: a {@link CompletableFuture} the waiter blocks on with {@code get}, completed by the firer. The
 * waiter registers a completion node and parks; {@code complete} runs the dependent nodes and unparks it.
 *
 * <p>Memory consistency: actions before {@code complete} happen-before the actions after {@code get} returns the
 * value (the result is published with a CAS, read as a volatile).
 */
public final class FutureSignal implements WakeSignal {
    private final CompletableFuture<Boolean> future = new CompletableFuture<>();

    @Override
    public void await(long timeoutNanos) throws InterruptedException, TimeoutException {
        try {
            future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the signal failed", e);
        }
    }

    @Override
    public void fire() {
        future.complete(Boolean.TRUE);
    }
}
