/**
 * {@code cancel}: how long {@code Future.cancel(true)} takes to stop a running task that checks interruption, one
 * that blocks in an interruptible call, and one that spins without checking (it never stops: reported, not hung).
 * One task class per kind; {@link dev.parbench.coordination.cancel.CancelRun} arms, cancels and cleans up.
 */
package dev.parbench.coordination.cancel;
