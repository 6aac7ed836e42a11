package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parbench.coordination.barrier.BarrierKind;
import dev.parbench.coordination.barrier.PhasedWork;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every barrier completes every phase, and no worker ever sees a slot from a phase it should have left behind. */
class BarrierTest {
    private static final Duration T = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(BarrierKind.class)
    void everyPhaseCompletesForEveryPartyCount(BarrierKind kind) {
        for (ThreadKind threads : ThreadKind.values()) {
            for (int workers : new int[] {1, 2, 5, 16}) {
                List<Thread> started;
                try (PhasedWork work = new PhasedWork(kind, threads, workers, 200)) {
                    started = work.threads();
                    for (int run = 0; run < 3; run++) {
                        assertEquals(200, work.run(T));
                    }
                }
                Leaks.assertAllEnded(started, kind + " " + threads);
            }
        }
    }
}
