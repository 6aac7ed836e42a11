package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRangeTest {

    @Test
    void splitCoversEveryBlockOnceInOrderWithBalancedLengths() {
        for (int blocks = 1; blocks <= 40; blocks++) {
            for (int parts = 1; parts <= 12; parts++) {
                List<BlockRange> ranges = BlockRange.split(blocks, parts);
                assertEquals(Math.min(blocks, parts), ranges.size());
                int next = 0;
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (BlockRange r : ranges) {
                    assertEquals(next, r.from());
                    assertTrue(r.blocks() >= 1);
                    min = Math.min(min, r.blocks());
                    max = Math.max(max, r.blocks());
                    next = r.to();
                }
                assertEquals(blocks, next);
                assertTrue(max - min <= 1, "unbalanced split of " + blocks + " into " + parts);
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BlockRange.split(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new BlockRange(5, 4));
    }

    @Test
    void forkJoinLeafRuleGivesAboutFourLeavesPerWorker() {
        assertEquals(1, ForkJoinStrategy.leafBlocks(1, 2));
        assertEquals(1, ForkJoinStrategy.leafBlocks(8, 2));
        assertEquals(2, ForkJoinStrategy.leafBlocks(9, 2));
        assertEquals(1024, ForkJoinStrategy.leafBlocks(8192, 2));
    }

    @Test
    void strategyIdsRoundTripAndUnknownIdsAreExplained() {
        for (StrategyKind k : StrategyKind.values()) {
            assertEquals(k, StrategyKind.fromId(k.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyKind.fromId("x"));
        assertTrue(e.getMessage().contains("fork-join"), e.getMessage());
    }
}
