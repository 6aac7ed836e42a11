/**
 * Threads working together (issue 9): the building blocks of the coordination benchmarks, one sub-package per
 * pattern: {@code counter}, {@code semaphore}, {@code barrier}, {@code queue}, {@code event}, {@code async},
 * {@code cancel}. Each variant is a small class a student can open on its own, and its Javadoc has a
 * <b>Memory consistency</b> line: how one thread's writes become visible to another, and which happens-before edge
 * makes that so (or, for {@code racy}, why there is none).
 *
 * <p>The shared harness lives here: {@link dev.parbench.coordination.ThreadKind} ({@code platform} or
 * {@code virtual}: every pattern runs on both), {@link dev.parbench.coordination.Crew} (N workers started once per
 * trial, given rounds of work released together and waited for with a bounded wait),
 * {@link dev.parbench.coordination.Roster} (a pool's threads, joined on shutdown),
 * {@link dev.parbench.coordination.Deadline} and {@link dev.parbench.coordination.Identified} (lowercase-hyphen
 * ids with a {@code fromId} that lists the known ones).
 *
 * <p>Rules of the room: every run checks its own answer and throws IllegalStateException when it is wrong; every
 * wait is bounded (a stuck pattern throws, it never hangs); no thread a pattern started is alive after its
 * {@code close()}. Measuring is for the JMH shells in {@code dev.parbench.bench}: no JMH here.
 *
 * <p>May depend on: the JDK only. May not depend on: any other parbench package, JMH.
 */
package dev.parbench.coordination;
