package dev.parbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The regression gate's references: fixed work that no parbench change touches, self-contained in this file, one per
 * resource the gated benchmarks lean on. `lcg` is the ALU (a 64-bit LCG stepped a fixed number of times, all in
 * registers); `stream` is memory bandwidth (the sum of a 64 MiB long[] built at trial setup: far beyond the caches,
 * and on this machine the bandwidth moves between modes from one JVM to the next). `compare` runs both on both sides
 * of every round; if either moves, the machine changed speed during the comparison, the gate says INCONCLUSIVE
 * instead of blaming the code, and names the one that moved.
 *
 * What would make them lie: a constant-folded loop (the state is a non-final field and the result is returned); an
 * array small enough to sit in a cache (64 MiB is not).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ReferenceBench {
    public long seed = 42;

    /** The memory reference's data: 8 Mi longs (64 MiB), filled once per fork. */
    @State(Scope.Benchmark)
    public static class Memory {
        static final int LONGS = 8 << 20;
        long[] data;

        @Setup(Level.Trial)
        public void fill() {
            data = new long[LONGS];
            for (int i = 0; i < LONGS; i++) {
                data[i] = i * 0x9E3779B97F4A7C15L;
            }
        }
    }

    @Benchmark
    public long stream(Memory m) {
        long[] d = m.data;
        long s = 0;
        for (long v : d) {
            s += v;
        }
        return s;
    }

    @Benchmark
    public long lcg() {
        long x = seed;
        for (int i = 0; i < 100_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
