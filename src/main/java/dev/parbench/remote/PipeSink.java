package dev.parbench.remote;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The raw pipe-throughput probe's two ends: a child JVM (started like a worker, its stdin and stdout on the same
 * {@link Pipes} as the process models' workers) that reads {@code bytesPerRound} bytes from stdin and answers with
 * one byte on stdout, and this side, which sends them from a direct buffer. No framing, no decoding: the ceiling a
 * process model's transfer can approach, as {@link LoopbackSink} is for the socket models. Memory to memory like it:
 * sent from a buffer as large as the round, landing in another as large ({@link Spans}).
 *
 * <p>{@link #close()} closes the pipes (the child sees end of stream and exits) and waits for the child, killing it
 * after a grace period; the worker reaper kills it if this JVM exits first.
 */
public final class PipeSink implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Pipes.Piped child;
    private final ByteBuffer out;
    private final ByteBuffer ack = ByteBuffer.allocateDirect(1);
    private final long bytesPerRound;

    public PipeSink(long bytesPerRound) throws IOException {
        if (bytesPerRound < 1) {
            throw new IllegalArgumentException("bytes per round must be positive, got " + bytesPerRound);
        }
        this.bytesPerRound = bytesPerRound;
        out = Spans.filled(bytesPerRound);
        child = WorkerProcesses.startPipedMain(PipeSink.class.getName(), List.of(Long.toString(bytesPerRound)));
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture.runAsync(() -> {
            if (!started.get()) {
                WorkerProcesses.kill(child.process()); // bounded: a child that never answers ends the wait
            }
        }, CompletableFuture.delayedExecutor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        try {
            awaitAck(); // the child is up and reading: a JVM start is not part of any round
            started.set(true);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Whether the pipes are named pipes through direct buffers (else the process streams). */
    public boolean named() {
        return child.named();
    }

    /** Sends one round of bytes and waits for the sink's acknowledgement; returns the bytes sent. */
    public long round() throws IOException {
        long left = bytesPerRound;
        while (left > 0) {
            left -= child.out().write(Spans.next(out, bytesPerRound - left, left));
        }
        awaitAck();
        return bytesPerRound;
    }

    private void awaitAck() throws IOException {
        ack.clear();
        while (ack.hasRemaining()) {
            if (child.in().read(ack) < 0) {
                throw new IOException("pipe sink pid " + child.process().pid() + " closed the pipe ("
                        + WorkerProcesses.describe(child.process()) + ")");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            child.closeChannels();
        } finally {
            WorkerProcesses.stop(child.process(), Duration.ofSeconds(2));
        }
    }

    /** The child: one ready byte, then per round {@code bytesPerRound} bytes in, one byte out; ends at end of stream. */
    public static void main(String[] args) throws IOException {
        long perRound = Long.parseLong(args[0]);
        FileChannel in = new FileInputStream(FileDescriptor.in).getChannel();
        FileChannel out = new FileOutputStream(FileDescriptor.out).getChannel();
        ByteBuffer buf = Spans.allocate(perRound);
        ByteBuffer one = ByteBuffer.allocateDirect(1);
        while (true) {
            one.clear();
            one.put((byte) 1).flip();
            while (one.hasRemaining()) {
                out.write(one);
            }
            long left = perRound;
            while (left > 0) {
                int n = in.read(Spans.next(buf, perRound - left, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        }
    }
}
