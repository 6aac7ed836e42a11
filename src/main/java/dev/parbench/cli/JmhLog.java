package dev.parbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where JMH's console output goes during a run: all of it into {@code jmh.log} in the run's folder, and either all of
 * it to the console too ({@code --verbose}, with the incubator warning once) or, by default, only its warnings, each
 * distinct one once, to {@code warnings} as one line. The log holds the details; the console names it.
 */
final class JmhLog extends OutputStream {
    /** The name of the log in the run's folder. */
    static final String FILE = "jmh.log";
    /** Longest warning shown on the console (the log has it whole). */
    static final int MAX_WARNING = 160;

    private final OutputStream log;
    private final OutputStream console;
    private final Consumer<String> warnings;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Set<String> seen = new HashSet<>();

    /**
     * @param log the open jmh.log (closed with this stream)
     * @param console the console for --verbose, or null for the quiet default
     * @param warnings what receives each distinct warning line once (quiet default only)
     */
    JmhLog(OutputStream log, OutputStream console, Consumer<String> warnings) {
        this.log = log;
        this.console = console == null ? null : new OncePerRun(console);
        this.warnings = warnings;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        if (console != null) {
            console.write(b);
            return;
        }
        if (b == '\n') {
            lineDone();
        } else if (line.size() < 4 * MAX_WARNING) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
        if (console != null) {
            console.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            lineDone();
        }
        flush();
        log.close(); // the console is not ours to close
    }

    private void lineDone() {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (isWarning(text) && seen.add(text)) {
            // "~", not an ellipsis: a console without a UTF-8 locale prints "?" for one
            warnings.accept(text.length() <= MAX_WARNING ? text : text.substring(0, MAX_WARNING - 1) + "~");
        }
    }

    /**
     * A line of JMH's or a fork's output that a person should see: a warning of JMH, of the JVM or of a benchmark.
     * The incubator-module warning that every SIMD fork prints is expected and not one of them.
     */
    static boolean isWarning(String line) {
        String s = line.startsWith("# ") ? line.substring(2) : line;
        if (s.startsWith("WARNING: Using incubator modules")) {
            return false;
        }
        return s.startsWith("WARNING") || s.contains("VM warning:");
    }
}
