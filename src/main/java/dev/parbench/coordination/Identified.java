package dev.parbench.coordination;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant with a lowercase-hyphen id ({@code reentrant-lock-fair}): the JMH {@code @Param} value, the CLI
 * id and the chart legend. {@link #parse} is the one {@code fromId} every such enum uses.
 */
public interface Identified {
    String id();

    /** The constant of {@code type} whose id is {@code id}; otherwise IllegalArgumentException listing the ids. */
    static <E extends Enum<E> & Identified> E parse(Class<E> type, String id, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'; known: " + ids(type));
    }

    /** The ids of {@code type}, comma-separated, in declaration order. */
    static <E extends Enum<E> & Identified> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Identified::id).collect(Collectors.joining(", "));
    }
}
