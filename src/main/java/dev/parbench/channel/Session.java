package dev.parbench.channel;

import dev.parbench.remote.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's side of one channel to a fresh peer: opens the channel of a {@link ChannelKind} to a child JVM started
 * for it ({@code worker --channel}, see {@link ChildSide}) or, for {@code in-jvm}, to a thread; sends checked data
 * messages ({@link #pingPong}, {@link #stream}); {@link #finish} checks that the peer received every message exactly
 * once; {@link #close} releases everything: the link, the child (destroyed if it has not exited within a second),
 * the thread (joined), any socket or shared memory file. Not thread-safe: one benchmark thread uses it.
 */
public final class Session implements AutoCloseable {
    /** Bytes of each ring of a shared-memory-ring channel (largest record: an eighth). */
    public static final int DEFAULT_RING_CAPACITY = 4 << 20;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Unix socket directories that exist right now (while a child connects); removed by the shutdown hook. */
    private static final java.util.Set<Path> SOCKET_DIRS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SOCKET_DIRS.forEach(Session::removeSocketDir),
                "parbench-socket-reaper"));
    }

    private static void removeSocketDir(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("s"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort
        }
        SOCKET_DIRS.remove(dir);
    }

    /** How a session is opened. */
    public record Options(ChannelKind kind, Peer.Role role, int bytes, int ackEvery, Duration timeout,
            int ringCapacity) {
        public Options {
            if (bytes < 1 || ackEvery < 1) {
                throw new IllegalArgumentException("bytes and ackEvery must be >= 1");
            }
        }

        public Options(ChannelKind kind, Peer.Role role, int bytes, int ackEvery) {
            this(kind, role, bytes, ackEvery, defaultTimeout(), DEFAULT_RING_CAPACITY);
        }

        /** {@code -Dparbench.channel.timeoutSeconds}, default 30. */
        public static Duration defaultTimeout() {
            return Duration.ofSeconds(Long.getLong("parbench.channel.timeoutSeconds", 30));
        }
    }

    private final Options options;
    private final Link link;
    private final Process child;
    private final ByteBuffer payload;
    private final ByteBuffer reply;
    private final ByteBuffer ctl = ByteBuffer.allocateDirect(4096);
    private long seq;
    private long acked;

    private Session(Options options, Link link, Process child) {
        this.options = options;
        this.link = link;
        this.child = child;
        this.payload = Messages.payload(options.bytes());
        this.reply = options.role() == Peer.Role.ECHO ? ByteBuffer.allocateDirect(Math.max(options.bytes(), 4096))
                : ctl;
    }

    /** Opens a channel of {@code o.kind()} to a new peer and waits (bounded) until the peer has said HELLO. */
    public static Session open(Options o) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        Opened opened = switch (o.kind()) {
            case IN_JVM -> inJvm(o, nonce);
            case PIPE -> pipe(o, nonce);
            case UNIX_SOCKET, TCP -> socket(o, nonce);
            case SHARED_MEMORY_RING -> ring(o, nonce);
        };
        Session s = new Session(o, opened.link, opened.child);
        try {
            if (!opened.greeted) {
                s.awaitHello(nonce);
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        } finally {
            opened.afterHello.run();
        }
        return s;
    }

    /** An opened link; {@code greeted}: its HELLO was checked already (the socket kinds, at accept). */
    private record Opened(Link link, Process child, Runnable afterHello, boolean greeted) {
        Opened(Link link, Process child, Runnable afterHello) {
            this(link, child, afterHello, false);
        }
    }

    /** Waits for the peer's HELLO: up to START_TIMEOUT (a JVM start on a loaded machine), not the data timeout. */
    private void awaitHello(byte[] nonce) throws IOException {
        int type;
        Duration data = options.timeout();
        timeout(START_TIMEOUT.compareTo(data) > 0 ? START_TIMEOUT : data);
        try {
            type = link.receive(ctl);
        } finally {
            timeout(data);
        }
        byte[] got = new byte[ctl.limit()];
        ctl.get(0, got);
        if (type != Messages.HELLO || !Arrays.equals(got, nonce)) {
            throw new ChannelException(link.describe() + ": the peer did not greet with the session's nonce (got "
                    + Messages.typeName(type) + ")");
        }
    }

    private void timeout(Duration t) {
        if (link instanceof StreamLink s) {
            s.timeout(t);
        } else if (link instanceof RingLink r) {
            r.timeout(t);
        }
    }

    /** One round trip: a data message of the session's size to the echoing peer and back, both checked. */
    public void pingPong() throws IOException {
        pingPong(options.bytes());
    }

    /** One round trip of a message of {@code length} bytes (1 to the session's size). */
    public void pingPong(int length) throws IOException {
        if (length < 1 || length > options.bytes()) {
            throw new IllegalArgumentException("length " + length + " outside 1.." + options.bytes());
        }
        payload.limit(length);
        Messages.stamp(payload, seq);
        link.send(Messages.DATA, payload);
        int type = link.receive(reply);
        expect(type, Messages.DATA, reply);
        Messages.check(reply, length, seq, link.describe());
        seq++;
    }

    /**
     * Sends one data message to the sink, then waits (bounded) for acknowledgements while {@code window} or more
     * messages are unacknowledged: when this returns, at most {@code window - 1} messages are in flight (with
     * {@code window} 1, every message has been received and checked). {@code window} must be at least the peer's
     * {@code ackEvery}.
     */
    public void stream(int window) throws IOException {
        payload.limit(options.bytes());
        Messages.stamp(payload, seq);
        link.send(Messages.DATA, payload);
        seq++;
        while (seq - acked >= window) {
            int type = link.receive(ctl);
            expect(type, Messages.ACK, ctl);
            acked = Messages.longOf(ctl, link.describe());
        }
    }

    /**
     * Tells the peer no more data comes and waits (bounded) for its count: every message sent must have been
     * received and checked, exactly once. Returns the count.
     */
    public long finish() throws IOException {
        link.send(Messages.END, Messages.longMessage(ByteBuffer.allocateDirect(8), seq));
        while (true) {
            int type = link.receive(ctl);
            if (type == Messages.ACK) {
                continue;
            }
            expect(type, Messages.FIN, ctl);
            long received = Messages.longOf(ctl, link.describe());
            if (received != seq) {
                throw new ChannelException(link.describe() + ": " + seq + " messages sent, the peer received "
                        + received);
            }
            return received;
        }
    }

    public long sent() {
        return seq;
    }

    public Link link() {
        return link;
    }

    /** The child JVM's process (null for in-jvm). */
    public Process child() {
        return child;
    }

    private void expect(int type, int wanted, ByteBuffer b) throws ChannelException {
        if (type == wanted) {
            return;
        }
        if (type == Messages.ERROR) {
            throw new ChannelException(link.describe() + ": the peer failed: " + Messages.text(b));
        }
        throw new ChannelException(link.describe() + ": expected " + Messages.typeName(wanted) + ", got "
                + Messages.typeName(type));
    }

    /** Releases everything the session made; the child JVM is gone when this returns. */
    @Override
    public void close() {
        link.close();
    }

    // ---- opening, per kind

    private static List<String> childArgs(Options o, String connect) {
        List<String> a = new ArrayList<>(List.of("--channel", o.kind().id(), "--role", o.role().id(), "--bytes",
                String.valueOf(o.bytes()), "--ack-every", String.valueOf(o.ackEvery()), "--channel-timeout",
                String.valueOf(Math.max(60, 4 * o.timeout().toSeconds()))));
        if (connect != null) {
            a.addAll(List.of("--connect", connect));
        }
        return a;
    }

    private static ChildJvm.Started startChild(Options o, String connect, byte[] nonce) throws IOException {
        ChildJvm.Started c = ChildJvm.start(childArgs(o, connect));
        try {
            ByteBuffer n = ByteBuffer.wrap(nonce);
            while (n.hasRemaining()) {
                c.out().write(n);
            }
        } catch (IOException e) {
            stopChild(c);
            throw e;
        }
        return c;
    }

    private static void stopChild(ChildJvm.Started c) {
        closeQuietly(c.out());
        closeQuietly(c.in());
        ChildJvm.stop(c.process(), Duration.ofSeconds(1));
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    private static String name(Options o, Process p) {
        return o.kind().id() + " to " + (p == null ? "a thread" : "pid " + p.pid());
    }

    private static Opened inJvm(Options o, byte[] nonce) {
        InJvmLink[] pair = InJvmLink.pair(o.kind().id() + " to a thread", o.timeout());
        Thread peer = Thread.ofPlatform().daemon(true).name("parbench-channel-peer").start(() -> {
            try {
                Peer.serve(pair[1], o.role(), o.bytes(), o.ackEvery(), nonce);
            } catch (IOException | RuntimeException e) {
                pair[1].closeBecause("the peer thread failed: " + e.getMessage());
            }
        });
        Link link = new Link() {
            @Override
            public void send(int type, ByteBuffer p) throws IOException {
                pair[0].send(type, p);
            }

            @Override
            public int receive(ByteBuffer dst) throws IOException {
                return pair[0].receive(dst);
            }

            @Override
            public String describe() {
                return pair[0].describe();
            }

            @Override
            public void close() {
                pair[0].close();
                try {
                    peer.join(TimeUnit.SECONDS.toMillis(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (peer.isAlive()) {
                    peer.interrupt();
                }
            }
        };
        return new Opened(link, null, () -> { });
    }

    private static Opened pipe(Options o, byte[] nonce) throws IOException {
        ChildJvm.Started c = startChild(o, null, nonce);
        Process p = c.process();
        Link link = new StreamLink(c.in(), c.out(), name(o, p), o.timeout(), Integer.MAX_VALUE,
                () -> ChildJvm.describe(p), () -> stopChild(c));
        return new Opened(link, p, () -> { });
    }

    private static Opened socket(Options o, byte[] nonce) throws IOException {
        boolean unix = o.kind() == ChannelKind.UNIX_SOCKET;
        Path dir = null;
        ServerSocketChannel server = null;
        ChildJvm.Started c = null;
        SocketChannel sc = null;
        try {
            String connect;
            if (unix) {
                dir = Files.createTempDirectory("parbench-uds-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                SOCKET_DIRS.add(dir);
                Path sock = dir.resolve("s");
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(sock));
                connect = sock.toString();
            } else {
                server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
                connect = "127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
            }
            c = startChild(o, connect, nonce);
            Process child = c.process();
            sc = Greeting.accept(server, nonce, o.kind().id(), START_TIMEOUT, child::isAlive,
                    () -> ChildJvm.describe(child));
            if (!unix) {
                sc.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ChildJvm.Started started = c;
            SocketChannel conn = sc;
            Link link = new StreamLink(sc, sc, name(o, child), o.timeout(), Integer.MAX_VALUE,
                    () -> ChildJvm.describe(child), () -> {
                        closeQuietly(conn);
                        stopChild(started);
                    });
            return new Opened(link, child, () -> { }, true);
        } catch (IOException | RuntimeException e) {
            closeQuietly(sc);
            if (c != null) {
                stopChild(c);
            }
            throw e;
        } finally {
            closeQuietly(server);
            if (dir != null) {
                removeSocketDir(dir); // the connection needs no name
            }
        }
    }

    private static Opened ring(Options o, byte[] nonce) throws IOException {
        SharedRing ring = SharedRing.create(o.ringCapacity());
        ChildJvm.Started c;
        try {
            c = startChild(o, ring.file().toString(), nonce);
        } catch (IOException | RuntimeException e) {
            ring.unlink();
            throw e;
        }
        Process p = c.process();
        RingLink.Doorbell bell = new RingLink.Doorbell(ring.flags(), ring.mySleepFlag(), ring.peerSleepFlag(), c.in(),
                c.out());
        Link link = new RingLink(ring.toPeer(), ring.fromPeer(), bell, name(o, p), o.timeout(), p::isAlive,
                () -> ChildJvm.describe(p), () -> {
                    ring.unlink();
                    stopChild(c);
                });
        return new Opened(link, p, ring::unlink);
    }
}
