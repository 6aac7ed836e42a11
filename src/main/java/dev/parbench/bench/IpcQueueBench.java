package dev.parbench.bench;

import dev.parbench.channel.ChannelKind;
import dev.parbench.channel.ProcessQueue;
import java.io.IOException;
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
 * ipc-queue: a bounded queue between two processes (channel.ProcessQueue): the JMH fork produces items of `size`
 * bytes, a child JVM started in trial set-up consumes them over the channel `variant` (in-jvm: a thread of the fork,
 * the reference). The queue holds 64 items; the consumer acknowledges every 16 it has taken.
 *
 * What is measured: items put per second (Throughput, ops/s; one op = one item). Every item carries its sequence
 * number; the consumer checks each (a gap, a duplicate or a reordering fails the trial at once, with the consumer's
 * reason), and at trial end the producer checks that the consumer took exactly as many items as were put.
 *
 * What would make the number lie: up to 63 items unconsumed at an iteration's end (the queue's capacity; a few
 * hundred microseconds of work at most); the consumer's JVM start (per trial, outside the measurement).
 *
 * Run just this class:  java -jar target/benchmarks.jar IpcQueueBench -p variant=pipe,tcp
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class IpcQueueBench {

    @State(Scope.Benchmark)
    public static class Queue {
        @Param({"pipe", "unix-socket", "tcp", "shared-memory-ring", "in-jvm"})
        public String variant;

        @Param({"64", "4096", "262144"})
        public int size;

        ProcessQueue queue;

        @Setup(Level.Trial)
        public void open() throws IOException {
            queue = new ProcessQueue(ChannelKind.fromId(variant), size);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            try {
                queue.drainAndCheck();
            } finally {
                queue.close();
            }
        }
    }

    @Benchmark
    public long put(Queue q) throws IOException {
        q.queue.put();
        return q.queue.produced();
    }
}
