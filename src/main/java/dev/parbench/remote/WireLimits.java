package dev.parbench.remote;

/**
 * The largest frame a peer accepts, checked before anything is allocated. Default 1 GiB (a 2^25-element vector-add
 * slice for one worker is 512 MiB); set {@code -Dparbench.wire.maxFrameBytes=N} to change it.
 *
 * <p>Before a peer has authenticated, a worker reads with {@link #preAuth()} instead: just enough for an AUTH frame,
 * so an unauthenticated peer cannot make it allocate more than a few hundred bytes. Before its READY, a master
 * reads a worker with {@link #handshake()}: the worker's handshake frames (CHALLENGE, READY, a short ERROR) and
 * nothing bigger.
 */
public record WireLimits(long maxFrameBytes) {
    public static final long DEFAULT_MAX_FRAME_BYTES = 1L << 30;
    /** The smallest limit there can be. */
    public static final long MIN_MAX_FRAME_BYTES = 64;
    /** An AUTH frame's largest payload: a 2-byte length and a MAC of at most {@value FrameCodec#MAX_TOKEN_BYTES}. */
    public static final long PRE_AUTH_MAX_FRAME_BYTES = 2 + FrameCodec.MAX_TOKEN_BYTES;

    /** The largest handshake frame (CHALLENGE, READY, a short ERROR), either way: a master reads no more pre-READY. */
    public static final long HANDSHAKE_MAX_FRAME_BYTES = 1024;

    public WireLimits {
        if (maxFrameBytes < MIN_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes must be at least " + MIN_MAX_FRAME_BYTES + ", got "
                    + maxFrameBytes);
        }
    }

    public static WireLimits fromSystemProperties() {
        return new WireLimits(Long.getLong("parbench.wire.maxFrameBytes", DEFAULT_MAX_FRAME_BYTES));
    }

    /** What a worker reads from a peer that has not authenticated yet: one AUTH frame, nothing bigger. */
    public static WireLimits preAuth() {
        return new WireLimits(PRE_AUTH_MAX_FRAME_BYTES);
    }

    /** What either side of a worker connection writes, and a master reads, before READY. */
    public static WireLimits handshake() {
        return new WireLimits(HANDSHAKE_MAX_FRAME_BYTES);
    }
}
