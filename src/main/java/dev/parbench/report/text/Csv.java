package dev.parbench.report.text;

import java.util.regex.Pattern;

/**
 * CSV cells (summary.csv, timeline.csv) as RFC 4180 says: a cell holding a comma, quote, CR or LF is quoted, its
 * quotes doubled. A cell a spreadsheet would read as a formula (starting with {@code = + - @}, tab or CR) and that is
 * not a plain number gets a leading single quote, as OWASP advises against CSV injection.
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /** One cell. Null is empty. */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = s;
        char first = v.charAt(0);
        if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        StringBuilder b = new StringBuilder(v.length() + 2);
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            quote |= c == ',' || c == '"' || c == '\r' || c == '\n';
            if (c == '"') {
                b.append('"');
            }
            b.append(c == '\r' || c == '\n' || c == '\t' || Xml.allowed(v, i) ? c : Xml.REPLACEMENT);
        }
        return quote ? "\"" + b + "\"" : b.toString();
    }

    /** One row: its cells, each through {@link #cell}, joined by commas (no line end). */
    public static String row(java.util.List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return b.toString();
    }
}
