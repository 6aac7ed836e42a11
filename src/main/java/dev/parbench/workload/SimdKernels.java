package dev.parbench.workload;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels, on the incubating Vector API with the platform's preferred species (8 longs with AVX-512,
 * 4 with AVX2). Kept in their own class so the scalar path never loads {@code jdk.incubator.vector}.
 * Every JVM that runs them needs {@code --add-modules jdk.incubator.vector}.
 */
public final class SimdKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

    private SimdKernels() {
    }

    /** Sum of {@code a[from, to)}: lane-wise accumulation then one horizontal add; exact for longs. */
    public static long sum(long[] a, int from, int to) {
        int i = from;
        int upper = from + LONGS.loopBound(to - from);
        LongVector acc = LongVector.zero(LONGS);
        for (; i < upper; i += LONGS.length()) {
            acc = acc.add(LongVector.fromArray(LONGS, a, i));
        }
        long s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** {@code c[i] = a[i] + b[i]} for {@code i} in {@code [from, to)}. */
    public static void add(double[] a, double[] b, double[] c, int from, int to) {
        int i = from;
        int upper = from + DOUBLES.loopBound(to - from);
        for (; i < upper; i += DOUBLES.length()) {
            DoubleVector.fromArray(DOUBLES, a, i).add(DoubleVector.fromArray(DOUBLES, b, i)).intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = a[i] + b[i];
        }
    }
}
