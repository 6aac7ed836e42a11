package dev.parbench.remote;

/**
 * The largest frame a peer accepts, checked before anything is allocated. Default 1 GiB (a 2^25-element vector-add
 * slice for one worker is 512 MiB); set {@code -Dparbench.wire.maxFrameBytes=N} to change it.
 */
public record WireLimits(long maxFrameBytes) {
    public static final long DEFAULT_MAX_FRAME_BYTES = 1L << 30;

    public WireLimits {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 64, got " + maxFrameBytes);
        }
    }

    public static WireLimits fromSystemProperties() {
        return new WireLimits(Long.getLong("parbench.wire.maxFrameBytes", DEFAULT_MAX_FRAME_BYTES));
    }
}
