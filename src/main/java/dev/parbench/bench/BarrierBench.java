package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.barrier.BarrierKind;
import dev.parbench.coordination.barrier.PhasedWork;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * barrier: phases separated by a CyclicBarrier, a Phaser, or one CountDownLatch per phase (coordination.barrier).
 *
 * What is measured: time per phase (AverageTime, us/op; one op = one phase, via @OperationsPerInvocation). One
 * invocation = 256 phases by `workers` parties of kind `threads` (started once per trial, a fresh barrier per
 * invocation). In each phase a party writes its slot, crosses the barrier and checks every other party's slot is
 * from this phase or the next, so the barrier's guarantee is checked on every crossing. The phase has almost no
 * work of its own: the time is the barrier's (the last arrival waking everyone), plotted against parties.
 *
 * What would make the number lie: more parties than cores with platform threads (each phase then needs every party
 * scheduled by the OS: that is real and part of the lesson, not an error); creating threads per invocation (not
 * done); one fork.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar BarrierBench -p workers=4
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BarrierBench {
    /** Phases per invocation. */
    public static final int PHASES = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Phases {
        @Param({"cyclic-barrier", "phaser", "latch-per-phase"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"2", "4", "16"})
        public int workers;

        PhasedWork work;

        @Setup(Level.Trial)
        public void start() {
            work = new PhasedWork(BarrierKind.fromId(variant), ThreadKind.fromId(threads), workers, PHASES);
        }

        @TearDown(Level.Trial)
        public void stop() {
            work.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PHASES)
    public int phase(Phases state) {
        return state.work.run(TIMEOUT);
    }
}
