package dev.parbench.bench;

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
import org.openjdk.jmh.annotations.Warmup;

/*
 * sum: the time to add up `size` longs, sequentially and under every concurrency model.
 *
 * What is measured: one whole sum per operation; the array is built once per trial (seeded, untimed) and read from
 * a @State field, and the sum is returned, so JMH sinks it and the JIT can neither fold nor drop the loop.
 *
 * What would make the number lie: sizes that fit in cache measure the cache, not memory (2^25 longs = 256 MiB do
 * not); a slow scalar kernel makes this memory-bound job look compute-bound and flatters every parallel model,
 * hence the `kernel` dimension (simd is the fair one); one fork mixes JIT profiles of all models (use >= 2).
 * Bytes per operation: 8 * size; compare the achieved GB/s with BandwidthProbe.read from the same run.
 *
 * Run just this class:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar SumBench -p size=33554432 -p parallelism=2
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class SumBench {

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024", "32768", "1048576", "33554432"})
        public int size;

        @Param({"simd"})
        public String kernel;

        Prepared<?> prepared;

        @Setup(Level.Trial)
        public void prepare() {
            prepared = Prepared.of(WorkloadKind.SUM, kernel, size);
        }
    }

    @Benchmark
    public long sequential(Data data, BaselineState baseline) {
        return data.prepared.runOn(baseline.model);
    }

    @Benchmark
    public long parallel(Data data, ModelState model) {
        return data.prepared.runOn(model.model);
    }
}
