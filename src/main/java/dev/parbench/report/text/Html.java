package dev.parbench.report.text;

/**
 * HTML text and attribute values (index.html, gate.html and the SVG inlined in them). The same rules as {@link Xml}:
 * markup characters become entities, control characters U+FFFD, so a value can neither close its element or
 * attribute nor smuggle a control character into the page. Attribute values must be quoted.
 */
public final class Html {
    private Html() {
    }

    /** {@code s} as element text. Null is empty. */
    public static String text(String s) {
        return Xml.text(s);
    }

    /** {@code s} inside a quoted attribute value (including an {@code href} or {@code id}). Null is empty. */
    public static String attr(String s) {
        return Xml.attr(s);
    }
}
