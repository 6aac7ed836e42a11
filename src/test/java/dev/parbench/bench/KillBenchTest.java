package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.remote.StopKind;
import dev.parbench.remote.WorkerState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The kill shell: its parameter defaults list every stop variant and worker state; one invocation runs and checks
 * itself; and the trial teardown after a failure (a benchmark that threw between arm and stop, an invocation teardown
 * whose check failed) leaves no process behind: {@code ProcessHandle.current().descendants()} is empty.
 */
class KillBenchTest {

    private static List<String> defaults(String field) throws NoSuchFieldException {
        return Arrays.asList(KillBench.Target.class.getField(field).getAnnotation(Param.class).value());
    }

    private static List<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    @Test
    void defaultsListEveryVariantAndState() throws Exception {
        assertEquals(Arrays.stream(StopKind.values()).map(StopKind::id).toList(), defaults("variant"));
        assertEquals(Arrays.stream(WorkerState.values()).map(WorkerState::id).toList(), defaults("state"));
    }

    @Test
    void oneInvocationThenATrialTeardownAfterFailuresLeavesNoProcess() {
        KillBench.Target t = new KillBench.Target();
        t.variant = "destroy-forcibly";
        t.state = "busy";
        t.create();
        try {
            t.arm();
            KillBench.Stops stops = new KillBench.Stops();
            long nanos = new KillBench().stop(t, stops);
            assertTrue(nanos > 0 && nanos < KillBench.DEADLINE.toNanos());
            assertEquals(1, stops.stops);
            assertEquals(0, stops.notStopped);
            t.settle();

            t.arm(); // a failure between arm and stop: the benchmark threw, JMH goes to the teardowns
            long pid = t.worker.pid();
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            t.close(); // the trial teardown
        }
        assertEquals(List.of(), descendants(), "the trial teardown after a failure");

        KillBench.Target d = new KillBench.Target();
        d.variant = "destroy";
        d.state = "idle";
        d.create();
        try {
            d.arm();
            ProcessHandle.of(d.worker.pid()).orElseThrow().destroyForcibly(); // crashed before its stop
            new KillBench().stop(d, new KillBench.Stops());
            assertThrows(IllegalStateException.class, d::settle, "exit 137 is not a SIGTERM exit");
            d.arm(); // JMH would not go on, but a teardown must cope with anything armed
        } finally {
            d.close();
        }
        assertEquals(List.of(), descendants(), "the trial teardown after a failed check");
    }
}
