package dev.parbench.strategy;

import dev.parbench.remote.Models;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link StrategyContractTest}, kept by every out-of-process model (pipes, process-per-task, shared
 * memory, TCP, their resident variants, the Hazelcast engine): exact answers for every workload (x kernel), and
 * vector-add's output element by element, at the sizes and parallelisms where a transport can go wrong:
 * <ul>
 *   <li>sizes: one element and one block - 1 (smaller than one block), exactly one block, one block + 1 (not a
 *   multiple of the block: a ragged last block), and {@value ContractCheck#BIG_BLOCKS} blocks + a ragged tail (many
 *   blocks per task, uneven ranges);</li>
 *   <li>parallelism: 1 (one range), 2 (an even split) and 3 (more workers than blocks at every size up to one block
 *   + 1: idle workers; uneven ranges at the big size, 84, 84 and 83 blocks). With {@code -Pfull-tests} also 7, seven
 *   worker JVMs per pool started and connected at once: it ran by default before, in place of 3, and started 42 of
 *   the 60 pool JVMs (3 starts 18); every boundary above is reached at 3 already. The engine models run 2 members
 *   only: every member is a JVM that takes seconds (tens of seconds on a loaded machine) to start and join; 2 is
 *   already more members than blocks up to one block (an idle member, an empty resident range), one block per member
 *   at one block + 1, and uneven ranges at the big size. One member doing everything is the path
 *   {@code HazelcastEngineTest} runs.</li>
 * </ul>
 * One model instance per (model, parallelism) serves all its cases, so a pool, its worker JVMs or its cluster start
 * once per parallelism; the same instance then repeats one operation five times (the resident models reuse what they
 * stored). {@code process-per-task} starts a JVM per task per operation (12 here, against about 200 when it ran the
 * whole matrix), so it runs every workload in one task of two blocks, the second ragged (one block + 1 at p = 1), and
 * the remaining boundaries on vector-add, whose output check is the strictest: one element at p = 1, one block + 1
 * (a full block and a ragged one, a task each) and the big size at p = 2, and one block - 1 at p = 3 (and 7: more
 * tasks allowed than blocks). Uneven ranges over many workers are the same partition code as the pools', checked
 * there at p = 3 and the big size.
 */
class TransportContractTest {
    /** {@code -Pfull-tests} (surefire sets {@code parbench.fullTests}): the larger matrix. */
    static final boolean FULL = Boolean.getBoolean("parbench.fullTests");
    static final int[] PARALLELISM = FULL ? new int[] {1, 2, 3, 7} : new int[] {1, 2, 3};
    static final int[] ENGINE_PARALLELISM = {2};
    static final int REPEATS = 5;

    static Stream<StrategyKind> outOfProcessModels() {
        return Arrays.stream(StrategyKind.values()).filter(StrategyKind::outOfProcess);
    }

    static int[] parallelisms(StrategyKind kind) {
        return kind.transport() == StrategyKind.Transport.ENGINE
                || kind.transport() == StrategyKind.Transport.ENGINE_RESIDENT ? ENGINE_PARALLELISM : PARALLELISM;
    }

    /** One case: a workload at one size. */
    record Case(Workload<?> workload, int size) {
    }

    /** The cases one model runs at parallelism {@code p}. */
    static List<Case> cases(StrategyKind kind, int p) {
        List<Case> out = new ArrayList<>();
        if (kind != StrategyKind.PROCESS_PER_TASK) {
            for (Workload<?> w : ContractCheck.workloads()) {
                for (int size : ContractCheck.sizes(w.blockSize())) {
                    out.add(new Case(w, size));
                }
            }
            return out;
        }
        Workload<?> vectorAdd = WorkloadKind.VECTOR_ADD.create(Kernel.SIMD);
        int block = vectorAdd.blockSize();
        switch (p) {
            case 1 -> {
                for (Workload<?> w : ContractCheck.workloads()) {
                    out.add(new Case(w, w.blockSize() + 1));
                }
                out.add(new Case(vectorAdd, 1));
            }
            case 2 -> {
                out.add(new Case(vectorAdd, block + 1));
                out.add(new Case(vectorAdd, ContractCheck.big(block)));
            }
            default -> out.add(new Case(vectorAdd, block - 1));
        }
        return out;
    }

    /** True where the model keeps something across operations (a pool, a cluster, resident data). */
    static boolean keepsState(StrategyKind kind) {
        return kind != StrategyKind.PROCESS_PER_TASK;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfProcessModels")
    void everyTransportGivesTheOracleAtItsBoundaries(StrategyKind kind) {
        Workload<?> repeated = WorkloadKind.VECTOR_ADD.create(Kernel.SIMD);
        for (int p : parallelisms(kind)) {
            try (Strategy s = Models.create(kind, p)) {
                for (Case c : cases(kind, p)) {
                    ContractCheck.check(s, c.workload(), c.size());
                }
                if (keepsState(kind)) {
                    for (int i = 0; i < REPEATS; i++) {
                        ContractCheck.check(s, repeated, ContractCheck.big(repeated.blockSize()));
                    }
                }
            }
        }
    }
}
