package dev.parbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The run's loop: one JMH invocation per configuration, each under its {@link ConfigBound}, each result saved as it
 * comes. A failed configuration (JMH's failure, or over its bound) is recorded in failures.json with its name and
 * said in one line, and the others go on (unless --fail-fast); Ctrl-C ({@link RunGuard}) keeps what finished.
 */
final class RunLoop {
    /** One configuration's JMH invocation. */
    interface Invocation {
        Collection<RunResult> run(Configuration c) throws RunnerException;
    }

    /** What runs once the first result is saved (the run points results/latest at its folder). */
    interface FirstResult {
        void saved() throws java.io.IOException;
    }

    /**
     * What the loop did.
     *
     * @param session this session's results by configuration key, in run order
     * @param failures configurations that failed
     * @param stoppedBy why the loop stopped before the end (null: it did not)
     */
    record Outcome(Map<String, RunResult> session, int failures, String stoppedBy) {
    }

    private final RunStore store;
    private final RunGuard guard;
    private final ProgressLine progress;
    private final ConfigBound bound;
    private final boolean failFast;
    private final PrintStream err;
    private final Path log;

    RunLoop(RunStore store, RunGuard guard, ProgressLine progress, ConfigBound bound, boolean failFast,
            PrintStream err, Path log) {
        this.store = store;
        this.guard = guard;
        this.progress = progress;
        this.bound = bound;
        this.failFast = failFast;
        this.err = err;
        this.log = log;
    }

    /**
     * Runs {@code todo} with {@code planned} seconds each (the plan's estimates, in the same order); {@code first}
     * runs once, after the first result is saved.
     */
    Outcome run(List<Configuration> todo, List<Double> planned, Invocation invocation, FirstResult first)
            throws Exception {
        Map<String, RunResult> session = new LinkedHashMap<>();
        int failures = 0;
        String stoppedBy = null;
        boolean saved = false;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parbench-config-bound");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < todo.size(); i++) {
                Configuration c = todo.get(i);
                if (guard.stopping()) {
                    break;
                }
                store.started(c);
                progress.start(i, c.label());
                Collection<RunResult> results;
                try {
                    results = bound.run(planned.get(i), timer, () -> invocation.run(c));
                } catch (ConfigBound.Exceeded e) {
                    progress.finished();
                    if (guard.stopping()) {
                        break;
                    }
                    failures++;
                    fail(c, e.getMessage());
                    if (failFast) {
                        stoppedBy = "--fail-fast";
                        break;
                    }
                    continue;
                } catch (RunnerException e) {
                    progress.finished();
                    if (guard.stopping()) {
                        break;
                    }
                    String reason = JmhInvocation.reason(e);
                    failures++;
                    fail(c, reason);
                    if (!(e.getCause() instanceof BenchmarkException)) {
                        stoppedBy = "JMH itself failed (" + reason + ")";
                        break;
                    }
                    if (failFast) {
                        stoppedBy = "--fail-fast";
                        break;
                    }
                    continue;
                }
                progress.finished();
                if (results.isEmpty()) {
                    failures++;
                    fail(c, "JMH returned no result");
                    continue;
                }
                store.finished(c, results);
                results.forEach(r -> session.put(c.key(), r));
                if (!saved) {
                    first.saved();
                    saved = true;
                }
            }
        } finally {
            timer.shutdownNow();
            progress.close();
        }
        return new Outcome(session, failures, stoppedBy);
    }

    /** Records {@code c} failed and says so in one line, with where JMH's details are. */
    private void fail(Configuration c, String reason) throws java.io.IOException {
        store.failed(c, reason);
        progress.message(err, "parbench: configuration failed: " + c.label() + ": " + reason + " (details: " + log
                + ")");
    }
}
