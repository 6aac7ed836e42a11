/**
 * {@code semaphore}: N threads share a resource that k &lt; N may use at once, guarded by a fair or an unfair
 * {@link java.util.concurrent.Semaphore}. {@link dev.parbench.coordination.semaphore.SemaphoreBatch} measures
 * throughput (a batch of cycles); {@link dev.parbench.coordination.semaphore.SemaphoreContention} lets one more
 * thread sample its own wait while N others keep the resource busy, so fairness shows in the wait distribution.
 */
package dev.parbench.coordination.semaphore;
