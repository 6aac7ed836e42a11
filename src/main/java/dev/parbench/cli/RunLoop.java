package dev.parbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The run's loop, in rounds ({@link Rounds}): one JMH invocation of one fork per step, each under its
 * {@link ConfigBound}, each fork merged into its configuration's result and saved as it comes. A failed configuration
 * (JMH's failure, or over its bound) is recorded in failures.json with its name and said in one line, its later
 * rounds are skipped, and the others go on (unless --fail-fast); Ctrl-C ({@link RunGuard}) keeps what finished.
 */
final class RunLoop {
    /** One fork's JMH invocation. */
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
     * @param session this session's forks by configuration key, in run order
     * @param failures configurations that failed
     * @param stoppedBy why the loop stopped before the end (null: it did not)
     */
    record Outcome(Map<String, Measured> session, int failures, String stoppedBy) {
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
     * Runs {@code steps} with {@code planned} seconds each (the plan's estimates, in the same order); {@code first}
     * runs once, after the first result is saved.
     */
    Outcome run(List<Rounds.Step> steps, List<Double> planned, Invocation invocation, FirstResult first)
            throws Exception {
        Map<String, Measured> session = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        int failures = 0;
        String stoppedBy = null;
        boolean saved = false;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parbench-config-bound");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < steps.size(); i++) {
                Rounds.Step step = steps.get(i);
                Configuration c = step.config();
                if (guard.stopping()) {
                    break;
                }
                if (failed.contains(step.key())) {
                    continue; // failed in an earlier round: its later rounds would fail the same way
                }
                store.started(c);
                progress.start(i, step.label(), "round " + step.round());
                long startedMillis = System.currentTimeMillis();
                Collection<RunResult> results;
                try {
                    results = bound.run(planned.get(i), timer, () -> invocation.run(c));
                } catch (ConfigBound.Exceeded e) {
                    progress.finished();
                    if (guard.stopping()) {
                        break;
                    }
                    failures++;
                    failed.add(step.key());
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
                    failed.add(step.key());
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
                    failed.add(step.key());
                    fail(c, "JMH returned no result");
                    continue;
                }
                RunResult fork = results.iterator().next();
                Measured before = session.get(step.key());
                Measured now = before == null ? Measured.of(fork, step.round(), startedMillis)
                        : before.plus(fork, step.round(), startedMillis);
                session.put(step.key(), now);
                store.finished(c, now);
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
