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
 * mandelbrot: the time to count the escape iterations of `size` pixels of the upper half of the Mandelbrot set,
 * sequentially and under every concurrency model.
 *
 * What is measured: compute with a deliberately uneven cost. The rows along the real axis (the end of the pixel
 * range) hold most of the set and cost up to 32 iterations a pixel, the top rows one or two: the second half of the
 * pixels costs several times the first. Models that give each task one equal contiguous range (executor,
 * thread-per-task, the process and socket models) leave the first tasks idle while the last one works; fork-join's
 * splitting and stealing rebalances. Compare them at the largest size, at p = cores and with more tasks than cores.
 * The total count is returned, so nothing is dead code.
 *
 * What would make the number lie: sizes so small that task start-up is all one sees; a grid that depended on the
 * partition (it depends on `size` only: see Mandelbrot).
 *
 * Run just this class:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar MandelbrotBench -p size=1048576
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class MandelbrotBench {

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024", "32768", "1048576", "33554432"})
        public int size;

        Prepared<?> prepared;

        @Setup(Level.Trial)
        public void prepare() {
            prepared = Prepared.of(WorkloadKind.MANDELBROT, "scalar", size);
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
