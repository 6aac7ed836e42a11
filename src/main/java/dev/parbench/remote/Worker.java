package dev.parbench.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import dev.parbench.workload.WireForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker side: serves one connection (stdin/stdout, or one accepted socket) frame by frame. It computes
 * {@link Frame.Run} and {@link Frame.RunStored} requests, keeps the latest {@link Frame.Store}d dataset, and ends
 * on {@link Frame.Bye} or end of stream. A frame that breaks the protocol ends the connection after an error frame.
 */
public final class Worker {
    /** Socket buffers sized for bulk transfer. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final WireLimits limits;
    private final byte[] token;
    private final PrintStream log;

    /** {@code token} null: no authentication (stdio, or loopback sockets). */
    public Worker(WireLimits limits, byte[] token, PrintStream log) {
        this.limits = limits;
        this.token = token;
        this.log = log;
    }

    /** Serves one connection until BYE, end of stream or a protocol error. */
    public void serve(ReadableByteChannel in, WritableByteChannel out, String peer) throws IOException {
        FrameCodec reader = new FrameCodec(limits, true);
        FrameCodec writer = new FrameCodec(limits);
        List<Object> output = List.of(); // the last RUN reply's output arrays, reused by the next RUN
        if (!authenticate(reader, writer, in, out, peer)) {
            return;
        }
        Map<Long, Stored> datasets = new HashMap<>();
        while (true) {
            Frame f;
            try {
                f = reader.read(in);
            } catch (WireException e) {
                log.println("parbench worker: bad frame from " + peer + ": " + e.getMessage() + "; closing");
                writer.write(new Frame.Error(0, "bad frame: " + e.getMessage()), out);
                return;
            }
            if (f == null || f instanceof Frame.Bye) {
                return;
            }
            Frame reply;
            try {
                final List<Object> reuse = output;
                reply = switch (f) {
                    case Frame.Run r -> r.task().compute(r.requestId(), r.task().localInput(r.data(), reuse));
                    case Frame.Store s -> {
                        datasets.clear(); // one dataset at a time: memory stays bounded
                        datasets.put(s.datasetId(), new Stored(s.task(), s.task().localInput(s.data(), List.of())));
                        yield new Frame.Result(s.requestId(), 0, Frame.Data.NONE);
                    }
                    case Frame.RunStored r -> {
                        Stored d = datasets.get(r.datasetId());
                        yield d == null ? new Frame.Error(r.requestId(), "no dataset " + r.datasetId() + " stored")
                                : d.task().compute(r.requestId(), d.local());
                    }
                    default -> null;
                };
            } catch (RuntimeException e) {
                reply = new Frame.Error(requestId(f), "worker failed: " + e);
            }
            if (reply == null) {
                writer.write(new Frame.Error(0, "unexpected " + f.type() + " frame from a client"), out);
                return;
            }
            writer.write(reply, out);
            if (f instanceof Frame.Run && reply instanceof Frame.Result res) {
                output = res.data().arrays(); // sent: free to reuse for the next request
            }
        }
    }

    /** A stored dataset: its task and the local input built from it. */
    private record Stored(RemoteTask task, WireForm.Local<Object> local) {
    }

    private static long requestId(Frame f) {
        return switch (f) {
            case Frame.Run r -> r.requestId();
            case Frame.Store s -> s.requestId();
            case Frame.RunStored r -> r.requestId();
            default -> 0;
        };
    }

    private boolean authenticate(FrameCodec reader, FrameCodec writer, ReadableByteChannel in,
            WritableByteChannel out, String peer) throws IOException {
        if (token == null) {
            writer.write(new Frame.Ready(), out);
            return true;
        }
        byte[] nonce = Tokens.nonce();
        writer.write(new Frame.Challenge(nonce), out);
        Frame f;
        try {
            f = reader.read(in);
        } catch (WireException e) {
            f = null;
        }
        if (f instanceof Frame.Auth a && Tokens.verify(token, nonce, a.mac())) {
            writer.write(new Frame.Ready(), out);
            return true;
        }
        log.println("parbench worker: " + peer + " failed authentication; connection closed");
        writer.write(new Frame.Error(0, "authentication failed"), out);
        return false;
    }

    /**
     * Listens on {@code address} and serves each accepted connection on its own thread, forever. Prints
     * {@code parbench worker listening on HOST:PORT} on {@code announce} once bound (port 0 picks a free port).
     */
    public void listen(InetSocketAddress address, PrintStream announce) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            server.bind(address);
            InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
            announce.println("parbench worker listening on " + bound.getHostString() + ":" + bound.getPort());
            announce.flush();
            while (true) {
                SocketChannel c = server.accept();
                Thread.ofPlatform().daemon(true).name("parbench-worker-conn").start(() -> {
                    String peer = "?";
                    try (c) {
                        peer = String.valueOf(c.getRemoteAddress());
                        tune(c);
                        serve(c, c, peer);
                    } catch (IOException e) {
                        log.println("parbench worker: connection " + peer + " ended: " + e.getMessage());
                    }
                });
            }
        }
    }

    static void tune(SocketChannel c) throws IOException {
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
    }
}
