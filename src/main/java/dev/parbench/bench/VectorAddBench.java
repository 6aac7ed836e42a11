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
 * vector-add: the time to compute c[i] = a[i] + b[i] over `size` doubles, sequentially and under every model.
 *
 * What is measured: one whole vector addition per operation into a preallocated output (allocated once per trial,
 * untimed); the operation returns a checksum read back from the output (first and last element of every block), so
 * the stores are consumed and nothing is dead code. Tests check the output element by element.
 *
 * What would make the number lie: in-cache sizes (2^25 doubles x 3 arrays = 768 MiB do not fit); a scalar loop the
 * JIT did not vectorise (hence `kernel`); first-touch page faults of the output, which is why it is allocated and
 * written in warm-up, not per operation. Bytes per operation: 24 * size (STREAM counting: two reads, one write);
 * compare the achieved GB/s with BandwidthProbe.add from the same run.
 *
 * Run just this class:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar VectorAddBench -p size=33554432
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"})
public class VectorAddBench {

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024", "32768", "1048576", "33554432"})
        public int size;

        @Param({"simd"})
        public String kernel;

        Prepared<?> prepared;

        @Setup(Level.Trial)
        public void prepare() {
            prepared = Prepared.of(WorkloadKind.VECTOR_ADD, kernel, size);
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
