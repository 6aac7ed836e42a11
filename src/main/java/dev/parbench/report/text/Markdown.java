package dev.parbench.report.text;

/**
 * Markdown (CommonMark with GitHub's tables) values: summary.md, gate.md, history.md. A value stays on its line and
 * in its cell: line breaks become spaces, {@code |} and the characters that start emphasis, links, images, code or
 * headings are backslash-escaped, {@code < > &} become entities (GitHub renders raw HTML), control characters U+FFFD.
 */
public final class Markdown {
    private static final String SPECIAL = "\\`*_[]#!|~";

    private Markdown() {
    }

    /** {@code s} as inline text (a line, a heading or a table cell). Null is empty. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else {
                b.append(oneLine(s, i));
            }
        }
        return b.toString();
    }

    /**
     * {@code s} as a code span in a table cell: fenced by one more backtick than its longest run of backticks (so it
     * cannot close early), {@code |} escaped (GitHub splits cells before it reads code spans), on one line.
     */
    public static String cellCode(String s) {
        return code(s, true);
    }

    /** {@code s} as a code span in running text or a list item: as {@link #cellCode}, {@code |} left as it is. */
    public static String code(String s) {
        return code(s, false);
    }

    private static String code(String s, boolean cell) {
        StringBuilder body = new StringBuilder();
        int run = 0;
        int longest = 0;
        String v = s == null ? "" : s;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
            body.append(cell && c == '|' ? "\\|" : String.valueOf(oneLine(v, i)));
        }
        String fence = "`".repeat(longest + 1);
        return fence + " " + body + " " + fence;
    }

    /** The char at {@code i} for a one-line value: a line break or tab is a space, a control character U+FFFD. */
    private static char oneLine(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085'
                || c == '\u000B' || c == '\u000C') {
            return ' ';
        }
        return Xml.allowed(s, i) ? c : Xml.REPLACEMENT;
    }
}
