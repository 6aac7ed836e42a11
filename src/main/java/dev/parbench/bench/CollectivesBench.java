package dev.parbench.bench;

import dev.parbench.messaging.CollectiveKind;
import dev.parbench.messaging.World;
import java.io.IOException;
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
 * collectives: message passing between ranks (package messaging). Rank 0 is this JMH fork; ranks 1..n-1 are worker
 * JVMs of the same jar, started once per trial; every pair of ranks has its own loopback TCP connection with 16 KiB
 * socket buffers requested (Link.BUFFER_BYTES).
 *
 * What is measured: time per operation (AverageTime, us/op). One invocation = rank 0 sends every rank a command,
 * all ranks run REPS operations back to back, every rank acknowledges: time / REPS (so the command and the
 * acknowledgements, about one small gather, are part of each figure, spread over REPS). Every receiver checks every
 * element it got; reduce and allreduce reduce every workload's partial (sum, vector-add, random, mandelbrot) and check
 * the totals against the oracles. `bytes` is one message (per rank for scatter/gather; at least 32 B, one long per
 * workload, for reduce and allreduce); `ranks` is the world size. Four methods, one chart each: pointToPoint (send-recv ping-pong, barrier),
 * fanOut (broadcast linear and binomial, scatter), fanIn (gather, reduce, allreduce), exchange (2 ranks).
 *
 * exchange: one exchange per invocation under EXCHANGE_DEADLINE (1 s; -Dparbench.messaging.exchangeDeadlineMillis).
 * exchange-naive with a message larger than the socket buffers deadlocks for real: its score is then the time to
 * detect it (the deadline, by construction), and the secondary metrics say so: `deadlocks` / `exchanges` (EVENTS)
 * is 1. After a deadlock the world is torn down (both ranks stopped, untimed, @TearDown(Level.Invocation)) and a new
 * one is started before the next invocation (untimed, @Setup(Level.Invocation)), which first runs two ordered
 * exchanges of the same size, untimed, so that no exchange is timed on cold code.
 *
 * What would make the number lie: more ranks than cores (8 ranks on 2 cores: the OS must schedule every rank for a
 * collective to finish; real, and part of the lesson); a loaded machine; the small socket buffers (chosen so the
 * deadlock is real: large messages move slower here than with the OS's auto-tuned buffers, see the transfer probe).
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar CollectivesBench -p ranks=2 -p bytes=1048576
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CollectivesBench {
    /** Operations per command (per invocation). */
    public static final int REPS = 4;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Deadline of one exchange: past it, the naive exchange is a DEADLOCK. */
    public static final Duration EXCHANGE_DEADLINE = Duration.ofMillis(
            Long.getLong("parbench.messaging.exchangeDeadlineMillis", 1000));

    /**
     * A world of {@code ranks} worker JVMs for one collective, started once per trial; the subclasses name the
     * collectives (JMH takes the inherited parameters and set-up; it wants {@code @Param} in a {@code @State} class).
     */
    @State(Scope.Benchmark)
    public abstract static class Ranks {
        @Param({"2", "4", "8"})
        public int ranks;

        @Param({"8", "1024", "65536", "1048576"})
        public int bytes;

        CollectiveKind kind;
        World world;

        abstract String variantId();

        @Setup(Level.Trial)
        public void start() throws IOException {
            kind = CollectiveKind.fromId(variantId());
            world = World.start(ranks, World.Launch.JVMS);
        }

        @TearDown(Level.Trial)
        public void stop() {
            world.close();
        }
    }

    @State(Scope.Benchmark)
    public static class PointToPoint extends Ranks {
        @Param({"send-recv", "barrier"})
        public String variant;

        @Override
        String variantId() {
            return variant;
        }
    }

    @State(Scope.Benchmark)
    public static class FanOut extends Ranks {
        @Param({"broadcast-linear", "broadcast-binomial", "scatter"})
        public String variant;

        @Override
        String variantId() {
            return variant;
        }
    }

    @State(Scope.Benchmark)
    public static class FanIn extends Ranks {
        @Param({"gather", "reduce", "allreduce"})
        public String variant;

        @Override
        String variantId() {
            return variant;
        }
    }

    /** Two ranks swapping messages; a deadlocked world is replaced before the next invocation. */
    @State(Scope.Benchmark)
    public static class Exchange {
        @Param({"exchange-naive", "exchange-ordered", "exchange-sendrecv"})
        public String variant;

        @Param({"8", "1024", "65536", "1048576"})
        public int bytes;

        CollectiveKind kind;
        World world;

        @Setup(Level.Trial)
        public void start() {
            kind = CollectiveKind.fromId(variant);
        }

        @Setup(Level.Invocation)
        public void ensureWorld() throws IOException {
            if (world == null) {
                world = World.start(2, World.Launch.JVMS);
                // untimed: the fresh ranks' first exchanges load and compile the code (a cold first 1 MiB exchange
                // took ~1 s on a loaded machine, as long as the deadline); the ordered exchange never deadlocks
                world.run(CollectiveKind.EXCHANGE_ORDERED, bytes, 2, DEADLINE);
            }
        }

        @TearDown(Level.Invocation)
        public void dropBrokenWorld() {
            if (world != null && world.broken()) {
                world.close();
                world = null;
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (world != null) {
                world.close();
                world = null;
            }
        }
    }

    /** Secondary metrics of the exchange: exchanges run, and how many of them deadlocked. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Verdicts {
        public long exchanges;
        public long deadlocks;

        @Setup(Level.Iteration)
        public void reset() {
            exchanges = 0;
            deadlocks = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(REPS)
    public long pointToPoint(PointToPoint s) throws IOException {
        return reps(s);
    }

    @Benchmark
    @OperationsPerInvocation(REPS)
    public long fanOut(FanOut s) throws IOException {
        return reps(s);
    }

    @Benchmark
    @OperationsPerInvocation(REPS)
    public long fanIn(FanIn s) throws IOException {
        return reps(s);
    }

    private static long reps(Ranks s) throws IOException {
        return s.world.run(s.kind, s.bytes, REPS, DEADLINE).nanos();
    }

    @Benchmark
    public long exchange(Exchange s, Verdicts v) throws IOException {
        World.Outcome o = s.world.run(s.kind, s.bytes, 1, EXCHANGE_DEADLINE);
        v.exchanges++;
        if (o.deadlock()) {
            v.deadlocks++;
        }
        return o.nanos();
    }
}
