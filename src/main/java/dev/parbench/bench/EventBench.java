package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.event.EventKind;
import dev.parbench.coordination.event.WakeUp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * event: how long it takes to wake one waiting thread: CountDownLatch, Object.wait/notify, LockSupport.park/unpark,
 * CompletableFuture.complete (coordination.event), on a platform or a virtual waiter.
 *
 * What is measured: wake-up latency (SampleTime, us; one op = one wake-up, so p50/p99 are read directly). Before
 * each invocation, untimed (@Setup(Level.Invocation)), the waiter (one thread of kind `threads`, started once per
 * trial) gets a fresh signal and the setup waits until it is really parked in it. The invocation fires the signal
 * and spins until the waiter has written back the round number: wake-up + one cache-line transfer; the JMH thread
 * spins rather than parks so its own wake-up is not added. The acknowledged round is checked every time.
 * There is no `workers` dimension: one waiter is the point.
 *
 * What would make the number lie: firing before the waiter parks (then it is a flag check; the setup prevents it);
 * a busy machine (the woken thread needs a free core, or for a virtual thread a free carrier: on 2 cores with the
 * JMH thread spinning on one, that is the other); one fork.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar EventBench
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @State(Scope.Benchmark)
    public static class Waiter {
        @Param({"latch", "wait-notify", "park-unpark", "future"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        WakeUp wakeUp;

        @Setup(Level.Trial)
        public void start() {
            wakeUp = new WakeUp(EventKind.fromId(variant), ThreadKind.fromId(threads), TIMEOUT);
        }

        @Setup(Level.Invocation)
        public void arm() {
            wakeUp.arm();
        }

        @TearDown(Level.Trial)
        public void stop() {
            wakeUp.close();
        }
    }

    @Benchmark
    public long wake(Waiter waiter) {
        return waiter.wakeUp.fire();
    }
}
