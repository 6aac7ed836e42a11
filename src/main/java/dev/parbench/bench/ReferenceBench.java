package dev.parbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The regression gate's reference: fixed work that no parbench change touches (a 64-bit LCG stepped a fixed number
 * of times, self-contained in this file). `compare` runs it on both sides of every round; if it moves, the machine
 * changed speed during the comparison and the gate says INCONCLUSIVE instead of blaming the code.
 *
 * What would make it lie: a constant-folded loop (the state is a non-final field and the result is returned).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ReferenceBench {
    public long seed = 42;

    @Benchmark
    public long lcg() {
        long x = seed;
        for (int i = 0; i < 100_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
