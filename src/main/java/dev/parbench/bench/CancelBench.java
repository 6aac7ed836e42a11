package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.cancel.CancelKind;
import dev.parbench.coordination.cancel.CancelRun;
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
 * cancel: time from Future.cancel(true) to the task's stop, for a task that checks interruption, one that blocks
 * in an interruptible call, and one that spins without checking (coordination.cancel).
 *
 * What is measured: SampleTime, us; one op = cancel(true) on `workers` running tasks (one per worker thread of kind
 * `threads`, started once per trial) and spinning until the last has stopped, capped at 10 ms. Before each
 * invocation, untimed (@Setup(Level.Invocation)), fresh tasks start and the setup waits until every one is running
 * (and, for `blocks`, blocked). `spins` never stops: its time is the cap (10 ms) by construction, and the secondary
 * metric says so: `notStopped` counts tasks still running at the cap, `cancelled` counts tasks cancelled (EVENTS);
 * notStopped / cancelled = 1 for spins, ~0 for the others. After the cap a kill switch only the harness sets ends
 * the spinners, untimed, so no thread outlives the invocation; tasks that should stop but did not within 10 s throw.
 *
 * What would make the number lie: cancelling tasks that never started (the setup waits for them); more spinning
 * platform threads than cores (they compete with the JMH thread for the CPU: expect noise at workers=16).
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar CancelBench -p workers=1
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CancelBench {
    /** How long an invocation waits for the tasks to stop. */
    public static final Duration CAP = Duration.ofMillis(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @State(Scope.Benchmark)
    public static class Tasks {
        @Param({"checks-interrupt", "blocks", "spins"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"1", "4", "16"})
        public int workers;

        CancelRun run;

        @Setup(Level.Trial)
        public void start() {
            run = new CancelRun(CancelKind.fromId(variant), ThreadKind.fromId(threads), workers, CAP, TIMEOUT);
        }

        @Setup(Level.Invocation)
        public void arm() {
            run.arm();
        }

        @TearDown(Level.Trial)
        public void stop() {
            run.close();
        }
    }

    /** Secondary metrics: tasks cancelled, and tasks still running when the cap passed. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Stops {
        public long cancelled;
        public long notStopped;

        @Setup(Level.Iteration)
        public void reset() {
            cancelled = 0;
            notStopped = 0;
        }
    }

    @Benchmark
    public long cancel(Tasks tasks, Stops stops) {
        CancelRun.Outcome o = tasks.run.cancel();
        stops.cancelled += o.stopped() + o.notStopped();
        stops.notStopped += o.notStopped();
        return o.nanos();
    }
}
