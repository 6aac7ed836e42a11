package dev.parbench.remote;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The master's end of one worker connection (pipe pair or socket). A dedicated reader thread drains every reply and
 * completes the request waiting for it; if the worker dies or the connection breaks, every waiting request fails at
 * once with the worker's name (pid or address) — no operation waits for a worker that is gone.
 *
 * <p>Requests are written by the link's own sender thread (so several workers receive their slices at the same
 * time); the caller's input arrays must not change until the reply has come.
 *
 * <p>Memory consistency: submitting to the sender happens-before the write (executor guarantee). A reply is decoded on the reader thread and handed over through
 * {@link CompletableFuture#complete}; completion happens-before {@code get} returns, so the caller sees the whole
 * decoded frame (partial result and output arrays).
 */
final class WorkerLink implements AutoCloseable {
    private final String name;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final Closeable resource;
    private final byte[] token;
    private final FrameCodec writer;
    private final Object writeLock = new Object();
    private final Map<Long, CompletableFuture<Frame.Result>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread reader;
    /** Writes happen on the link's own thread, so the master feeds all workers at once, not one after another. */
    private final java.util.concurrent.ExecutorService sender;
    private volatile IOException failure;
    private volatile boolean closing;
    /** Called to describe a worker's death (e.g. its exit code), once the connection broke. */
    private final java.util.function.Supplier<String> deathCause;

    WorkerLink(String name, ReadableByteChannel in, WritableByteChannel out, Closeable resource, byte[] token,
            WireLimits limits, java.util.function.Supplier<String> deathCause) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.token = token;
        this.writer = new FrameCodec(limits);
        this.deathCause = deathCause;
        this.sender = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon(true).name("parbench-send-" + name).unstarted(r));
        FrameCodec readCodec = new FrameCodec(limits);
        this.reader = Thread.ofPlatform().daemon(true).name("parbench-link-" + name).start(() -> readLoop(readCodec));
    }

    String name() {
        return name;
    }

    /** Waits for the worker's READY (after the token handshake, if it asks for one). */
    void awaitReady(Duration timeout) throws IOException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(name + " did not become ready within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name);
        }
    }

    /** Sends a request; the future completes with its RESULT, or fails with an error naming this worker. */
    CompletableFuture<Frame.Result> send(long requestId, Frame request) {
        CompletableFuture<Frame.Result> f = new CompletableFuture<>();
        IOException dead = failure;
        if (dead != null) {
            f.completeExceptionally(dead);
            return f;
        }
        pending.put(requestId, f);
        try {
            sender.execute(() -> {
                try {
                    synchronized (writeLock) {
                        writer.write(request, out);
                    }
                } catch (IOException e) {
                    fail(new IOException(name + ": sending failed (" + e.getMessage() + ")" + cause()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fail(new IOException(name + ": link closed"));
        }
        return f;
    }

    private void readLoop(FrameCodec codec) {
        try {
            while (true) {
                Frame f = codec.read(in);
                if (f == null) {
                    fail(new IOException(name + " closed the connection" + cause()));
                    return;
                }
                switch (f) {
                    case Frame.Ready r -> ready.complete(null);
                    case Frame.Challenge c -> {
                        if (token == null) {
                            fail(new IOException(name + " requires a token (-Dparbench.tokenFile=FILE)"));
                            return;
                        }
                        synchronized (writeLock) {
                            writer.write(new Frame.Auth(Tokens.mac(token, c.nonce())), out);
                        }
                    }
                    case Frame.Result r -> {
                        CompletableFuture<Frame.Result> p = pending.remove(r.requestId());
                        if (p != null) {
                            p.complete(r);
                        }
                    }
                    case Frame.Error e -> {
                        IOException ex = new IOException(name + ": " + e.message());
                        CompletableFuture<Frame.Result> p = pending.remove(e.requestId());
                        if (p != null) {
                            p.completeExceptionally(ex);
                        } else {
                            fail(ex); // not about one request: the worker is closing the connection
                            return;
                        }
                    }
                    default -> {
                        fail(new IOException(name + " sent an unexpected " + f.type() + " frame"));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            fail(new IOException(name + ": " + e.getMessage() + cause()));
        }
    }

    private String cause() {
        if (closing) {
            return "";
        }
        String c = deathCause.get();
        return c == null || c.isEmpty() ? "" : " (" + c + ")";
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        ready.completeExceptionally(e);
        for (CompletableFuture<Frame.Result> p : pending.values()) {
            p.completeExceptionally(e);
        }
        pending.clear();
    }

    boolean alive() {
        return failure == null;
    }

    /** Says goodbye (best effort), closes the connection and waits briefly for the reader thread. */
    @Override
    public void close() {
        closing = true;
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure == null) {
            try {
                synchronized (writeLock) {
                    writer.write(new Frame.Bye(), out);
                }
            } catch (IOException ignored) {
                // the worker is gone already
            }
        }
        fail(new IOException(name + ": link closed"));
        try {
            resource.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
