/**
 * What the numbers mean: speedups with honest intervals, efficiency, Amdahl serial fraction, Karp-Flatt, crossover
 * sizes, achieved bandwidth against the machine's probe, the best model per size; and, for JMH results from any
 * other project, per-benchmark scores with intervals.
 *
 * <p>Two halves: <em>classification</em> ({@link dev.parbench.analysis.RecordSorter}: which family a JMH record
 * belongs to, from the declarations in {@code family}, and which configuration it measured) and <em>statistics</em>
 * ({@link dev.parbench.analysis.ProbeAnalyzer}, {@link dev.parbench.analysis.MatrixAnalyzer},
 * {@link dev.parbench.analysis.SeriesAnalyzer}; {@link dev.parbench.analysis.CostAnalyzer} maps the cost profile's
 * figures per workload, size and model beside the times), orchestrated by {@link dev.parbench.analysis.Analyzer}. The
 * statistics core ({@link dev.parbench.analysis.Stats}, {@link dev.parbench.analysis.Bootstrap}: the gate's
 * bootstrap) and the one test of time vs throughput ({@link dev.parbench.analysis.TimeUnits}) are shared with the gate.
 *
 * <p>The unit of replication is the fork (docs/METHOD.md): JMH's {@code scoreError} pools iterations across forks and
 * ignores fork-to-fork variance. Every fork-level interval comes from {@link dev.parbench.analysis.ForkIntervals}: a
 * fork's value is the median of its iterations; a configuration's value is the geometric mean of its fork medians with
 * a Student t interval on their logs; a speedup is the ratio of two such means with Welch's t interval on logs (the
 * forks of the two sides are not paired), or, where both ran in the same rounds of one run, the geometric mean of the
 * per-round ratios with a paired t interval. Each fork's own value stays visible
 * ({@link dev.parbench.analysis.ForkPoints}), and the references' forks against the wall clock say whether the
 * machine kept its speed ({@link dev.parbench.analysis.Stability}). Below
 * {@link dev.parbench.analysis.ForkIntervals#MIN_FORKS} forks a figure carries the range of its forks instead
 * ({@link dev.parbench.analysis.Estimate.Kind#RANGE}) and no claim rests on it; a configuration whose forks disagree
 * is flagged unstable, and claims skip it too. Amdahl is fitted only over at least three parallelisms that are thread
 * counts and at most the cores.
 *
 * <p>Imports neither JFreeChart nor JMH; draws nothing.
 */
package dev.parbench.analysis;
