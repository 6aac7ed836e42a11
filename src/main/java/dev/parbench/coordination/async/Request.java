package dev.parbench.coordination.async;

import java.time.Duration;

/**
 * One request that blocks on I/O. The I/O is a timed wait: {@code Thread.sleep(1 ms)}, a real wait that holds no
 * CPU, the same for every variant, and with no server whose own queueing would blur the picture (a loopback round
 * trip would measure the server as much as the client). On a platform thread the sleep blocks the OS thread; on a
 * virtual thread it unmounts and frees its carrier: that difference is the whole lesson of {@code async}.
 * The answer of request {@code i} is {@link #answer(int)}; a fan-in adds them and compares with
 * {@link #expectedSum(int)}.
 */
public final class Request {
    /** How long each request waits for its "I/O". */
    public static final Duration LATENCY = Duration.ofMillis(1);

    private Request() {
    }

    /** Performs request {@code i}: waits {@link #LATENCY}, returns its answer. */
    public static long call(int i) throws InterruptedException {
        Thread.sleep(LATENCY);
        return answer(i);
    }

    public static long answer(int i) {
        return 3L * i + 1;
    }

    /** The sum of the answers of requests 0 to n - 1. */
    public static long expectedSum(int n) {
        return 3L * n * (n - 1) / 2 + n;
    }
}
