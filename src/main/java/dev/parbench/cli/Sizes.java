package dev.parbench.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses size and count lists the way people type them: {@code 1024}, {@code 32k}, {@code 16M}, {@code 2^25}. */
public final class Sizes {
    /** The largest size a workload accepts (arrays are int-indexed; the benchmarks go to 2^25). */
    public static final long MAX = 1L << 30;

    private Sizes() {
    }

    public static int parse(String text, String what) {
        String s = text.trim();
        long value;
        try {
            if (s.matches("2\\^\\d+")) {
                int exp = Integer.parseInt(s.substring(2));
                value = exp > 62 ? Long.MAX_VALUE : 1L << exp;
            } else if (s.matches("-?\\d+[kKmMgG]?")) {
                char last = s.charAt(s.length() - 1);
                long mult = switch (Character.toLowerCase(last)) {
                    case 'k' -> 1L << 10;
                    case 'm' -> 1L << 20;
                    case 'g' -> 1L << 30;
                    default -> 1;
                };
                String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
                value = Math.multiplyExact(Long.parseLong(digits), mult);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(what + " '" + text + "' is not a number (use e.g. 1024, 32k, 16M or 2^25)");
        }
        if (value < 1) {
            throw new UsageException(what + " must be at least 1, got " + text);
        }
        if (value > MAX) {
            throw new UsageException(what + " " + text + " is larger than the maximum 2^30");
        }
        return (int) value;
    }

    public static List<Integer> parseList(List<String> items, String what) {
        List<Integer> out = new ArrayList<>();
        for (String item : items) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part, what));
                }
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(what + " list is empty");
        }
        return out;
    }
}
