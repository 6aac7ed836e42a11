package dev.parbench.bench;

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
 * The machine's own memory-bandwidth ceiling, by STREAM's rules, so every run carries it next to sum and vector-add.
 *
 * read: sum of `elements` longs (8 bytes per element).  add: c = a + b over `elements` doubles (24 bytes per
 * element, STREAM counting without write-allocate). Both use the fast kernel (Vector API): a slow kernel would
 * measure the JIT, not the memory. `threads` = 1 gives the one-core figure, `all` uses every core.
 *
 * The probe is none of the models it bounds (StreamCrew): long-lived members, each streaming over its own slice of
 * arrays it allocated and wrote itself, started together by one generation flip and spinning (not parked) between
 * passes. A model's dispatch (task submission, a wake-up through the scheduler) is not in it, so at a cache-sized
 * `elements` it reads the cache, faster than memory, as a ceiling must; an earlier probe ran the executor model and
 * at 256 KiB measured its dispatch (8 GB/s, below the sequential loop's 100). The report keeps each size's best fork
 * as the ceiling.
 *
 * What would make the number lie: a dead result (both return a value); page faults (arrays are written before
 * measuring); a member that waits through the scheduler (they spin).
 *
 * Run just this class:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar BandwidthProbe
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class BandwidthProbe {

    @State(Scope.Benchmark)
    public static class Memory {
        @Param({"33554432"})
        public int elements;

        @Param({"1", "all"})
        public String threads;

        StreamCrew crew;

        @Setup(Level.Trial)
        public void setUp() {
            int n = "all".equals(threads) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
            crew = new StreamCrew(Math.min(n, elements), elements);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            crew.close();
        }
    }

    @Benchmark
    public long read(Memory m) {
        return m.crew.read();
    }

    @Benchmark
    public long add(Memory m) {
        return m.crew.add();
    }
}
