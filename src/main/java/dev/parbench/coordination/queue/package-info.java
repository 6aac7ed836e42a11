/**
 * {@code queue}: producers hand items to consumers through a channel: five JDK queues and the textbook monitor
 * (one lock, two conditions), one {@link dev.parbench.coordination.queue.Channel} class per idea.
 * {@link dev.parbench.coordination.queue.Handoff} races them and checks that every item arrives exactly once.
 */
package dev.parbench.coordination.queue;
