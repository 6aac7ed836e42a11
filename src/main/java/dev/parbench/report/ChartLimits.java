package dev.parbench.report;

import java.util.Locale;

/**
 * How much one results file may make the report draw: charts per page, bars per chart, characters per label. A chart
 * or page that reaches a cap says so in a sentence ("showing the first N of M ..."); the tables keep every row.
 */
final class ChartLimits {
    /** Bars in one bar chart: it grows about 22 px per bar, so 100 bars stay a few thousand pixels tall. */
    static final int MAX_BARS = 100;
    /** Charts one section draws (e.g. one per benchmark of a foreign JMH project). */
    static final int MAX_CHARTS = 60;
    /** Characters of a bar label (a longer one keeps its start and end around an ellipsis). */
    static final int MAX_LABEL = 120;

    private ChartLimits() {
    }

    /** {@code label} cut to {@link #MAX_LABEL} characters: its start, an ellipsis, its end. Null stays null. */
    static String label(String label) {
        if (label == null || label.length() <= MAX_LABEL) {
            return label;
        }
        int head = MAX_LABEL / 2;
        int tail = MAX_LABEL - head - 1;
        int end = label.length() - tail;
        if (Character.isLowSurrogate(label.charAt(end))) {
            end++; // do not split a pair
        }
        int start = Character.isHighSurrogate(label.charAt(head - 1)) ? head - 1 : head;
        return label.substring(0, start) + "…" + label.substring(end);
    }

    /** "showing the first 100 of 20000 bars": the sentence a capped chart or page adds. */
    static String shown(int shown, int of, String what) {
        return String.format(Locale.ROOT, "showing the first %d of %d %s", shown, of, what);
    }
}
