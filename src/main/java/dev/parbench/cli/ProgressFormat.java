package dev.parbench.cli;

import java.io.IOException;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own output (into {@link JmhLog}: jmh.log, and the console with --verbose), with the {@link ProgressLine}
 * redrawn as iterations finish. The run gives each configuration its own JMH invocation: JMH's per-invocation progress
 * and "run complete" lines and its summary table would then say one configuration each, so they are left out, and
 * {@link #finish} writes the table of the whole run once.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat jmh;
    private final ProgressLine progress;

    ProgressFormat(OutputFormat jmh, ProgressLine progress) {
        this.jmh = jmh;
        this.progress = progress;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        jmh.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {
        jmh.iteration(b, i, n);
    }

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        jmh.iterationResult(b, i, n, r);
        progress.tick();
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
        jmh.flush(); // JMH closes its format per invocation; the run closes the log at its end
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
