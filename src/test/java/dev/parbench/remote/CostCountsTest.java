package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import org.junit.jupiter.api.Test;

/**
 * The cost counts against what the protocol and the workload imply, model by model, outside JMH (the counters
 * themselves; {@code bench/CostProfilerTest} checks the profiler that reads them inside JMH). Each model runs one
 * operation first (the resident models store their input there, as in warm-up), then {@value #OPS} counted ones
 * (process-per-task: 2, each starts p JVMs); each prints its figures:
 * <ul>
 *   <li>sum over N elements with p workers moves 8 N bytes per operation over pipes or sockets (each worker its
 *   slice), plus a few dozen bytes of frame headers and fields per link; vector-add moves 24 N (a and b in, c back);
 *   the resident variants move only requests and results (vector-add's c still comes back: 8 N); shared memory moves
 *   sum's requests only, and copies vector-add's c out of the mapping (8 N);</li>
 *   <li>process-per-task starts p JVMs per operation, the pool none after its start;</li>
 *   <li>Hazelcast's client counts its own bytes (one member: the slice once, plus its framing and heartbeats);</li>
 *   <li>thread-per-task starts p threads per operation, the executor none; sequential allocates next to nothing.</li>
 * </ul>
 * Thread counts are the JVM's, shared with anything else this test JVM runs: they are compared to within a quarter
 * of a thread per operation (2 stray threads over 8 operations). A model measured on two workloads measures both on
 * one instance (one pool of worker JVMs started, not two).
 */
class CostCountsTest {
    static final int N = 1 << 18;
    static final int OPS = 8;
    /** Frame headers and fields per link and operation, at most (a RUN or STORE and its RESULT: ~90 bytes). */
    static final long FRAMING = 256;
    /** A fresh worker JVM's handshake (CHALLENGE, AUTH, READY) and BYE, at most. */
    static final long HANDSHAKE = 512;

    /** Per operation: bytes moved, JVMs and threads started, bytes allocated, links used, share of a link's time. */
    record PerOp(double bytes, double jvms, double threads, double allocated, double links, double share) {
    }

    static PerOp measure(StrategyKind kind, int p, WorkloadKind workload, int size) {
        return measure(kind, p, workload, size, OPS);
    }

    static PerOp measure(StrategyKind kind, int p, WorkloadKind workload, int size, int count) {
        try (Strategy s = Models.create(kind, p)) {
            return measure(s, workload, size, count);
        }
    }

    /**
     * On a model already started: the windows are deltas of the counters, so two workloads measured one after the other
     * on one pool count what two pools would (the second's warm-up operation, which stores its input, is outside its
     * window as the first's is), and the pool's JVMs start once.
     */
    @SuppressWarnings("unchecked")
    static <I> PerOp measure(Strategy s, WorkloadKind workload, int size, int count) {
        StrategyKind kind = s.kind();
        Workload<I> w = (Workload<I>) workload.create(Kernel.SIMD);
        I input = w.prepare(size, 7);
        long expected = w.oracle(input);
        assertEquals(expected, s.execute(w, input), kind + " warm-up");
        CostCounters.Snapshot a = CostCounters.now();
        for (int i = 0; i < count; i++) {
            assertEquals(expected, s.execute(w, input), kind + " operation " + i);
        }
        CostCounters.Snapshot b = CostCounters.ending();
        double ops = count;
        long linkUses = b.linkUses() - a.linkUses();
        double window = (b.nanoTime() - a.nanoTime()) / ops;
        PerOp m = new PerOp((b.wireBytes() - a.wireBytes()) / ops, (b.jvms() - a.jvms()) / ops,
                (b.threads() - a.threads()) / ops, (b.allocatedBytes() - a.allocatedBytes()) / ops,
                linkUses / ops, linkUses == 0 ? Double.NaN : (b.moveNanos() - a.moveNanos()) / (double) linkUses
                        / window);
        System.out.printf(java.util.Locale.ROOT, "cost: %s p=%d %s N=%d: %.0f B/op, %.2f JVMs/op, %.2f "
                + "threads/op, %.0f B allocated/op, %.2f links/op, transfer share %.2f%n", kind, s.parallelism(),
                workload.id(), size, m.bytes(), m.jvms(), m.threads(), m.allocated(), m.links(), m.share());
        return m;
    }

    static void assertBytes(long expected, int links, PerOp m, String what) {
        assertTrue(m.bytes() >= expected && m.bytes() <= expected + FRAMING * links,
                what + ": " + m.bytes() + " bytes per operation, expected " + expected + " + at most "
                        + FRAMING * links + " of framing");
    }

    @Test
    void theProcessPoolMovesEachInputOnceAndStartsNothing() {
        try (Strategy pool = Models.create(StrategyKind.PROCESS_POOL, 2)) {
            PerOp sum = measure(pool, WorkloadKind.SUM, N, OPS);
            assertBytes(8L * N, 2, sum, "process-pool sum");
            assertEquals(0, sum.jvms(), "process-pool starts its JVMs with the trial");
            assertEquals(0, sum.threads(), 0.25, "process-pool starts no thread per operation");
            assertEquals(2, sum.links(), "one link per worker");
            assertTrue(sum.share() > 0 && sum.share() < 1.05, "share of a link's time moving data: " + sum.share());
            PerOp add = measure(pool, WorkloadKind.VECTOR_ADD, N, OPS);
            assertBytes(24L * N, 2, add, "process-pool vector-add (a, b in; c back)");
        }
        assertEquals(WorkloadKind.VECTOR_ADD.bytesPerElement() * (long) N, 24L * N, "the workload says 24 too");
    }

    @Test
    void theResidentPoolMovesOnlyRequestsAndOutputs() {
        try (Strategy pool = Models.create(StrategyKind.PROCESS_POOL_RESIDENT, 2)) {
            assertBytes(0, 2, measure(pool, WorkloadKind.SUM, N, OPS), "resident sum");
            assertBytes(8L * N, 2, measure(pool, WorkloadKind.VECTOR_ADD, N, OPS),
                    "resident vector-add (c comes back)");
        }
    }

    @Test
    void socketsMoveWhatPipesMove() {
        assertBytes(8L * N, 2, measure(StrategyKind.SOCKET, 2, WorkloadKind.SUM, N), "socket sum");
    }

    @Test
    void sharedMemoryCopiesOnlyTheOutput() {
        try (Strategy pool = Models.create(StrategyKind.SHARED_MEMORY, 2)) {
            assertBytes(0, 2, measure(pool, WorkloadKind.SUM, N, OPS), "shared-memory sum");
            assertBytes(8L * N, 2, measure(pool, WorkloadKind.VECTOR_ADD, N, OPS),
                    "shared-memory vector-add (c copied out of the mapping)");
        }
    }

    @Test
    void processPerTaskStartsOneJvmPerTask() {
        int n = 1 << 16;
        PerOp m = measure(StrategyKind.PROCESS_PER_TASK, 2, WorkloadKind.SUM, n, 2); // 2 JVMs an operation: few
        assertEquals(2, m.jvms(), "p JVMs per operation");
        assertTrue(m.bytes() >= 8L * n && m.bytes() <= 8L * n + 2 * (FRAMING + HANDSHAKE),
                "the input once, plus each fresh worker's handshake: " + m.bytes());
        assertTrue(m.threads() >= 2, "each link has its own reader and sender threads: " + m.threads());
    }

    @Test
    void hazelcastsBytesComeFromItsClientsOwnCounters() {
        PerOp m = measure(StrategyKind.HAZELCAST, 1, WorkloadKind.SUM, N, 4);
        assertTrue(m.bytes() >= 8L * N && m.bytes() <= 8L * N + (N >> 2) + 65536,
                "the slice once, plus Hazelcast's framing and heartbeats: " + m.bytes());
        assertEquals(0, m.jvms(), "members start with the trial");
        assertTrue(Double.isNaN(m.share()), "its links are Hazelcast's: not timed frame by frame");
    }

    @Test
    void threadsAndAllocationInOneJvm() {
        PerOp perTask = measure(StrategyKind.THREAD_PER_TASK, 2, WorkloadKind.SUM, N);
        assertEquals(2, perTask.threads(), 0.25, "thread-per-task starts p threads per operation");
        assertEquals(0, perTask.bytes(), "nothing leaves the JVM");
        assertTrue(Double.isNaN(perTask.share()), "no link, no transfer share");
        assertEquals(0, measure(StrategyKind.EXECUTOR, 2, WorkloadKind.SUM, N).threads(), 0.25,
                "the executor's threads start with its pool");
        PerOp seq = measure(StrategyKind.SEQUENTIAL, 1, WorkloadKind.SUM, N);
        assertTrue(seq.allocated() >= 0 && seq.allocated() < 256, "sequential allocates ~0 per operation: "
                + seq.allocated());
        assertEquals(0, seq.jvms());
    }
}
