/**
 * {@code event}: how long it takes to wake one waiting thread, four ways ({@link
 * dev.parbench.coordination.event.WakeSignal} classes: latch, wait/notify, park/unpark, CompletableFuture);
 * {@link dev.parbench.coordination.event.WakeUp} arms a parked waiter and fires.
 */
package dev.parbench.coordination.event;
