package dev.parbench.workload;

/**
 * What a workload costs the memory: the bytes its kernel must move per element (STREAM counting, no write-allocate),
 * of which {@code outputBytesPerElement} are the output it writes, and the bandwidth probe that is its ceiling.
 * Compute-bound work moves nothing worth counting: {@link #COMPUTE_BOUND}.
 */
public record Traffic(int bytesPerElement, Ceiling ceiling, int outputBytesPerElement) {
    public static final Traffic COMPUTE_BOUND = new Traffic(0, Ceiling.NONE);

    public Traffic {
        if (bytesPerElement < 0 || (bytesPerElement == 0) != (ceiling == Ceiling.NONE)) {
            throw new IllegalArgumentException("memory-bound work needs bytes and a ceiling; compute-bound neither");
        }
        if (outputBytesPerElement < 0 || outputBytesPerElement > bytesPerElement) {
            throw new IllegalArgumentException("output bytes must be part of the bytes moved");
        }
    }

    /** Work that writes no output array. */
    public Traffic(int bytesPerElement, Ceiling ceiling) {
        this(bytesPerElement, ceiling, 0);
    }

    /** True when the kernel's speed is the memory's (its GB/s is worth reporting against the probe). */
    public boolean memoryBound() {
        return bytesPerElement > 0;
    }
}
