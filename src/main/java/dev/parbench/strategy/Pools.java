package dev.parbench.strategy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Shutting a pool down so that, when {@code close()} returns, its threads have ended. */
final class Pools {
    private static final long TERMINATION_SECONDS = 30;

    private Pools() {
    }

    static void shutdown(ExecutorService pool, String what) {
        pool.shutdownNow();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (!pool.awaitTermination(TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(what + " pool did not terminate within "
                                + TERMINATION_SECONDS + " s");
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
