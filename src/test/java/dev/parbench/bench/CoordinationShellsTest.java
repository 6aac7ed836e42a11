package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.coordination.Identified;
import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.async.AsyncKind;
import dev.parbench.coordination.barrier.BarrierKind;
import dev.parbench.coordination.cancel.CancelKind;
import dev.parbench.coordination.counter.CounterKind;
import dev.parbench.coordination.event.EventKind;
import dev.parbench.coordination.queue.ChannelKind;
import dev.parbench.coordination.semaphore.Fairness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The coordination shells' parameter defaults are a contract with the pattern enums, the CLI and the reporter; and
 * every shell's state builds, runs one invocation and closes (a wiring check, not a measurement).
 */
class CoordinationShellsTest {

    private static List<String> defaults(Class<?> state, String field) throws NoSuchFieldException {
        return Arrays.asList(state.getField(field).getAnnotation(Param.class).value());
    }

    private static <E extends Enum<E> & Identified> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Identified::id).toList();
    }

    @Test
    void variantDefaultsListEveryVariantAndThreadsBothKinds() throws Exception {
        assertEquals(ids(CounterKind.class), defaults(CounterBench.Race.class, "variant"));
        assertEquals(ids(Fairness.class), defaults(SemaphoreBench.Batch.class, "variant"));
        assertEquals(ids(Fairness.class), defaults(SemaphoreBench.Contended.class, "variant"));
        assertEquals(ids(BarrierKind.class), defaults(BarrierBench.Phases.class, "variant"));
        assertEquals(ids(ChannelKind.class), defaults(QueueBench.Pipe.class, "variant"));
        assertEquals(ids(EventKind.class), defaults(EventBench.Waiter.class, "variant"));
        assertEquals(ids(AsyncKind.class), defaults(AsyncBench.Requests.class, "variant"));
        assertEquals(ids(CancelKind.class), defaults(CancelBench.Tasks.class, "variant"));
        for (Class<?> state : List.of(CounterBench.Race.class, SemaphoreBench.Batch.class,
                SemaphoreBench.Contended.class, BarrierBench.Phases.class, QueueBench.Pipe.class,
                EventBench.Waiter.class, AsyncBench.Requests.class, CancelBench.Tasks.class)) {
            assertEquals(ids(ThreadKind.class), defaults(state, "threads"), state.getName());
        }
        assertEquals(defaults(SemaphoreBench.Batch.class, "workers"), defaults(SemaphoreBench.Contended.class,
                "workers"));
        for (Class<?> state : List.of(CounterBench.Race.class, SemaphoreBench.Batch.class, BarrierBench.Phases.class,
                CancelBench.Tasks.class)) {
            assertTrue(defaults(state, "workers").stream().mapToInt(Integer::parseInt).max().orElseThrow() > 2,
                    state.getName() + " sweeps no oversubscribed worker count");
        }
    }

    @Test
    void everyShellRunsOneInvocationOnBothThreadKinds() throws Exception {
        for (String threads : List.of("platform", "virtual")) {
            CounterBench.Race race = new CounterBench.Race();
            race.variant = "atomic";
            race.threads = threads;
            race.workers = 3;
            race.start();
            CounterBench.Updates updates = new CounterBench.Updates();
            assertEquals(CounterBench.INCREMENTS, new CounterBench().increment(race, updates));
            assertEquals(0, updates.lostUpdates);
            race.stop();

            SemaphoreBench.Batch batch = new SemaphoreBench.Batch();
            batch.variant = "fair";
            batch.threads = threads;
            batch.workers = 4;
            batch.start();
            SemaphoreBench.Waits waits = new SemaphoreBench.Waits();
            new SemaphoreBench().batch(batch, waits);
            assertEquals(SemaphoreBench.CYCLES, waits.cycles);
            batch.stop();

            SemaphoreBench.Contended contended = new SemaphoreBench.Contended();
            contended.variant = "unfair";
            contended.threads = threads;
            contended.workers = 2;
            contended.create();
            contended.startContenders();
            new SemaphoreBench().acquire(contended);
            contended.stopContenders();
            contended.close();

            BarrierBench.Phases phases = new BarrierBench.Phases();
            phases.variant = "phaser";
            phases.threads = threads;
            phases.workers = 3;
            phases.start();
            assertEquals(BarrierBench.PHASES, new BarrierBench().phase(phases));
            phases.stop();

            QueueBench.Pipe pipe = new QueueBench.Pipe();
            pipe.variant = "monitor";
            pipe.threads = threads;
            pipe.producers = 2;
            pipe.consumers = 3;
            pipe.start();
            QueueBench.Latency latency = new QueueBench.Latency();
            new QueueBench().handoff(pipe, latency);
            assertEquals(QueueBench.ITEMS, latency.items);
            pipe.stop();

            EventBench.Waiter waiter = new EventBench.Waiter();
            waiter.variant = "park-unpark";
            waiter.threads = threads;
            waiter.start();
            waiter.arm();
            assertEquals(1, new EventBench().wake(waiter));
            waiter.stop();

            AsyncBench.Requests requests = new AsyncBench.Requests();
            requests.variant = "virtual-per-request";
            requests.threads = threads;
            requests.requests = 10;
            requests.poolSize = 2;
            requests.start();
            AsyncBench.Answered answered = new AsyncBench.Answered();
            new AsyncBench().fanOut(requests, answered);
            assertEquals(10, answered.requests);
            requests.stop();

            CancelBench.Tasks tasks = new CancelBench.Tasks();
            tasks.variant = "spins";
            tasks.threads = threads;
            tasks.workers = 2;
            tasks.start();
            tasks.arm();
            CancelBench.Stops stops = new CancelBench.Stops();
            new CancelBench().cancel(tasks, stops);
            assertEquals(2, stops.cancelled);
            assertEquals(2, stops.notStopped);
            tasks.stop();
        }
    }
}
