package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.semaphore.Fairness;
import dev.parbench.coordination.semaphore.SemaphoreBatch;
import dev.parbench.coordination.semaphore.SemaphoreContention;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * semaphore: N threads share a resource that max(1, N/2) of them may use at once (a Semaphore), fair or unfair.
 *
 * batch (Throughput, ops/s, one op = one acquire-use-release cycle): one invocation = 4,096 cycles split over
 *   `workers` threads of kind `threads`, released together; checked: every cycle ran, never more holders than
 *   permits, all permits back. Secondary (EVENTS): `cycles` and `waitNanos`; waitNanos / cycles = mean wait.
 * acquire (SampleTime, us): the wait distribution. `workers` background threads cycle on the resource without pause
 *   for the whole iteration; the JMH thread runs one acquire-use-release cycle per invocation as one more contender,
 *   and JMH records the time of each: p50/p99/max show fairness (a fair semaphore bounds the tail by the queue ahead,
 *   an unfair one lets a contender lose the race repeatedly). Measured from the driver's side because that is one
 *   real contender's experience, sampled by JMH itself; the driver is a platform thread whatever `threads` says.
 *
 * What would make the number lie: a hold time of zero (then there is no contention to speak of; each use is ~256
 * dependent xorshift steps, about a microsecond); contenders left running between iterations (started and stopped
 * per iteration); one fork.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar SemaphoreBench -p workers=4
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SemaphoreBench {
    /** Cycles per batch invocation, all workers together. */
    public static final int CYCLES = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Batch {
        @Param({"fair", "unfair"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"2", "4", "16"})
        public int workers;

        SemaphoreBatch batch;

        @Setup(Level.Trial)
        public void start() {
            batch = new SemaphoreBatch(Fairness.fromId(variant), ThreadKind.fromId(threads), workers, CYCLES);
        }

        @TearDown(Level.Trial)
        public void stop() {
            batch.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Contended {
        @Param({"fair", "unfair"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"2", "4", "16"})
        public int workers;

        SemaphoreContention contention;

        @Setup(Level.Trial)
        public void create() {
            contention = new SemaphoreContention(Fairness.fromId(variant), ThreadKind.fromId(threads), workers,
                    TIMEOUT);
        }

        @Setup(Level.Iteration)
        public void startContenders() {
            contention.start();
        }

        @TearDown(Level.Iteration)
        public void stopContenders() {
            contention.stop();
        }

        @TearDown(Level.Trial)
        public void close() {
            contention.close();
        }
    }

    /** Secondary metrics of batch: cycles run and the summed wait for permits, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Waits {
        public long cycles;
        public long waitNanos;

        @Setup(Level.Iteration)
        public void reset() {
            cycles = 0;
            waitNanos = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CYCLES)
    public long batch(Batch state, Waits waits) {
        SemaphoreBatch.Result r = state.batch.run(TIMEOUT);
        waits.cycles += r.cycles();
        waits.waitNanos += r.waitNanos();
        return r.maxWaitNanos();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long acquire(Contended state) throws InterruptedException {
        return state.contention.cycle();
    }
}
