package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.StrategyKind;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every model has a colour of its own: adding a model without adding a colour fails here, not silently in a chart. */
class PaletteTest {

    @Test
    void everyParallelModelHasItsOwnColour() {
        assertTrue(Palette.size() >= StrategyKind.parallelModels().size(), "the palette has " + Palette.size()
                + " colours for " + StrategyKind.parallelModels().size() + " parallel models: add a colour");
        Set<Color> seen = new HashSet<>();
        for (StrategyKind k : StrategyKind.values()) {
            assertTrue(seen.add(Palette.of(k.id())), k.id() + " shares a colour with another model");
        }
        assertEquals(Palette.SEQUENTIAL, Palette.of("sequential"));
    }
}
