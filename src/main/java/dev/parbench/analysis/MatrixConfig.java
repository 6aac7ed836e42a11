package dev.parbench.analysis;

import dev.parbench.workload.WorkloadKind;

/** One measured configuration of the model matrix: a workload (with a kernel) under a model at a parallelism and size. */
record MatrixConfig(WorkloadKind workload, String kernel, String strategy, int parallelism, int size) {
    static final String SEQUENTIAL = "sequential";

    boolean sequential() {
        return strategy.equals(SEQUENTIAL);
    }

    /** The sequential baseline at the same workload, kernel and size. */
    MatrixConfig baseline() {
        return new MatrixConfig(workload, kernel, SEQUENTIAL, 1, size);
    }
}
