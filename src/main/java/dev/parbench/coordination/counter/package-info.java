/**
 * {@code counter}: N threads increment one shared counter, seven ways ({@link
 * dev.parbench.coordination.counter.CounterKind}): one class per way, each saying how an increment becomes visible
 * to the next thread. {@link dev.parbench.coordination.counter.CounterRace} runs one batch and checks the count.
 */
package dev.parbench.coordination.counter;
