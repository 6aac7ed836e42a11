package dev.parbench.report;

import dev.parbench.strategy.StrategyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One colour per strategy, the same in every chart: Okabe-Ito, then Paul Tol's muted scheme (both colour-blind safe).
 * Each colour also has its own marker shape and dash pattern, so that lines stay apart in greyscale and for readers
 * who cannot tell two colours apart.
 */
public final class Palette {
    static final Color SEQUENTIAL = new Color(0x33, 0x33, 0x33);
    private static final List<Color> COLORS = List.of(
            new Color(0xE6, 0x9F, 0x00), // orange
            new Color(0x56, 0xB4, 0xE9), // sky blue
            new Color(0x00, 0x9E, 0x73), // bluish green
            new Color(0xCC, 0x79, 0xA7), // reddish purple
            new Color(0x00, 0x72, 0xB2), // blue
            new Color(0xD5, 0x5E, 0x00), // vermillion
            new Color(0x33, 0x22, 0x88), // indigo (Tol)
            new Color(0x88, 0x22, 0x55), // wine (Tol)
            new Color(0x44, 0xAA, 0x99), // teal (Tol)
            new Color(0x99, 0x99, 0x33), // olive (Tol)
            new Color(0xCC, 0x66, 0x77), // rose (Tol)
            new Color(0xAA, 0x44, 0x99), // purple (Tol)
            new Color(0x88, 0x66, 0x00)); // brown: one colour per parallel model, none shared
    private static final float[][] DASHES = {null, {9f, 4f}, {9f, 3f, 2f, 3f}};

    private Palette() {
    }

    /** The colour of a strategy id; unknown ids get a stable colour from their hash. */
    public static Color of(String strategy) {
        return StrategyKind.find(strategy)
                .map(k -> k == StrategyKind.SEQUENTIAL ? SEQUENTIAL : COLORS.get((k.ordinal() - 1) % COLORS.size()))
                .orElseGet(() -> COLORS.get(Math.floorMod(strategy.hashCode(), COLORS.size())));
    }

    /** How many distinct colours the palette has (a test holds it at least one per parallel model). */
    static int size() {
        return COLORS.size();
    }

    /** The i-th colour of a series that is not a strategy (foreign results). */
    public static Color nth(int i) {
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    /** The style number of a colour: 0 for sequential, 1.. for the palette, {@code fallback} for any other. */
    static int style(Color c, int fallback) {
        if (SEQUENTIAL.equals(c)) {
            return 0;
        }
        int i = COLORS.indexOf(c);
        return i >= 0 ? i + 1 : fallback;
    }

    /**
     * The marker of a style number: square, circle, triangle up, diamond, triangle down, cross, plus, star; with the
     * three dash patterns of {@link #stroke} no two of the first 24 styles look alike.
     */
    static Shape shape(int style) {
        double s = 4.5;
        return switch (Math.floorMod(style, 8)) {
            case 0 -> new Rectangle2D.Double(-s + 0.5, -s + 0.5, 2 * s - 1, 2 * s - 1);
            case 1 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 2 -> polygon(0, -s - 1, s + 1, s, -s - 1, s);
            case 3 -> polygon(0, -s - 1, s + 1, 0, 0, s + 1, -s - 1, 0);
            case 4 -> polygon(0, s + 1, s + 1, -s, -s - 1, -s);
            case 5 -> cross(s, true);
            case 6 -> cross(s, false);
            default -> star(s + 1.5);
        };
    }

    /** The line of a style number: solid, long dash or dash-dot; reference lines are dotted and thinner. */
    static Stroke stroke(int style, boolean reference) {
        if (reference) {
            return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
        }
        float[] dash = DASHES[Math.floorMod(style, DASHES.length)];
        return dash == null ? new BasicStroke(2.2f)
                : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static Shape cross(double s, boolean diagonal) {
        double w = 1.6;
        Path2D.Double p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-s, -w, 2 * s, 2 * w), false);
        p.append(new Rectangle2D.Double(-w, -s, 2 * w, 2 * s), false);
        if (diagonal) {
            p.transform(java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4));
        }
        return p;
    }

    private static Shape star(double r) {
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? r : r * 0.45;
            xy[2 * i] = rr * Math.cos(a);
            xy[2 * i + 1] = rr * Math.sin(a);
        }
        return polygon(xy);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
