package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.async.AsyncKind;
import dev.parbench.coordination.async.FanOut;
import dev.parbench.coordination.async.Request;
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
 * async: fan out `requests` independent requests that each wait 1 ms for "I/O" (Thread.sleep: a real wait that holds
 * no CPU; see coordination.async.Request), then fan the answers in and check their sum.
 *
 * What is measured: fan-outs per second (Throughput, ops/s; one op = all `requests` requests answered). Secondary:
 * `requests` (OPERATIONS), reported by JMH as requests/s: the number to plot against `requests`.
 *   fixed-pool:          a fixed pool of `poolSize` threads of kind `threads`, built per trial; invokeAll.
 *   virtual-per-request: a new thread of kind `threads` per request, joined (creation is part of the model, so it
 *                        is measured); threads=virtual is its natural form, threads=platform is the classic
 *                        thread-per-request server.
 *   completable-future:  supplyAsync on a fixed pool of `poolSize` threads, allOf(...).thenApply(sum).
 * `poolSize` is ignored by virtual-per-request. No `structured` variant: StructuredTaskScope is a preview API up to
 * JDK 25 and this project compiles for release 21 without --enable-preview.
 *
 * What would make the number lie: a CPU-bound "request" (it would measure the cores, not the waiting); sleeps
 * shorter than the timer resolution; with requests=1 the fixed costs dominate (that is the left end of the curve).
 * A pool of p threads cannot exceed about p / 1 ms = p * 1000 requests/s; watch it flatten there.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar AsyncBench -p requests=1000
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AsyncBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @State(Scope.Benchmark)
    public static class Requests {
        @Param({"fixed-pool", "virtual-per-request", "completable-future"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"1", "100", "10000"})
        public int requests;

        @Param({"8"})
        public int poolSize;

        FanOut fanOut;
        long expected;

        @Setup(Level.Trial)
        public void start() {
            fanOut = AsyncKind.fromId(variant).create(ThreadKind.fromId(threads), poolSize);
            expected = Request.expectedSum(requests);
        }

        @TearDown(Level.Trial)
        public void stop() {
            fanOut.close();
        }
    }

    /** Secondary metric: requests answered, reported as requests per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Answered {
        public long requests;

        @Setup(Level.Iteration)
        public void reset() {
            requests = 0;
        }
    }

    @Benchmark
    public long fanOut(Requests state, Answered answered) {
        long sum = state.fanOut.run(state.requests, TIMEOUT);
        if (sum != state.expected) {
            throw new IllegalStateException(state.variant + ": answers add up to " + sum + ", expected "
                    + state.expected);
        }
        answered.requests += state.requests;
        return sum;
    }
}
