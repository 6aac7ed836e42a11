package dev.parbench.strategy;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every in-JVM model must keep: for every workload (x kernel) x parallelism {1, 2, 3, 7} x size {1, one
 * block - 1, one block, one block + 1, a large odd size}, the result equals the sequential oracle exactly, and
 * vector-add's output equals a[i] + b[i] element by element ({@link ContractCheck}). These models start no JVM, so the
 * full matrix is cheap. The out-of-process models keep the same contract in {@link TransportContractTest}, at the
 * sizes and parallelisms where their transports differ.
 */
class StrategyContractTest {
    static final int[] PARALLELISM = {1, 2, 3, 7};

    static Stream<StrategyKind> inJvmModels() {
        return Arrays.stream(StrategyKind.values()).filter(k -> !k.outOfProcess());
    }

    /** One model instance per parallelism serves every workload and size. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inJvmModels")
    void everyPartitionGivesTheOracle(StrategyKind kind) {
        for (int p : PARALLELISM) {
            try (Strategy s = kind.create(p)) {
                for (Workload<?> workload : ContractCheck.workloads()) {
                    for (int size : ContractCheck.sizes(workload.blockSize())) {
                        ContractCheck.check(s, workload, size);
                    }
                }
            }
        }
    }

    /** Repeated operations on one instance stay exact (pools and their threads are reused). */
    @Test
    void repeatedExecutionsOnOneStrategyStayExact() {
        Workload<?> w = WorkloadKind.VECTOR_ADD.create(Kernel.SIMD);
        inJvmModels().forEach(kind -> {
            try (Strategy s = kind.create(3)) {
                for (int i = 0; i < 5; i++) {
                    ContractCheck.check(s, w, ContractCheck.big(w.blockSize()));
                }
            }
        });
    }
}
