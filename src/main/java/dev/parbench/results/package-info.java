/**
 * What JMH wrote, as plain records: {@link dev.parbench.results.JmhJsonReader} turns JMH's JSON (any mode, any
 * project) plus an optional {@code env.json} into {@link dev.parbench.results.BenchmarkRecord}s. It keeps the
 * per-fork per-iteration raw data (sample mode: the per-iteration histograms, reduced to per-iteration means), the
 * percentiles, the secondary metrics ({@code gc.alloc.rate} from {@code -prof gc} and the like) and the JVM fields when present.
 * {@link dev.parbench.results.RunFailures} reads a parbench run folder's {@code failures.json} (failed and not-run
 * configurations).
 *
 * <p>No statistics and no drawing here. Malformed input is a {@link dev.parbench.results.ResultsFormatException}
 * with one line saying which file and what is wrong.
 */
package dev.parbench.results;
