package dev.parbench.report.text;

/**
 * XML 1.0 text and attribute values (SVG files, gate-junit.xml). Escapes {@code & < > " '}; a character XML 1.0 does
 * not allow even escaped (most C0 controls, U+FFFE, U+FFFF, a lone surrogate) and the C1 controls become U+FFFD, so
 * the output is always well-formed.
 */
public final class Xml {
    /** What replaces a character the format cannot carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private Xml() {
    }

    /** {@code s} as element text; tab and line feed stay, a CR becomes a line feed. Null is empty. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** {@code s} as a double- or single-quoted attribute value; tab, LF and CR are written as character references. */
    public static String attr(String s) {
        return escape(s, true);
    }

    /**
     * A whole XML document with only the characters XML 1.0 allows, less CR and the C1 controls: every other one
     * becomes U+FFFD. For output of a library that escapes markup but not control characters (JFreeSVG's text).
     */
    public static String clean(String document) {
        StringBuilder b = null;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            boolean ok = allowed(document, i); // a CR too: it can only come from a value
            if (!ok && b == null) {
                b = new StringBuilder(document.length()).append(document, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : REPLACEMENT);
            }
        }
        return b == null ? document : b.toString();
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append(attribute ? "&#13;" : "\n");
                default -> b.append(allowed(s, i) ? c : REPLACEMENT);
            }
        }
        return b.toString();
    }

    /**
     * Whether the char at {@code i} may appear in XML 1.0 output (a surrogate only as half of a pair); C1 controls
     * and DEL are refused too, though XML allows them: no reader wants them.
     */
    static boolean allowed(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c == '\t' || c == '\n') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }
}
