package dev.parbench.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;

/** Test support: asserts that none of the threads a pattern started is still alive. */
public final class Leaks {
    private Leaks() {
    }

    public static void assertAllEnded(Collection<Thread> threads, String what) {
        List<String> alive = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        assertEquals(List.of(), alive, what + " left threads running after close()");
    }
}
