/**
 * What the numbers mean: speedups with honest intervals, efficiency, Amdahl serial fraction, Karp-Flatt, crossover
 * sizes, achieved bandwidth against the machine's probe, the best model per size; and, for JMH results from any
 * other project, per-benchmark scores with intervals.
 *
 * <p>Two halves: <em>classification</em> ({@link dev.parbench.analysis.RecordSorter}: which family a JMH record
 * belongs to, from the declarations in {@code family}, and which configuration it measured) and <em>statistics</em>
 * ({@link dev.parbench.analysis.ProbeAnalyzer}, {@link dev.parbench.analysis.MatrixAnalyzer},
 * {@link dev.parbench.analysis.SeriesAnalyzer}), orchestrated by {@link dev.parbench.analysis.Analyzer}. The
 * statistics core ({@link dev.parbench.analysis.Stats}, {@link dev.parbench.analysis.Bootstrap}) and the one test of
 * time vs throughput ({@link dev.parbench.analysis.TimeUnits}) are shared with the gate.
 *
 * <p>The unit of replication is the fork (docs/METHOD.md): JMH's {@code scoreError} pools iterations across forks and
 * ignores fork-to-fork variance. Every interval here is a seeded <b>hierarchical bootstrap</b> (Kalibera and Jones,
 * "Rigorous benchmarking in reasonable time", 2013): resample forks with replacement, then iterations within each
 * chosen fork; a fork's value is the median of its iterations, a configuration's value the mean over forks; a
 * speedup is the ratio of two such means, resampled independently. With few forks the interval can only reflect the
 * forks there are: two forks give an optimistic interval, and reports say how many forks each figure rests on.
 *
 * <p>Imports neither JFreeChart nor JMH; draws nothing.
 */
package dev.parbench.analysis;
