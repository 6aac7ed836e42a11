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
 * random (Monte Carlo): the time to draw `size` points in the unit square and count the hits inside the quarter
 * circle, sequentially and under every concurrency model. The workload id is "random".
 *
 * What is measured: compute, not memory: each block of 4096 points has its own SplittableRandom seeded from
 * (seed, block), so no generator is shared (no contention) and the hit count is exact for any split. The count is
 * returned, so the loop cannot be dropped.
 *
 * What would make the number lie: one shared java.util.Random (CAS contention on its seed would dominate: that is
 * a different benchmark); a size so small that thread start-up is all one sees (that is the overhead figure, not
 * the compute speedup).
 *
 * Run just this class:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar MonteCarloBench -p size=33554432
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class MonteCarloBench {

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024", "32768", "1048576", "33554432"})
        public int size;

        Prepared<?> prepared;

        @Setup(Level.Trial)
        public void prepare() {
            prepared = Prepared.of(WorkloadKind.RANDOM, "scalar", size);
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
