package dev.parbench.coordination;

import java.util.concurrent.ThreadFactory;

/**
 * The kind of thread a pattern's workers run on: the {@code threads} dimension of every coordination benchmark.
 *
 * <p>{@code platform}: one OS thread each, time-sliced by the OS; made daemons so that a stuck trial cannot keep a
 * JMH fork alive. {@code virtual}: scheduled by the JVM on a small pool of carrier threads (as many as cores); a
 * virtual thread that blocks in {@code java.util.concurrent} unmounts and frees its carrier, one that spins does
 * not, and virtual threads are not time-sliced.
 */
public enum ThreadKind implements Identified {
    PLATFORM("platform"),
    VIRTUAL("virtual");

    private final String id;

    ThreadKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** A builder for one thread of this kind called {@code name}. */
    public Thread.Builder builder(String name) {
        return this == PLATFORM ? Thread.ofPlatform().daemon(true).name(name) : Thread.ofVirtual().name(name);
    }

    /** A factory for threads of this kind named {@code prefix0}, {@code prefix1}, ...; safe to call from any thread. */
    public ThreadFactory factory(String prefix) {
        return (this == PLATFORM ? Thread.ofPlatform().daemon(true).name(prefix, 0)
                : Thread.ofVirtual().name(prefix, 0)).factory();
    }

    /** Starts {@code task} on a new thread of this kind. */
    public Thread start(String name, Runnable task) {
        return builder(name).start(task);
    }

    public static ThreadKind fromId(String id) {
        return Identified.parse(ThreadKind.class, id, "thread kind");
    }

    public static String ids() {
        return Identified.ids(ThreadKind.class);
    }

    @Override
    public String toString() {
        return id;
    }
}
