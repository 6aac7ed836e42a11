/**
 * How work is run: one class per concurrency model, all behind {@link dev.parbench.strategy.Strategy}.
 *
 * <p>A strategy is created for one parallelism and lives for a JMH trial: pools are built in the constructor
 * (at {@code Level.Trial}), never per operation, except where creating threads <em>is</em> the model
 * ({@code thread-per-task}, {@code virtual-threads}), which their Javadoc says. {@code execute} splits the
 * workload's blocks into at most {@code parallelism} contiguous {@link dev.parbench.strategy.BlockRange}s
 * (fork-join splits further; see its class), runs them and adds the partial results. The total work is fixed by the
 * input's size; parallelism only splits it.
 *
 * <p>Every class documents its <b>memory consistency</b>: how a partial result computed on another thread reaches
 * the caller, and which happens-before edge makes that safe.
 *
 * <p>{@link dev.parbench.strategy.StrategyKind} is the one enum naming the models; its ids are the JMH
 * {@code @Param} values, the CLI ids and the chart legends.
 *
 * <p>May depend on: {@code workload}. May not depend on: JMH, results, analysis, report.
 */
package dev.parbench.strategy;
