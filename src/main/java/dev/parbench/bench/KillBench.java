package dev.parbench.bench;

import dev.parbench.remote.StopKind;
import dev.parbench.remote.WorkerState;
import dev.parbench.remote.WorkerStop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * kill: time from asking a worker JVM to stop to its exit (remote.WorkerStop): Process.destroy() (SIGTERM: the
 * worker's JVM runs its shutdown hooks, exit 143), destroyForcibly() (SIGKILL: no code of the worker runs, exit 137)
 * and a cooperative stop message over the worker protocol (BYE: exit 0), for a worker that is idle (ready, blocked
 * on its stdin) and one that is busy (computing a Monte Carlo request of WorkerStop.BUSY_POINTS points, sent 50 ms
 * before the stop and still unanswered).
 *
 * What is measured: SingleShotTime, ms; one op = one stop: the signal or the message, then Process.waitFor until the
 * JDK's reaper has seen the exit, at most 10 s. Before each op, untimed (@Setup(Level.Invocation)), a fresh --stdio
 * worker JVM starts (as the process pool starts one), says READY and, for busy, gets its request; after it
 * (@TearDown(Level.Invocation)) the stop is checked (exit code; a busy worker killed by a signal failed its request
 * naming its pid, one stopped by the message answered it first) and the worker is gone. JMH's caveats about
 * Level.Invocation (its timestamps and the setup's side effects weigh on ops of nanoseconds to microseconds) do not
 * bite: in SingleShotTime each iteration is one op of milliseconds, timed alone.
 *
 * What SIGTERM costs beyond SIGKILL: the hooks, an orderly exit, and HotSpot's wait (up to 300 ms) for threads
 * blocked in native code, which an idle worker has (its read of stdin) and a busy one has not.
 *
 * A stop that does not end the worker within the deadline is not waited for: its time is the deadline, the secondary
 * metric says so (notStopped / stops, 0 normally) and the teardown kills the worker. cooperative (busy) is as long
 * as the rest of the request by construction: the worker reads its next message only between requests.
 *
 * What would make the number lie: a "busy" worker not yet computing (the lead is 50 ms after READY, and the request
 * must be unanswered at the stop, checked); a loaded machine (the exit of a JVM is work on its own: threads to end,
 * memory to unmap); the reaper's wake-up adds to every variant alike.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar KillBench -p state=idle
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class KillBench {
    /** How long a stop may take before it is reported as not stopped. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    @State(Scope.Benchmark)
    public static class Target {
        @Param({"destroy", "destroy-forcibly", "cooperative"})
        public String variant;

        @Param({"idle", "busy"})
        public String state;

        WorkerStop worker;

        @Setup(Level.Trial)
        public void create() {
            worker = new WorkerStop(StopKind.fromId(variant), WorkerState.fromId(state), DEADLINE);
        }

        @Setup(Level.Invocation)
        public void arm() {
            worker.arm();
        }

        @TearDown(Level.Invocation)
        public void settle() {
            worker.settle();
        }

        @TearDown(Level.Trial)
        public void close() {
            worker.close();
        }
    }

    /** Secondary metrics: stops, and stops that did not end the worker within the deadline. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Stops {
        public long stops;
        public long notStopped;

        @Setup(Level.Iteration)
        public void reset() {
            stops = 0;
            notStopped = 0;
        }
    }

    @Benchmark
    public long stop(Target target, Stops stops) {
        WorkerStop.Outcome o = target.worker.stop();
        stops.stops++;
        if (!o.stopped()) {
            stops.notStopped++;
        }
        return o.nanos();
    }
}
