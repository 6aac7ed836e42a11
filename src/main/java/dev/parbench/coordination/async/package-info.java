/**
 * {@code async}: fan out n independent requests that each wait 1 ms for "I/O" ({@link
 * dev.parbench.coordination.async.Request}) and fan the answers in: a fixed pool, one thread per request, and
 * CompletableFuture composition on a pool, one {@link dev.parbench.coordination.async.FanOut} class each. No
 * structured-concurrency variant: {@code StructuredTaskScope} is still a preview API (see
 * {@link dev.parbench.coordination.async.AsyncKind}).
 */
package dev.parbench.coordination.async;
