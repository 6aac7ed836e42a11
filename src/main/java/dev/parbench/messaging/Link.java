package dev.parbench.messaging;

import dev.parbench.remote.Frame;
import dev.parbench.remote.FrameCodec;
import dev.parbench.remote.Tokens;
import dev.parbench.remote.WireException;
import dev.parbench.remote.WireLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;

/**
 * One rank's connection to one other rank: a blocking loopback TCP socket with small, explicit buffers, and a codec
 * for each direction (a send and a receive may run at once on two threads). A message is a RESULT frame: a tag, one
 * long ({@code seq} for data, a value for control messages) and at most one long[] slice.
 */
final class Link implements AutoCloseable {
    /**
     * SO_SNDBUF and SO_RCVBUF requested on every socket of the mesh ({@code -Dparbench.messaging.socketBufferBytes},
     * default 16 KiB; Linux doubles what is asked and turns off its auto-tuning for that socket). A message larger than
     * roughly the two buffers together cannot be written until the peer reads: that is what makes the naive exchange
     * deadlock, and what makes every large send here a rendezvous.
     */
    static final int BUFFER_BYTES = Integer.getInteger("parbench.messaging.socketBufferBytes", 16 << 10);

    final int peer;
    private final SocketChannel channel;
    private final FrameCodec reader;
    private final FrameCodec writer;
    /** Bytes of the current (or last) send written so far: what a deadlock report says. */
    private volatile long written;
    private final WritableByteChannel counting = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = channel.write(src);
            written += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    };

    private Link(int peer, SocketChannel channel) {
        this.peer = peer;
        this.channel = channel;
        WireLimits limits = WireLimits.fromSystemProperties();
        this.reader = new FrameCodec(limits);
        this.writer = new FrameCodec(limits);
    }

    // ------------------------------------------------------------------ opening

    /** A listening socket on loopback, port chosen by the OS; accepted sockets inherit its small receive buffer. */
    static ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER_BYTES);
        server.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 64);
        return server;
    }

    static int port(ServerSocketChannel server) throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private static SocketChannel configure(SocketChannel ch) throws IOException {
        ch.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER_BYTES);
        ch.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER_BYTES);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return ch;
    }

    /**
     * Connects to a rank's listener and proves the token: reads its CHALLENGE and READY with the pre-auth limit (a
     * few dozen bytes), answers HMAC-SHA256(token, nonce), then says which rank it is and where it listens.
     */
    static Link connect(InetSocketAddress to, int peer, byte[] token, int myRank, int myPort) throws IOException {
        SocketChannel ch = configure(SocketChannel.open());
        try {
            ch.connect(to);
            FrameCodec small = new FrameCodec(WireLimits.preAuth());
            if (!(small.read(ch) instanceof Frame.Challenge c)) {
                throw new WireException("rank " + peer + " did not send a challenge");
            }
            small.write(new Frame.Auth(Tokens.mac(token, c.nonce())), ch);
            if (!(small.read(ch) instanceof Frame.Ready)) {
                throw new WireException("rank " + peer + " refused the token");
            }
            Link link = new Link(peer, ch);
            link.send(Mesh.HELLO, myRank, new long[] {myPort}, 0, 1);
            return link;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** One accepted connection after a good AUTH and its HELLO: the peer's rank and the port it listens on. */
    record Accepted(Link link, int rank, int port) {
    }

    /**
     * Accepts one connection and authenticates it: CHALLENGE, then one AUTH frame read with the pre-auth codec (AUTH
     * only, at most {@link WireLimits#PRE_AUTH_MAX_FRAME_BYTES} bytes, checked on the header before any allocation),
     * then READY, then the peer's HELLO. Returns null (connection closed) if the peer fails authentication or does
     * not finish it within {@code authDeadline} (an alarm closes the connection then: a peer that connects and sends
     * nothing cannot hold the listener).
     */
    static Accepted accept(ServerSocketChannel server, byte[] token, int size, Duration authDeadline)
            throws IOException {
        SocketChannel ch = configure(server.accept());
        Mesh.Alarm auth = new Mesh.Alarm(authDeadline, "authentication");
        try {
            auth.guard(ch);
            if (!proves(ch, token)) {
                ch.close();
                return null;
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            return null; // anything before a good AUTH (silence past the deadline, a reset, garbage): dropped
        } finally {
            auth.close();
        }
        if (auth.fired()) {
            ch.close();
            return null;
        }
        try {
            FrameCodec small = new FrameCodec(WireLimits.preAuth());
            small.write(new Frame.Ready(), ch);
            Link probe = new Link(-1, ch);
            Frame.Result hello = probe.recvFrame(Mesh.HELLO);
            int rank = (int) hello.partial();
            long[] port = hello.data().slices().isEmpty() ? new long[0] : hello.data().longs(0);
            if (rank < 1 || rank >= size || port.length != 1 || port[0] < 0 || port[0] > 65535) {
                throw new WireException("bad HELLO: rank " + rank + " of " + size);
            }
            return new Accepted(new Link(rank, ch), rank, (int) port[0]);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Sends a CHALLENGE and reads one AUTH frame with the pre-auth codec; whether its MAC proves the token. */
    private static boolean proves(SocketChannel ch, byte[] token) throws IOException {
        byte[] nonce = Tokens.nonce();
        new FrameCodec(WireLimits.preAuth()).write(new Frame.Challenge(nonce), ch);
        Frame f = FrameCodec.preAuth().read(ch);
        return f instanceof Frame.Auth a && Tokens.verify(token, nonce, a.mac());
    }

    // ------------------------------------------------------------------ messages

    /** Sends {@code data[off, off + len)} (len < 0: no array) with a tag and one long. Blocks while the buffers are full. */
    void send(long tag, long value, long[] data, int off, int len) throws IOException {
        written = 0;
        Frame.Data d = len < 0 ? Frame.Data.NONE : Frame.Data.of(new Frame.Slice.Longs(data, off, len));
        writer.write(new Frame.Result(tag, value, d), counting);
    }

    /**
     * Receives the next message, which must carry {@code tag} and exactly {@code len} longs (decoded straight into
     * {@code into[off, off + len)}; len < 0: no array). Returns its long.
     */
    long recv(long tag, long[] into, int off, int len) throws IOException {
        Frame.Data dest = len < 0 ? null : Frame.Data.of(new Frame.Slice.Longs(into, off, len));
        Frame f = reader.read(channel, id -> id == tag ? dest : null);
        Frame.Result r = expect(f, tag);
        if (len < 0 && !r.data().slices().isEmpty()) {
            throw new WireException("message " + tag + " from rank " + peer + " carries data, expected none");
        }
        return r.partial();
    }

    /** Receives a control message with {@code tag} and whatever array it carries (fresh arrays). */
    Frame.Result recvFrame(long tag) throws IOException {
        return expect(reader.read(channel), tag);
    }

    private Frame.Result expect(Frame f, long tag) throws IOException {
        return switch (f) {
            case null -> throw new IOException("rank " + peer + " closed the connection");
            case Frame.Result r when r.requestId() == tag -> r;
            case Frame.Result r -> throw new WireException("rank " + peer + " sent message " + r.requestId()
                    + ", expected " + tag + " (out of order)");
            case Frame.Error e -> throw new IOException("rank " + peer + ": " + e.message());
            case Frame.Bye b -> throw new IOException("rank " + peer + " said goodbye");
            default -> throw new WireException("rank " + peer + " sent an unexpected " + f.type() + " frame");
        };
    }

    /** Rank 0's next command, or null if rank 0 said goodbye or closed the connection. */
    Frame.Result recvCommand() throws IOException {
        Frame f = reader.read(channel);
        return f == null || f instanceof Frame.Bye ? null : expect(f, Comm.CMD);
    }

    void sendError(String message) throws IOException {
        writer.write(new Frame.Error(0, message), channel);
    }

    void sendBye() throws IOException {
        writer.write(new Frame.Bye(), channel);
    }

    /** The next frame is BYE (or the end of the stream): the peer is done. */
    boolean awaitBye() throws IOException {
        Frame f = reader.read(channel);
        return f == null || f instanceof Frame.Bye;
    }

    long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
