package dev.parbench.bench;

import dev.parbench.channel.ChannelKind;
import dev.parbench.channel.Peer;
import dev.parbench.channel.Session;
import java.io.IOException;
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
 * channels: messages between this JVM (the JMH fork) and one child JVM started from the same jar in trial set-up
 * (`worker --channel`), over the child's stdin/stdout (pipe), a Unix domain socket, loopback TCP or two Agrona rings
 * in a shared memory file; in-jvm is the same exchange with a thread of the fork (the reference line). Package
 * channel.
 *
 * pingPong: the round trip of one message of `size` bytes (AverageTime, us/op): send, the peer checks it and sends
 *   it back, check the echo. Latency = the score.
 * stream: one-way streaming (Throughput, ops/s; one op = one message of `size` bytes): the peer checks every message
 *   and acknowledges every window/2; at most `window` messages are in flight (window = 4 MiB / size, 1 to 256, so a
 *   64 MiB message is acknowledged before the next goes). Secondary (OPERATIONS): `bytes`, the bytes sent per second
 *   = the bandwidth, which the report charts.
 *
 * Every message is checked on arrival (length, and its sequence number stamped at its start, end and every 4 KiB):
 * a lost, duplicated, reordered or torn message fails the trial. At trial end the peer must have received exactly
 * what was sent. Every wait is bounded (-Dparbench.channel.timeoutSeconds, default 30); the child JVM is destroyed
 * and the shared memory file removed when the trial ends, whatever happened.
 *
 * What would make the number lie: the child's JVM start (per trial, outside the measurement); messages still in
 * flight at an iteration's end (at most window - 1, under 4 MiB: < 2% of an iteration's bytes at 1 GB/s and 200 ms);
 * on a loaded machine the peer's wake-up dominates small messages (the ring spins briefly, then yields, then parks up
 * to 100 us; the others block in the kernel).
 *
 * Run just this class:
 *   java -jar target/benchmarks.jar ChannelBench -p variant=tcp,shared-memory-ring -p size=8,1048576
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChannelBench {
    /** In-flight bytes of a stream: the window is this over the message size (1 to 256 messages). */
    public static final int WINDOW_BYTES = 4 << 20;

    public static int window(int size) {
        return Math.max(1, Math.min(256, WINDOW_BYTES / size));
    }

    @State(Scope.Benchmark)
    public static class Echo {
        @Param({"pipe", "unix-socket", "tcp", "shared-memory-ring", "in-jvm"})
        public String variant;

        @Param({"8", "1024", "65536", "1048576", "67108864"})
        public int size;

        Session session;

        @Setup(Level.Trial)
        public void open() throws IOException {
            session = Session.open(new Session.Options(ChannelKind.fromId(variant), Peer.Role.ECHO, size, 1));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            try {
                session.finish();
            } finally {
                session.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Sink {
        @Param({"pipe", "unix-socket", "tcp", "shared-memory-ring", "in-jvm"})
        public String variant;

        @Param({"8", "1024", "65536", "1048576", "67108864"})
        public int size;

        Session session;
        int window;

        @Setup(Level.Trial)
        public void open() throws IOException {
            window = window(size);
            session = Session.open(new Session.Options(ChannelKind.fromId(variant), Peer.Role.SINK, size,
                    Math.max(1, window / 2)));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            try {
                session.finish();
            } finally {
                session.close();
            }
        }
    }

    /** Secondary metric: bytes streamed (JMH reports it per second: the bandwidth). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long pingPong(Echo e) throws IOException {
        e.session.pingPong();
        return e.session.sent();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long stream(Sink s, Bytes b) throws IOException {
        s.session.stream(s.window);
        b.bytes += s.size;
        return s.session.sent();
    }
}
