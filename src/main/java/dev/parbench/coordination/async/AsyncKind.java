package dev.parbench.coordination.async;

import dev.parbench.coordination.Identified;
import dev.parbench.coordination.ThreadKind;

/**
 * The fan-out variants: the {@code variant} parameter of AsyncBench. There is no {@code structured} variant:
 * {@code java.util.concurrent.StructuredTaskScope} is a preview API in JDK 21 to 25 (JEP 453, 462, 480, 499, 505),
 * usable only with {@code --enable-preview} and a class file compiled for exactly that JDK, and this project
 * compiles for release 21 without preview.
 */
public enum AsyncKind implements Identified {
    FIXED_POOL("fixed-pool"),
    VIRTUAL_PER_REQUEST("virtual-per-request"),
    COMPLETABLE_FUTURE("completable-future");

    private final String id;

    AsyncKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** A fan-out of this kind on threads of kind {@code threads}; {@code poolSize} applies to the pooled kinds. */
    public FanOut create(ThreadKind threads, int poolSize) {
        return switch (this) {
            case FIXED_POOL -> new FixedPoolFanOut(threads, poolSize);
            case VIRTUAL_PER_REQUEST -> new ThreadPerRequestFanOut(threads);
            case COMPLETABLE_FUTURE -> new CompletableFutureFanOut(threads, poolSize);
        };
    }

    /** False for the kind that ignores {@code poolSize}. */
    public boolean pooled() {
        return this != VIRTUAL_PER_REQUEST;
    }

    public static AsyncKind fromId(String id) {
        return Identified.parse(AsyncKind.class, id, "async variant");
    }

    @Override
    public String toString() {
        return id;
    }
}
