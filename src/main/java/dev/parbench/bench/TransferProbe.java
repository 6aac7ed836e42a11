package dev.parbench.bench;

import dev.parbench.remote.LoopbackSink;
import dev.parbench.remote.PipeSink;
import dev.parbench.remote.WorkerLaunch;
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
 * What the out-of-process models cannot avoid paying, measured on its own:
 *
 * loopback: raw bulk throughput of one TCP connection on this machine (bytes per operation = `megabytes` MiB, sent
 *   from a direct buffer that large into another that large, memory to memory as an array's transfer is, with the
 *   socket models' options, acknowledged by one byte). The socket model's achieved
 *   bytes/s on sum at the largest size is compared with it. GB/s = bytes / time.
 * pipe: raw bulk throughput of the pipes the process models use, parent JVM -> child JVM (bytes per operation =
 *   `megabytes` MiB, sent from a direct buffer that large to a child JVM started like a worker that reads them into
 *   another that large and only counts them, and acknowledged by one byte; the pipes sized as the models' are). Named pipes opened as FileChannels on Linux, the process streams elsewhere (see
 *   remote/Pipes). The process-pool model's achieved bytes/s on sum at the largest size is compared with it.
 * workerStart: start one worker JVM (same class path and flags as the process models use), wait until it says
 *   READY over its pipe, say BYE, wait until it exited. That is the fixed price of process-per-task, per task.
 *
 * What would make the number lie: measuring the first connection set-up or the child's JVM start (both are per trial);
 * a sink that decodes (it only counts bytes); cycling one small buffer (bytes would move between caches, faster than
 * any array of `megabytes` MiB can).
 *
 * Run just this class:  java -jar target/benchmarks.jar TransferProbe
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class TransferProbe {

    @State(Scope.Benchmark)
    public static class Loopback {
        @Param({"256"})
        public int megabytes;

        LoopbackSink sink;

        @Setup(Level.Trial)
        public void open() throws IOException {
            sink = new LoopbackSink((long) megabytes << 20);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            sink.close();
        }
    }

    @Benchmark
    public long loopback(Loopback l) throws IOException {
        return l.sink.round();
    }

    @State(Scope.Benchmark)
    public static class Pipe {
        @Param({"256"})
        public int megabytes;

        PipeSink sink;

        @Setup(Level.Trial)
        public void open() throws IOException {
            sink = new PipeSink((long) megabytes << 20);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            sink.close();
        }
    }

    @Benchmark
    public long pipe(Pipe p) throws IOException {
        return p.sink.round();
    }

    @Benchmark
    public long workerStart() throws IOException {
        return WorkerLaunch.startAndStop();
    }
}
