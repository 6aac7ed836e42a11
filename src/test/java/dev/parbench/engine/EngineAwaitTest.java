package dev.parbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How {@link EngineCluster#await} names a failed range, whatever order the futures complete in. */
class EngineAwaitTest {

    @Test
    void allRangesAnsweringGivesTheirResultsInRangeOrder() {
        List<CompletableFuture<Long>> fs = List.of(CompletableFuture.completedFuture(1L),
                CompletableFuture.completedFuture(2L));
        assertEquals(List.of(1L, 2L), EngineCluster.await("engine", fs, k -> "member " + k));
    }

    /**
     * The failed range finished last (range 0 had already answered): the "all done" future and the "first failure"
     * one both complete, and the message must name range 1's member whichever is seen first. This is the order a
     * member killed during a load-imbalanced operation produces (range 0's lighter rows done, range 1 still running).
     */
    @Test
    void aRangeThatFailedLastIsNamed() {
        CompletableFuture<Long> failed = new CompletableFuture<>();
        failed.completeExceptionally(new IllegalStateException("Connection closed by the other side"));
        List<CompletableFuture<Long>> fs = List.of(CompletableFuture.completedFuture(1L), failed);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EngineCluster.await("engine", fs, k -> "member 127.0.0.1:570" + k));
        assertTrue(e.getMessage().startsWith("engine: range 1 on member 127.0.0.1:5701 failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("Connection closed by the other side"), e.getMessage());
    }

    @Test
    void aRangeThatFailsWhileAnotherRunsIsNamedAtOnce() {
        CompletableFuture<Long> running = new CompletableFuture<>();
        CompletableFuture<Long> failed = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> failed.completeExceptionally(new IllegalStateException("gone")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EngineCluster.await("engine", List.of(running, failed), k -> "member " + k));
        assertTrue(e.getMessage().startsWith("engine: range 1 on member 1 failed: "), e.getMessage());
    }
}
