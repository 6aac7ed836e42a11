package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A configuration's wall-clock bound: from the plan or --config-timeout; past it, its process tree is killed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigBoundTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void theDefaultBoundIsFiveTimesThePlanAndAtLeastFiveMinutes() {
        ConfigBound b = new ConfigBound(null, Stream::empty);
        assertEquals(Duration.ofMinutes(5), b.of(10));
        assertEquals(Duration.ofMinutes(10), b.of(120));
        assertEquals(Duration.ofSeconds(90), new ConfigBound(Duration.ofSeconds(90), Stream::empty).of(3600));
    }

    @Test
    void durationsParseAndBadOnesAreOneLine() {
        assertEquals(Duration.ofSeconds(90), ConfigBound.parse("90s"));
        assertEquals(Duration.ofSeconds(90), ConfigBound.parse("90"));
        assertEquals(Duration.ofMinutes(10), ConfigBound.parse("10m"));
        assertEquals(Duration.ofMinutes(90), ConfigBound.parse("1.5h"));
        assertEquals(Duration.ofMillis(500), ConfigBound.parse("500ms"));
        for (String bad : new String[] {"", "ten", "-5s", "5d", "10ms", "9999h"}) {
            UsageException e = assertThrows(UsageException.class, () -> ConfigBound.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--config-timeout"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void aConfigurationWithinItsBoundKeepsItsResultAndNothingIsKilled() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try {
            ConfigBound b = new ConfigBound(Duration.ofSeconds(20), () -> Stream.of(bystander.toHandle()));
            assertEquals("measured", b.run(1, timer, () -> "measured"));
            Thread.sleep(300);
            assertTrue(bystander.isAlive());
        } finally {
            bystander.destroyForcibly();
        }
    }

    @Test
    void aHungConfigurationHasItsProcessTreeKilledAndFailsWithItsBound() throws Exception {
        // the "fork": a shell that starts a child of its own (a worker) and waits for ever
        Process fork = new ProcessBuilder("sh", "-c", "sleep 600 & wait").start();
        AtomicReference<ProcessHandle> worker = new AtomicReference<>();
        long t0 = System.nanoTime();
        try {
            ConfigBound b = new ConfigBound(Duration.ofMillis(500),
                    () -> Stream.concat(Stream.of(fork.toHandle()), fork.descendants()));
            ConfigBound.Exceeded e = assertThrows(ConfigBound.Exceeded.class, () -> b.run(2, timer, () -> {
                while (fork.descendants().findAny().isEmpty()) {
                    Thread.sleep(20);
                }
                worker.set(fork.descendants().findAny().orElseThrow());
                return fork.waitFor(); // what JMH does: wait for its fork
            }));
            assertTrue(e.getMessage().contains("over its wall-clock bound of 0.5s (planned ~2s)"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "killed at its bound, not later");
            assertFalse(fork.isAlive());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (worker.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(worker.get().isAlive(), "the fork's own child was killed too");
        } finally {
            fork.descendants().forEach(ProcessHandle::destroyForcibly);
            fork.destroyForcibly();
        }
    }
}
