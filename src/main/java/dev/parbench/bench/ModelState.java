package dev.parbench.bench;

import dev.parbench.remote.Models;
import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The concurrency model of a {@code parallel} benchmark: which one ({@code strategy}, a {@link StrategyKind} id) and
 * for how many tasks ({@code parallelism}). Built once per trial, closed after it, so pool and worker-JVM start-up
 * are never timed (process-per-task starts its JVMs inside each operation: that is its model).
 * The default {@code strategy} list is every model but the sequential baseline (a test keeps it in step with
 * {@link StrategyKind}).
 */
@State(Scope.Benchmark)
public class ModelState {
    @Param({"thread-per-task", "executor", "fork-join", "virtual-threads", "parallel-stream", "process-per-task",
        "process-pool", "process-pool-resident", "shared-memory", "socket", "socket-resident", "hazelcast",
        "hazelcast-resident"})
    public String strategy;

    @Param({"1", "2", "4"})
    public int parallelism;

    Strategy model;

    @Setup(Level.Trial)
    public void start() {
        model = Models.create(StrategyKind.fromId(strategy), parallelism);
    }

    @TearDown(Level.Trial)
    public void stop() {
        model.close();
    }

    /** Where {@link CostProfiler} starts counting: after any set-up, before the iteration's first operation. */
    @Setup(Level.Iteration)
    public void countFrom() {
        CostCounters.markStart();
    }

    /** Where it stops: after the iteration's last operation, before any tear-down (closing the model: not counted). */
    @TearDown(Level.Iteration)
    public void countTo() {
        CostCounters.markEnd();
    }
}
