package dev.parbench.bench;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Sum;
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
 * The gate's calibration: the real sum kernel (Sum, simd) over a 512 KiB array (64k longs, 16 blocks of 4096: it sits
 * in a core's L2, so the time is linear in the blocks summed), BASE_BLOCKS blocks per operation, cycling the array.
 * `planted` is a slowdown in percent that only takes effect when the JVM runs with -Dparbench.calibration.plant=true
 * (the candidate side of `calibrate`): then an operation sums round(BASE_BLOCKS * planted / 100) blocks more. Both
 * sides thus have the same benchmark key and the same code; only the amount of work differs. The work actually done
 * is (BASE_BLOCKS + extra) / BASE_BLOCKS (plantedWork below; 5% is 13 of 256 blocks, 5.08%); the time actually lost
 * is what the gate measures, and `calibrate` prints both.
 *
 * `copy` only tells identical configurations apart, so that one comparison holds several benchmarks per level.
 *
 * What would make it lie: a folded loop (the sum is returned, the array is built at trial setup from a seed); an
 * array that spills out of L2 (then the extra blocks, re-read from the start, could be cheaper than the others).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class CalibrationBench {
    /** The system property that makes {@code planted} take effect. */
    public static final String PLANT_PROPERTY = "parbench.calibration.plant";
    /** Blocks of 4096 longs summed per operation without a planted slowdown. */
    public static final int BASE_BLOCKS = 256;
    static final int ARRAY_BLOCKS = 16;

    @Param({"0", "5", "10", "15", "20"})
    public int planted;

    @Param({"1"})
    public int copy;

    private Sum sum;
    private Sum.Input input;
    private int blocks;

    @Setup(Level.Trial)
    public void prepare() {
        if (planted < 0 || planted > 1000) {
            throw new IllegalArgumentException("planted must be a percentage in [0, 1000], not " + planted);
        }
        sum = new Sum(Kernel.SIMD);
        input = sum.prepare(ARRAY_BLOCKS * Sum.BLOCK, 20261122L + copy);
        blocks = Boolean.getBoolean(PLANT_PROPERTY) ? BASE_BLOCKS + extraBlocks(planted) : BASE_BLOCKS;
    }

    /** The blocks a planted slowdown of {@code percent} adds to an operation. */
    public static int extraBlocks(int percent) {
        return (int) Math.round(BASE_BLOCKS * percent / 100.0);
    }

    /** The work ratio a planted slowdown of {@code percent} really plants: (base + extra) / base. */
    public static double plantedWork(int percent) {
        return (BASE_BLOCKS + extraBlocks(percent)) / (double) BASE_BLOCKS;
    }

    @Benchmark
    public long sum() {
        long s = 0;
        int left = blocks;
        while (left > 0) {
            int n = Math.min(left, ARRAY_BLOCKS);
            s += sum.run(input, 0, n);
            left -= n;
        }
        return s;
    }
}
