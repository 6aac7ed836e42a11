package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parbench.coordination.event.EventKind;
import dev.parbench.coordination.event.WakeSignal;
import dev.parbench.coordination.event.WakeUp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each signal wakes its parked waiter, round after round; an unfired signal times out; close ends the waiter. */
class EventTest {
    private static final Duration T = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void theWaiterWakesForEveryFiredRound(EventKind kind) {
        for (ThreadKind threads : ThreadKind.values()) {
            List<Thread> started;
            try (WakeUp w = new WakeUp(kind, threads, T)) {
                started = w.threads();
                for (int round = 1; round <= 50; round++) {
                    w.arm();
                    assertEquals(round, w.fire());
                }
                w.arm(); // armed but never fired: close() must still release the waiter
            }
            Leaks.assertAllEnded(started, kind + " " + threads);
        }
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void anUnfiredSignalTimesOut(EventKind kind) {
        WakeSignal s = kind.create(Thread.currentThread());
        assertThrows(TimeoutException.class, () -> s.await(2_000_000));
    }
}
