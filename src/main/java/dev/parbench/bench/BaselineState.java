package dev.parbench.bench;

import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The sequential baseline, as a state so the {@code sequential} benchmarks take no model parameters. It marks the
 * iteration's counting window for {@link CostProfiler} as {@link ModelState} does.
 */
@State(Scope.Benchmark)
public class BaselineState {
    final Strategy model = StrategyKind.SEQUENTIAL.create(1);

    @Setup(Level.Iteration)
    public void countFrom() {
        CostCounters.markStart();
    }

    @TearDown(Level.Iteration)
    public void countTo() {
        CostCounters.markEnd();
    }
}
