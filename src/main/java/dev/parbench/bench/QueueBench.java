package dev.parbench.bench;

import dev.parbench.coordination.ThreadKind;
import dev.parbench.coordination.queue.ChannelKind;
import dev.parbench.coordination.queue.Handoff;
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
 * queue: producers hand items to consumers through five JDK queues and the textbook monitor (coordination.queue).
 *
 * What is measured: items handed over per second (Throughput, ops/s; one op = one item, via
 * @OperationsPerInvocation). One invocation = 8,192 items from `producers` to `consumers` threads of kind `threads`,
 * all started once per trial; one JMH thread drives them (not JMH @Group: JMH's group threads are always platform
 * threads, and the `threads` dimension must be real). A fresh channel per invocation (bounded ones hold 64 items);
 * after every invocation every id must have been consumed exactly once (per-consumer bit sets, counts, checksum), or
 * it throws. Secondary (EVENTS): `items` and `handoffNanos`, the summed time from offer to take;
 * handoffNanos / items = mean handoff latency (for a full bounded queue that is mostly time spent queued).
 *
 * What would make the number lie: a queue that never fills or never empties hides the blocking path (vary
 * producers vs consumers); `linked-transfer` and `concurrent-linked` are unbounded, so their producers never wait
 * and their latency includes however far the producers ran ahead; one fork.
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar QueueBench -p producers=2 -p consumers=2
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class QueueBench {
    /** Items per invocation. */
    public static final int ITEMS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Pipe {
        @Param({"array-blocking", "linked-blocking", "linked-transfer", "synchronous", "concurrent-linked", "monitor"})
        public String variant;

        @Param({"platform", "virtual"})
        public String threads;

        @Param({"1", "4"})
        public int producers;

        @Param({"1", "4"})
        public int consumers;

        Handoff handoff;

        @Setup(Level.Trial)
        public void start() {
            handoff = new Handoff(ChannelKind.fromId(variant), ThreadKind.fromId(threads), producers, consumers,
                    ITEMS);
        }

        @TearDown(Level.Trial)
        public void stop() {
            handoff.close();
        }
    }

    /** Secondary metrics: items handed over and their summed offer-to-take time, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Latency {
        public long items;
        public long handoffNanos;

        @Setup(Level.Iteration)
        public void reset() {
            items = 0;
            handoffNanos = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long handoff(Pipe pipe, Latency latency) {
        Handoff.Result r = pipe.handoff.run(TIMEOUT);
        latency.items += r.items();
        latency.handoffNanos += r.handoffNanos();
        return r.handoffNanos();
    }
}
