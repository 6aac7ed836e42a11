/**
 * The JMH shells: one class per workload (named by its {@code WorkloadKind}: {@link dev.parbench.bench.SumBench},
 * {@link dev.parbench.bench.VectorAddBench}, {@link dev.parbench.bench.MonteCarloBench},
 * {@link dev.parbench.bench.MandelbrotBench}) and the probes ({@link dev.parbench.bench.BandwidthProbe},
 * {@link dev.parbench.bench.TransferProbe}). Each workload class has a {@code sequential} baseline swept over the
 * sizes only and a {@code parallel} benchmark swept over strategy x size x parallelism (the
 * {@link dev.parbench.bench.ModelState}). Mode: average time per operation; the result is always returned.
 *
 * <p>Inputs are built, and pools started, at {@code Level.Trial}: never inside the measured operation, except that
 * {@code thread-per-task} and {@code virtual-threads} create their threads per operation because that is the model.
 *
 * <p>{@link dev.parbench.bench.CostProfiler} (a JMH profiler {@code run} adds to every model configuration) records
 * what each operation cost besides its time, between iterations, over the window the model states mark at
 * iteration set-up and tear-down (docs/METHOD.md, "Why each model costs what it costs").
 *
 * <p>No logic a test would want to call lives here: the shells only wire {@code workload} and {@code strategy}.
 * Parameter names are a contract with the CLI and the reporter: {@code size}, {@code kernel}, {@code strategy},
 * {@code parallelism}, and {@code elements}/{@code threads} for the probe.
 *
 * <p>Coordination shells (issue 9: {@link dev.parbench.bench.CounterBench}, {@link dev.parbench.bench.SemaphoreBench},
 * {@link dev.parbench.bench.BarrierBench}, {@link dev.parbench.bench.QueueBench}, {@link dev.parbench.bench.EventBench},
 * {@link dev.parbench.bench.AsyncBench}, {@link dev.parbench.bench.CancelBench}) wire {@code dev.parbench.coordination}
 * only. One JMH thread drives worker threads the pattern starts itself, once per trial, because JMH's own threads
 * are always platform threads; each invocation is a checked batch (or one checked wake-up or cancellation). Their
 * parameter names are a contract too: {@code variant} (the pattern's variant id), {@code threads}
 * ({@code platform}|{@code virtual}; for BandwidthProbe {@code threads} means something else), {@code workers}, and
 * {@code producers}/{@code consumers} (queue) and {@code requests}/{@code poolSize} (async). Mode and unit differ by
 * pattern and each class says which; secondary metrics are JMH aux counters named in each class.
 */
package dev.parbench.bench;
