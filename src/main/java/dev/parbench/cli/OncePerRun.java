package dev.parbench.cli;

/**
 * The forks' console output, with the incubator-module warning that every fork prints shown once per run. Lines
 * pass through as they come; only a line that may still become that warning is held until it is decided.
 */
final class OncePerRun extends java.io.OutputStream {
    static final byte[] INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final java.io.OutputStream out;
    private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
    private boolean holding = true; // at the start of a line
    private boolean seen;

    OncePerRun(java.io.OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
        if (!holding) {
            out.write(b);
            holding = b == '\n';
            return;
        }
        int i = held.size();
        if (b == '\n') {
            boolean warning = i >= INCUBATOR.length; // held bytes always match the warning (and maybe a \r)
            if (!warning || !seen) {
                held.writeTo(out);
                out.write(b);
            }
            seen |= warning;
            held.reset();
            return;
        }
        if (i < INCUBATOR.length && INCUBATOR[i] == b || i == INCUBATOR.length && b == '\r') {
            held.write(b);
            return;
        }
        held.writeTo(out);
        held.reset();
        out.write(b);
        holding = false;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
        out.flush();
    }
}
