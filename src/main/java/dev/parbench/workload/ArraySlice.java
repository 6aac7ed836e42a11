package dev.parbench.workload;

/**
 * Elements {@code [offset, offset + length)} of a {@code long[]} or {@code double[]}: what travels when a task's
 * input or output crosses a process boundary. The array is not copied.
 */
public record ArraySlice(Object array, int offset, int length) {

    public ArraySlice {
        int n = switch (array) {
            case long[] a -> a.length;
            case double[] a -> a.length;
            default -> throw new IllegalArgumentException("only long[] and double[] travel, not "
                    + array.getClass().getSimpleName());
        };
        if (offset < 0 || length < 0 || offset + (long) length > n) {
            throw new IllegalArgumentException("slice [" + offset + ", " + (offset + (long) length)
                    + ") outside an array of " + n);
        }
    }

    /** The whole array. */
    public static ArraySlice whole(Object array) {
        return new ArraySlice(array, 0, array instanceof long[] a ? a.length : ((double[]) array).length);
    }
}
