package dev.parbench.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void sizeBelowOneIsAClearError(int size) {
        for (WorkloadKind k : WorkloadKind.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> k.create(Kernel.SCALAR).prepare(size, 1));
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void everySplitPointGivesTheOracle(WorkloadKind kind) {
        for (Kernel kernel : Kernel.values()) {
            check(kind.create(kernel), 7 * 4096 + 3);
        }
    }

    private static <I> void check(Workload<I> w, int size) {
        I input = w.prepare(size, 7);
        long oracle = w.oracle(input);
        int blocks = w.blocks(input);
        assertEquals(8, blocks);
        for (int m = 0; m <= blocks; m++) {
            assertEquals(oracle, w.combine(w.run(input, 0, m), w.run(input, m, blocks)), "split at " + m);
        }
    }

    @Test
    void sumOracleIsThePlainSum() {
        Sum sum = new Sum(Kernel.SIMD);
        Sum.Input in = new Sum.Input(new long[] {1, 2, 3, Long.MAX_VALUE, 5});
        assertEquals(1 + 2 + 3 + Long.MAX_VALUE + 5, sum.run(in, 0, 1)); // wraps exactly like the oracle
        assertEquals(sum.oracle(in), sum.run(in, 0, 1));
        long[] ramp = new long[10_000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        assertEquals(10_000L * 9_999 / 2, new Sum(Kernel.SCALAR).run(new Sum.Input(ramp), 0, 3));
        assertEquals(10_000L * 9_999 / 2, new Sum(Kernel.SIMD).run(new Sum.Input(ramp), 0, 3));
    }

    @Test
    void inputsAreSeededAndDeterministic() {
        Sum sum = new Sum(Kernel.SCALAR);
        assertArrayEquals(sum.prepare(1000, 3).values(), sum.prepare(1000, 3).values());
        assertNotEquals(sum.oracle(sum.prepare(1000, 3)), sum.oracle(sum.prepare(1000, 4)));
        VectorAdd add = new VectorAdd(Kernel.SCALAR);
        assertArrayEquals(add.prepare(1000, 3).b(), add.prepare(1000, 3).b());
    }

    @Test
    void vectorAddWritesEveryElementAndTheChecksumSeesIt() {
        VectorAdd add = new VectorAdd(Kernel.SIMD);
        VectorAdd.Input in = add.prepare(3 * 4096 + 17, 9);
        long checksum = add.run(in, 0, add.blocks(in));
        for (int i = 0; i < in.c().length; i++) {
            assertEquals(in.a()[i] + in.b()[i], in.c()[i], "c[" + i + "]");
        }
        assertEquals(add.oracle(in), checksum);
        in.c()[4096] += 1.0; // first element of block 1: the checksum read of it must change
        assertNotEquals(checksum, VectorAdd.checksum(in.c(), 0, add.blocks(in)));
    }

    @Test
    void monteCarloEstimatesPi() {
        MonteCarlo mc = new MonteCarlo();
        int n = 1 << 22;
        MonteCarlo.Input in = mc.prepare(n, 2026);
        long hits = mc.run(in, 0, mc.blocks(in));
        assertEquals(mc.oracle(in), hits);
        double p = Math.PI / 4;
        double sigma = Math.sqrt(n * p * (1 - p)); // binomial standard deviation of the hit count
        assertTrue(Math.abs(hits - n * p) < 5 * sigma,
                "hits " + hits + " is more than 5 sigma from " + n * p + " (pi ~ " + MonteCarlo.estimate(hits, n) + ")");
    }

    @Test
    void idsRoundTrip() {
        for (WorkloadKind k : WorkloadKind.values()) {
            assertEquals(k, WorkloadKind.fromId(k.id()));
        }
        assertEquals(Kernel.SIMD, Kernel.fromId("simd"));
        assertThrows(IllegalArgumentException.class, () -> WorkloadKind.fromId("pi"));
    }
}
