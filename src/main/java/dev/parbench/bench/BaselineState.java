package dev.parbench.bench;

import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The sequential baseline, as a state so the {@code sequential} benchmarks take no model parameters. */
@State(Scope.Benchmark)
public class BaselineState {
    final Strategy model = StrategyKind.SEQUENTIAL.create(1);
}
