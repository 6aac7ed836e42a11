package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.counter.CounterKind;
import dev.parbench.coordination.counter.CounterRace;
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
 * counter: N threads increment one shared counter, seven ways (coordination.counter).
 *
 * What is measured: increments per second of the whole crew. One invocation = 1,048,576 increments split evenly over
 * `workers` threads of kind `threads` (started once per trial), released together, waited for, then checked; with
 * @OperationsPerInvocation the score is increments/s. Every 16th step a worker also reads the counter (the
 * optimistic-read mix for `stamped`; the same mix for all). Secondary: `updates` and `lostUpdates` per iteration
 * (EVENTS); lostUpdates / updates is the fraction `racy` lost, 0 for every other variant (a loss there throws).
 *
 * What would make the number lie: measuring thread start (the crew lives for the trial); a batch so short that the
 * workers hardly overlap: released together, they still wake tens of microseconds apart, and a first trial with
 * 65,536 increments let each worker finish before the next began (racy lost nothing, the fair lock looked
 * uncontended), hence 2^20; a bare count++ for racy (the JIT merges the increments of a loop: see RacyCounter);
 * reading one fork only (JIT profiles differ, use >= 2). On 2 cores, workers > 2 is oversubscription: the OS
 * time-slices platform threads (a preempted lock holder stalls everyone), virtual threads are not time-sliced.
 * Cost: reentrant-lock-fair with 8 or 16 platform workers ran at ~10^5 increments/s on 2 cores, i.e. ~10 s per
 * invocation (every increment is a hand-over to one particular, maybe descheduled, thread): that is the lesson.
 * It is bimodal (with 4 workers the same session ran at ~8*10^7/s: no convoy formed), so expect a wide error.
 * racy's lost fraction is bursty and load-dependent (see RacyCounter): compare forks, not single iterations.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar CounterBench -p workers=4
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CounterBench {
    /** Increments per invocation, all workers together. */
    public static final int INCREMENTS = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Race {
        @Param({"racy", "synchronized", "reentrant-lock", "reentrant-lock-fair", "atomic", "adder", "stamped"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"1", "4", "16"})
        public int workers;

        CounterRace race;

        @Setup(Level.Trial)
        public void start() {
            race = new CounterRace(CounterKind.fromId(variant), ThreadKind.fromId(threads), workers, INCREMENTS);
        }

        @TearDown(Level.Trial)
        public void stop() {
            race.close();
        }
    }

    /** Secondary metrics: increments made and increments lost in the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Updates {
        public long updates;
        public long lostUpdates;

        @Setup(Level.Iteration)
        public void reset() {
            updates = 0;
            lostUpdates = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(INCREMENTS)
    public long increment(Race race, Updates counts) {
        CounterRace.Result r = race.race.run(TIMEOUT);
        counts.updates += r.updates();
        counts.lostUpdates += r.lost();
        return r.counted();
    }
}
