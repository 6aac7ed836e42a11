package dev.parbench.workload;

/**
 * What a workload costs the memory: the bytes its kernel must move per element (STREAM counting, no write-allocate)
 * and the bandwidth probe that is its ceiling. Compute-bound work moves nothing worth counting:
 * {@link #COMPUTE_BOUND}.
 */
public record Traffic(int bytesPerElement, Ceiling ceiling) {
    public static final Traffic COMPUTE_BOUND = new Traffic(0, Ceiling.NONE);

    public Traffic {
        if (bytesPerElement < 0 || (bytesPerElement == 0) != (ceiling == Ceiling.NONE)) {
            throw new IllegalArgumentException("memory-bound work needs bytes and a ceiling; compute-bound neither");
        }
    }

    /** True when the kernel's speed is the memory's (its GB/s is worth reporting against the probe). */
    public boolean memoryBound() {
        return bytesPerElement > 0;
    }
}
