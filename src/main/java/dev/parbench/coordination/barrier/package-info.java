/**
 * {@code barrier}: phases separated by a barrier that all parties must reach before any goes on:
 * {@link java.util.concurrent.CyclicBarrier}, {@link java.util.concurrent.Phaser} and one
 * {@link java.util.concurrent.CountDownLatch} per phase, one {@link dev.parbench.coordination.barrier.PhaseGate}
 * class each; {@link dev.parbench.coordination.barrier.PhasedWork} runs the phases and checks them.
 */
package dev.parbench.coordination.barrier;
