package dev.parbench.strategy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What the starter of a child JVM (a worker of the out-of-process models, a Hazelcast member) does with the child's
 * stderr and how it names the child's fate in an error. Shared by {@code remote} and {@code engine}, which must not
 * depend on each other.
 */
public final class ChildStreams {
    /** The one line every child JVM prints at start (it needs the incubating Vector API): not worth repeating. */
    private static final String NOISE = "WARNING: Using incubator modules";

    private ChildStreams() {
    }

    /** Forwards a stream line by line to stderr on a daemon thread, so the pipe never fills. */
    public static void drain(InputStream stream, String prefix, String threadName) {
        Thread.ofPlatform().daemon(true).name(threadName).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith(NOISE)) {
                        System.err.println(prefix + line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
    }

    /** What became of a child: "pid N exited with code X (killed)" or "pid N still running". */
    public static String describe(Process p) {
        try {
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                int code = p.exitValue();
                return "pid " + p.pid() + " exited with code " + code + (code == 137 || code == 9 ? " (killed)" : "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "pid " + p.pid() + " still running";
    }
}
