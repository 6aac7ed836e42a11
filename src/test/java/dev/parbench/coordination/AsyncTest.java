package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parbench.coordination.async.AsyncKind;
import dev.parbench.coordination.async.FanOut;
import dev.parbench.coordination.async.Request;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fan-out returns every answer exactly once, on both thread kinds; pools end on close. */
class AsyncTest {
    private static final Duration T = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(AsyncKind.class)
    void theFanInAddsEveryAnswer(AsyncKind kind) {
        for (ThreadKind threads : ThreadKind.values()) {
            List<Thread> pool;
            try (FanOut f = kind.create(threads, 4)) {
                for (int n : new int[] {1, 7, 200}) {
                    assertEquals(Request.expectedSum(n), f.run(n, T), kind + " " + threads + " n=" + n);
                }
                pool = f.threads();
            }
            Leaks.assertAllEnded(pool, kind + " " + threads);
        }
    }

    @Test
    void oneThreadPerRequestLeavesNoRequestThreadRunning() {
        try (FanOut f = AsyncKind.VIRTUAL_PER_REQUEST.create(ThreadKind.PLATFORM, 1)) {
            assertEquals(Request.expectedSum(300), f.run(300, T));
        }
        // platform threads are listed by getAllStackTraces; the run joined every one it started
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("parbench-request-") && t.isAlive())
                .map(Thread::getName).toList();
        assertEquals(List.of(), alive);
    }

    @ParameterizedTest
    @EnumSource(AsyncKind.class)
    void theExpectedSumIsTheSumOfTheAnswers(AsyncKind kind) {
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += Request.answer(i);
        }
        assertEquals(sum, Request.expectedSum(1000));
        assertEquals(kind, AsyncKind.fromId(kind.id()));
    }
}
