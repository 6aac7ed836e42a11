package dev.parbench.report.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ids and file names derived from input: only {@code a-z 0-9 -}, at most {@value #MAX} characters. A value that is
 * already such a slug (lower-case words joined by single dashes) is kept; any other is reduced to that alphabet, cut to
 * {@value #BASE} characters and given {@code --} and 12 hex digits of its SHA-256. A kept value never holds
 * {@code --}, so a changed value never equals a kept one, and two changed values differ by their hash.
 */
public final class Slug {
    /** The longest slug. */
    public static final int MAX = 64;
    private static final int BASE = 40;
    /** The longest kept {@link #part}, and the length its reduced form is cut to. */
    private static final int PART = 30;
    private static final Pattern SAFE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slug() {
    }

    /** {@code s} as a safe id or file name (see the class). Null is treated as empty. */
    public static String of(String s) {
        String v = s == null ? "" : s;
        if (v.length() <= MAX && SAFE.matcher(v).matches()) {
            return v;
        }
        return base(v, BASE) + "--" + hash(v);
    }

    /**
     * A part of a longer id or file name (say {@code sum-simd} in {@code sum-simd-speedup}): a value already made of
     * lower-case words joined by single dashes, up to {@value #PART} characters, is kept; any other is reduced to
     * that alphabet, cut to {@value #PART} characters and given {@code -} and 12 hex digits of its SHA-256. At most
     * {@value #PART} + 13 characters, never with {@code --}, so a name built from it stays a slug as it is.
     */
    public static String part(String s) {
        String v = s == null ? "" : s;
        if (v.length() <= PART && SAFE.matcher(v).matches()) {
            return v;
        }
        return base(v, PART) + "-" + hash(v);
    }

    /** {@code v} in {@code a-z 0-9}, runs of anything else one dash, at most {@code max} characters, or "x". */
    private static String base(String v, int max) {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < v.length() && base.length() < max; i++) {
            char c = Character.toLowerCase(v.charAt(i));
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (ok) {
                base.append(c);
            } else if (!base.isEmpty() && base.charAt(base.length() - 1) != '-') {
                base.append('-');
            }
        }
        while (!base.isEmpty() && base.charAt(base.length() - 1) == '-') {
            base.setLength(base.length() - 1);
        }
        return base.isEmpty() ? "x" : base.toString().toLowerCase(Locale.ROOT);
    }

    private static String hash(String v) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_16BE));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
