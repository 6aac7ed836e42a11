/**
 * The commands (picocli): {@code run} (JMH over the workloads and models, with profiles, a plan and an ETA),
 * {@code env} (the machine description every run carries). Sits on top of every other package; holds wiring and
 * argument checking, not measurement or statistics.
 *
 * <p>Errors a user can fix (bad sizes, unknown ids, unreadable files) are a {@link dev.parbench.cli.UsageException}:
 * one line on stderr and exit code 2. Files are written to a temporary name and moved into place, so a failed
 * command never leaves a half-written file over a good one.
 *
 * <p>No run is lost: {@code run} gives each {@link dev.parbench.cli.Configuration} (a benchmark with one value per
 * parameter) its own JMH invocation, and {@link dev.parbench.cli.RunStore} rewrites results.json as each finishes,
 * with env.json (the run's arguments) and failures.json beside it; {@link dev.parbench.cli.RunGuard} is the Ctrl-C
 * path (stop every descendant process, bounded; mark what was under way; say how to {@code --resume}).
 */
package dev.parbench.cli;
