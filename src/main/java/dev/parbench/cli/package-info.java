/**
 * The commands (picocli): {@code run} (JMH over the workloads and models, with profiles, a plan and an ETA),
 * {@code env} (the machine description every run carries). Sits on top of every other package; holds wiring and
 * argument checking, not measurement or statistics.
 *
 * <p>Errors a user can fix (bad sizes, unknown ids, unreadable files) are a {@link dev.parbench.cli.UsageException}:
 * one line on stderr and exit code 2. Files are written to a temporary name and moved into place, so a failed
 * command never leaves a half-written file over a good one.
 */
package dev.parbench.cli;
