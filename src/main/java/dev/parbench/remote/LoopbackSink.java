package dev.parbench.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The raw loopback-throughput probe's two ends: a sink thread that reads {@code bytesPerRound} bytes and answers
 * with one byte, and a client that sends them from a direct buffer. Same socket options as the socket models
 * (TCP_NODELAY, 4 MiB buffers), no framing, no decoding: the ceiling a socket model's transfer can approach.
 *
 * <p>Memory to memory, as a model's transfer is: the bytes are sent from a buffer as large as the round and land in
 * another as large ({@link Spans}), so each round reads its bytes from memory and writes them to memory. Sending one
 * 1 MiB buffer again and again into another would move bytes between caches: 25-40% faster on the reference VM than
 * any transfer of a 256 MiB array can be, and a ceiling no model could reach.
 */
public final class LoopbackSink implements AutoCloseable {
    private final SocketChannel client;
    private final SocketChannel accepted;
    private final Thread sink;
    private final ByteBuffer out;
    private final ByteBuffer ack = ByteBuffer.allocateDirect(1);
    private final long bytesPerRound;

    public LoopbackSink(long bytesPerRound) throws IOException {
        this.bytesPerRound = bytesPerRound;
        out = Spans.filled(bytesPerRound);
        ByteBuffer in = Spans.allocate(bytesPerRound);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, Worker.SOCKET_BUFFER_BYTES);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            client = SocketChannel.open(server.getLocalAddress());
            try {
                Worker.tune(client);
                accepted = acceptOwn(server, client, AuthDeadline.get());
            } catch (IOException | RuntimeException e) {
                client.close();
                throw e;
            }
        } // the listener is closed as soon as our own client is in: nobody else can connect
        sink = Thread.ofPlatform().daemon(true).name("parbench-loopback-sink").start(() -> drain(in));
    }

    /**
     * Accepts connections on {@code server} until the one from {@code client} (its remote address is the client's
     * own local address: no other socket can have it while the client is open); any other connection is closed at
     * once. Fails after {@code deadline} (our client's connection is already queued, so this returns at once unless
     * the queue is flooded).
     */
    static SocketChannel acceptOwn(ServerSocketChannel server, SocketChannel client, Duration deadline)
            throws IOException {
        java.net.SocketAddress own = client.getLocalAddress();
        server.configureBlocking(false);
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() - end < 0) {
            SocketChannel c = server.accept();
            if (c == null) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("loopback probe: interrupted while accepting its own connection");
                }
                continue;
            }
            if (own.equals(c.getRemoteAddress())) {
                c.configureBlocking(true);
                return c;
            }
            c.close(); // another local process: dropped before a byte is read
        }
        throw new IOException("loopback probe: its own connection was not accepted within " + deadline.toMillis()
                + " ms");
    }

    private void drain(ByteBuffer in) {
        try (SocketChannel c = accepted) {
            Worker.tune(c);
            ByteBuffer one = ByteBuffer.allocateDirect(1);
            while (true) {
                long left = bytesPerRound;
                while (left > 0) {
                    int n = c.read(Spans.next(in, bytesPerRound - left, left));
                    if (n < 0) {
                        return;
                    }
                    left -= n;
                }
                one.clear();
                one.put((byte) 1).flip();
                c.write(one);
            }
        } catch (IOException e) {
            // closed: the probe is over
        }
    }

    /** Sends one round of bytes and waits for the sink's acknowledgement; returns the bytes sent. */
    public long round() throws IOException {
        long left = bytesPerRound;
        while (left > 0) {
            left -= client.write(Spans.next(out, bytesPerRound - left, left));
        }
        ack.clear();
        while (ack.hasRemaining()) {
            if (client.read(ack) < 0) {
                throw new IOException("loopback sink closed");
            }
        }
        return bytesPerRound;
    }

    @Override
    public void close() throws IOException {
        client.close();
        accepted.close();
        try {
            sink.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
