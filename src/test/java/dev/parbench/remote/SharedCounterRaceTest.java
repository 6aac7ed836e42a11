package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared-memory counter between worker processes: atomic never loses an update, racy never counts too many. */
class SharedCounterRaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @AfterEach
    void nothingLeft() throws Exception {
        assertEquals(List.of(), SharedFiles.owned(), "shared-memory files left behind");
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList(), "worker processes left behind");
    }

    @Test
    void atomicNeverLosesAnUpdate() {
        try (SharedCounterRace race = new SharedCounterRace("atomic", 2, 200_000)) {
            assertEquals(1, SharedFilesCount.now());
            for (int i = 0; i < 3; i++) {
                SharedCounterRace.Result r = race.run(TIMEOUT);
                assertEquals(200_000, r.updates());
                assertEquals(200_000, r.counted());
                assertEquals(0, r.lost());
            }
        }
    }

    @Test
    void racyNeverCountsMoreThanWasAdded() {
        try (SharedCounterRace race = new SharedCounterRace("racy", 2, 200_000)) {
            for (int i = 0; i < 3; i++) {
                SharedCounterRace.Result r = race.run(TIMEOUT);
                assertEquals(200_000, r.updates());
                assertTrue(r.counted() <= r.updates() && r.counted() > 0, "counted " + r.counted());
                assertEquals(r.updates() - r.counted(), r.lost());
            }
        }
    }

    /** The thin JMH shell: its defaults are the family's, and one invocation runs, counts and closes. */
    @Test
    void theShellRunsOneInvocation() throws Exception {
        assertEquals(dev.parbench.family.Families.SHARED_COUNTER.params().get("workers"), List.of(
                dev.parbench.bench.SharedCounterBench.Race.class.getField("workers")
                        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value()));
        assertEquals(List.of("atomic", "racy"), List.of(dev.parbench.bench.SharedCounterBench.Race.class
                .getField("variant").getAnnotation(org.openjdk.jmh.annotations.Param.class).value()));
        dev.parbench.bench.SharedCounterBench.Race race = new dev.parbench.bench.SharedCounterBench.Race();
        race.variant = "atomic";
        race.workers = 2;
        race.start();
        try {
            dev.parbench.bench.SharedCounterBench.Updates updates = new dev.parbench.bench.SharedCounterBench.Updates();
            assertEquals(dev.parbench.bench.SharedCounterBench.INCREMENTS,
                    new dev.parbench.bench.SharedCounterBench().increment(race, updates));
            assertEquals(0, updates.lostUpdates);
        } finally {
            race.stop();
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SharedCounterRace("locked", 2, 100));
        assertThrows(IllegalArgumentException.class, () -> new SharedCounterRace("atomic", 0, 100));
    }

    /** How many shared-memory files this JVM owns. */
    private static final class SharedFilesCount {
        static int now() {
            try {
                return SharedFiles.owned().size();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
