package dev.parbench.coordination.counter;

/** One counter that many threads increment at once. Each implementation is one way of making that safe (or not). */
public interface SharedCounter {
    /** Adds one. */
    void increment();

    /** The current count as this variant lets a reader see it. */
    long get();
}
