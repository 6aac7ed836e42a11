package dev.parbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own console output, plus a parbench progress line (configuration k of n, elapsed, ETA) per benchmark. The run
 * gives each configuration its own JMH invocation: JMH's per-invocation progress and "run complete" lines and its
 * summary table would then say one configuration each, so they are left out, and {@link #finish} prints the table of
 * the whole run once.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat jmh;
    private final PrintStream out;
    private final int total;
    private final Duration planned;
    private final long startNanos;
    private int started;

    ProgressFormat(OutputFormat jmh, PrintStream out, int total, Duration planned, long startNanos, int alreadyDone) {
        this.jmh = jmh;
        this.out = out;
        this.total = total;
        this.planned = planned;
        this.startNanos = startNanos;
        this.started = alreadyDone;
    }

    int started() {
        return started;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        int done = started;
        started++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration eta = done == 0 ? planned
                : Duration.ofMillis(elapsed.toMillis() * (total - done) / done);
        out.printf("%n[parbench] configuration %d/%d (%d%%), elapsed %s, ETA ~%s%n", started, total,
                100 * done / Math.max(1, total), Plan.format(elapsed), Plan.format(eta));
        jmh.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {
        jmh.iteration(b, i, n);
    }

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        jmh.iterationResult(b, i, n, r);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        // one configuration's table: see finish
    }

    /** JMH's summary table of everything this run measured. */
    void finish(Collection<RunResult> all) {
        if (!all.isEmpty()) {
            jmh.endRun(all); // in run order (JMH's comparator would merge configurations of separate invocations)
        }
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        if (s.startsWith("# Run progress:") || s.startsWith("# Run complete.")) {
            return; // per invocation, i.e. per configuration: the parbench line says it for the whole run
        }
        if (s.startsWith("Benchmark had encountered error, and fail on error was requested")) {
            return; // the run asks JMH to fail a configuration so that it says why; the run itself goes on
        }
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.flush(); // the underlying stream is System.out: not ours to close
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
