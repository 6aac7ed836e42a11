package dev.parbench.report;

import dev.parbench.strategy.StrategyKind;
import java.awt.Color;
import java.util.List;

/** One colour per strategy, the same in every chart: Okabe-Ito (colour-blind safe) plus a few distinct extras. */
public final class Palette {
    static final Color SEQUENTIAL = new Color(0x33, 0x33, 0x33);
    private static final List<Color> COLORS = List.of(
            new Color(0xE6, 0x9F, 0x00), // orange
            new Color(0x56, 0xB4, 0xE9), // sky blue
            new Color(0x00, 0x9E, 0x73), // bluish green
            new Color(0xCC, 0x79, 0xA7), // reddish purple
            new Color(0x00, 0x72, 0xB2), // blue
            new Color(0xD5, 0x5E, 0x00), // vermillion
            new Color(0x8C, 0x6D, 0x31), // brown
            new Color(0x7F, 0x3C, 0x8D), // purple
            new Color(0xE7, 0x29, 0x8A), // magenta
            new Color(0x66, 0x66, 0x00), // olive
            new Color(0x99, 0x99, 0x99), // grey
            new Color(0x1B, 0x9E, 0x77));

    private Palette() {
    }

    /** The colour of a strategy id; unknown ids get a stable colour from their hash. */
    public static Color of(String strategy) {
        for (StrategyKind k : StrategyKind.values()) {
            if (k.id().equals(strategy)) {
                return k == StrategyKind.SEQUENTIAL ? SEQUENTIAL : COLORS.get((k.ordinal() - 1) % COLORS.size());
            }
        }
        return COLORS.get(Math.floorMod(strategy.hashCode(), COLORS.size()));
    }

    /** The i-th colour of a series that is not a strategy (foreign results). */
    public static Color nth(int i) {
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
