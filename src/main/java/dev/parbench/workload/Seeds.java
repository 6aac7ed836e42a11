package dev.parbench.workload;

/**
 * Deterministic, stateless seeding: SplitMix64's finaliser. Input element {@code i} and Monte Carlo block {@code b}
 * get their values from {@code (seed, index)} alone, so generation can run in any order or in parallel and the
 * data never depends on how it was produced.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** SplitMix64 finaliser of {@code z}: a bijection on longs with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The value at {@code index} of stream {@code seed}. */
    public static long at(long seed, long index) {
        return mix(seed + GOLDEN * (index + 1));
    }

    /** A double in [0, 1) at {@code index} of stream {@code seed}. */
    public static double unitDouble(long seed, long index) {
        return (at(seed, index) >>> 11) * 0x1.0p-53;
    }
}
