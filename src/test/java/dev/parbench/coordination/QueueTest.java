package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.coordination.queue.Channel;
import dev.parbench.coordination.queue.ChannelKind;
import dev.parbench.coordination.queue.Handoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every item is consumed exactly once with producers and consumers racing; empty channels time out, not hang. */
class QueueTest {
    private static final Duration T = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void everyItemArrivesExactlyOnce(ChannelKind kind) {
        int[][] shapes = {{1, 1}, {3, 2}, {2, 5}, {8, 8}};
        for (ThreadKind threads : ThreadKind.values()) {
            for (int[] shape : shapes) {
                List<Thread> started;
                try (Handoff h = new Handoff(kind, threads, shape[0], shape[1], 5_000)) {
                    started = h.threads();
                    for (int run = 0; run < 2; run++) {
                        long start = System.nanoTime();
                        Handoff.Result r = h.run(T);
                        long elapsed = System.nanoTime() - start;
                        assertEquals(5_000, r.items());
                        // each item's offer-to-take time lies inside the run: the sum is positive and at most
                        // items x the run's duration (a wrong stamp, e.g. a missing subtraction, breaks it)
                        assertTrue(r.handoffNanos() > 0 && r.handoffNanos() <= r.items() * elapsed,
                                kind + ": handoff " + r.handoffNanos() + " ns for " + r.items() + " items in a run of "
                                        + elapsed + " ns");
                    }
                }
                Leaks.assertAllEnded(started, kind + " " + threads);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void anEmptyChannelTimesOutAndAFullOneRefuses(ChannelKind kind) throws Exception {
        Channel<String> c = kind.create(2);
        assertNull(c.poll(1_000_000));
        if (kind == ChannelKind.SYNCHRONOUS) {
            assertEquals(false, c.offer("x", 1_000_000)); // nobody to take it
        } else if (kind.bounded()) {
            assertTrue(c.offer("a", 1_000_000));
            assertTrue(c.offer("b", 1_000_000));
            assertEquals(false, c.offer("c", 1_000_000));
            assertEquals("a", c.poll(1_000_000));
        } else {
            assertTrue(c.offer("a", 0));
            assertEquals("a", c.poll(1_000_000));
        }
    }
}
