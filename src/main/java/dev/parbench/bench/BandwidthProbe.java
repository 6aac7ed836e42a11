package dev.parbench.bench;

import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.WorkloadKind;
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
 * The machine's own memory-bandwidth ceiling, STREAM-like, so every run carries it next to sum and vector-add.
 *
 * read: sum of `elements` longs (8 bytes per element).  add: c = a + b over `elements` doubles (24 bytes per
 * element, STREAM counting without write-allocate). Both use the fast kernel (Vector API): a slow kernel would
 * measure the JIT, not the memory. `threads` = 1 gives the one-core figure, `all` uses every core: the data is
 * split into equal contiguous slices over a fixed pool started once per trial (the plainest parallel loop; it is the
 * executor model with no tuning). GB/s = bytes per operation / time per operation.
 *
 * What would make the number lie: arrays that fit in cache (the default 2^25 elements = 256 MiB per array do not);
 * a dead result (both return a value); page faults (arrays are written before measuring).
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

        Prepared<?> read;
        Prepared<?> add;
        Strategy split;

        @Setup(Level.Trial)
        public void setUp() {
            read = Prepared.of(WorkloadKind.SUM, "simd", elements);
            add = Prepared.of(WorkloadKind.VECTOR_ADD, "simd", elements);
            int n = "all".equals(threads) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
            split = StrategyKind.EXECUTOR.create(n);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            split.close();
        }
    }

    @Benchmark
    public long read(Memory m) {
        return m.read.runOn(m.split);
    }

    @Benchmark
    public long add(Memory m) {
        return m.add.runOn(m.split);
    }
}
