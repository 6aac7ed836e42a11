package dev.parbench.bench;

import dev.parbench.remote.SharedCounterRace;
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
 * shared-counter: N worker processes add to one long counter in a shared-memory file (remote.SharedCounterRace).
 *
 * What is measured: increments per second of all the processes together. One invocation = 4,194,304 increments
 * split evenly over `workers` worker JVMs (started once per trial), which wait at a start line in the mapping until
 * all have arrived, then increment; the master waits for every worker's reply and checks the count. With
 * @OperationsPerInvocation the score is increments/s. Secondary: `updates` and `lostUpdates` per iteration (EVENTS);
 * lostUpdates / updates is the fraction `racy` lost, 0 for `atomic` (a loss there throws).
 *
 * What would make the number lie: worker JVM start (once per trial, outside the timed op); processes that do not
 * overlap (the start line); the JIT merging racy's increments (opaque accesses, see SharedCounterWork). Each
 * invocation also pays one request/reply over each worker's pipe (tens of microseconds, small beside 2^20
 * increments); a batch so short that one worker finishes within its time slice before the other runs: with 2^20
 * increments on a loaded machine (load 40 on 2 cores) racy lost nothing in a smoke run, while 2 x 10^7 lost 10-48%,
 * hence 2^22. On 2 cores, 4 workers is oversubscription: the OS time-slices the processes, and a racy worker
 * preempted between its read and its write erases what the others added meanwhile.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar SharedCounterBench -p workers=2
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SharedCounterBench {
    /** Increments per invocation, all workers together. */
    public static final int INCREMENTS = 1 << 22;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Race {
        @Param({"atomic", "racy"})
        public String variant;

        @Param({"1", "2", "4"})
        public int workers;

        SharedCounterRace race;

        @Setup(Level.Trial)
        public void start() {
            race = new SharedCounterRace(variant, workers, INCREMENTS);
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
        SharedCounterRace.Result r = race.race.run(TIMEOUT);
        counts.updates += r.updates();
        counts.lostUpdates += r.lost();
        return r.counted();
    }
}
