package dev.parbench.bench;

import dev.parbench.strategy.Strategy;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;

/** A workload with its prepared input, so the shells can run it without naming the input type. */
final class Prepared<I> {
    /** The seed of every benchmark input; fixed so runs are comparable. */
    static final long SEED = 20261121L;

    private final Workload<I> workload;
    private final I input;

    private Prepared(Workload<I> workload, int size) {
        this.workload = workload;
        this.input = workload.prepare(size, SEED);
    }

    static Prepared<?> of(WorkloadKind kind, String kernel, int size) {
        return new Prepared<>(kind.create(Kernel.fromId(kernel)), size);
    }

    long runOn(Strategy strategy) {
        return strategy.execute(workload, input);
    }
}
