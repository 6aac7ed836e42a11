package dev.parbench.channel;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM's side of a channel session ({@code worker --channel ID}): reads the session's 16-byte nonce from
 * stdin, opens its end of the channel ({@code connect}: a socket path, {@code host:port} or a ring file; the pipe
 * needs none: stdin and stdout are the channel), and serves as a {@link Peer} until END. The JVM exits when its
 * parent does ({@code --parent-pid}), so a peer never outlives its session's JVM.
 */
public final class ChildSide {
    private ChildSide() {
    }

    /** Serves one session; returns the number of data messages received. */
    public static long serve(ChannelKind kind, String connect, Peer.Role role, int bytes, int ackEvery,
            Duration timeout) throws IOException {
        if (kind == ChannelKind.IN_JVM) {
            throw new IllegalArgumentException("in-jvm has no child side");
        }
        FileChannel stdin = new FileInputStream(FileDescriptor.in).getChannel();
        FileChannel stdout = new FileOutputStream(FileDescriptor.out).getChannel();
        ByteBuffer nonce = ByteBuffer.allocate(16);
        while (nonce.hasRemaining()) {
            if (stdin.read(nonce) < 0) {
                throw new ChannelException("the parent closed stdin before sending the session nonce");
            }
        }
        String parent = "the parent " + ProcessHandle.current().parent().map(h -> "pid " + h.pid()).orElse("");
        Link link;
        switch (kind) {
            case PIPE -> link = new StreamLink(stdin, stdout, "pipe (child)", timeout, Integer.MAX_VALUE,
                    () -> parent, () -> { });
            case UNIX_SOCKET, TCP -> {
                SocketChannel sc;
                if (kind == ChannelKind.UNIX_SOCKET) {
                    sc = SocketChannel.open(StandardProtocolFamily.UNIX);
                    sc.connect(UnixDomainSocketAddress.of(require(connect, kind)));
                } else {
                    String c = require(connect, kind);
                    int colon = c.lastIndexOf(':');
                    sc = SocketChannel.open(new InetSocketAddress(c.substring(0, colon),
                            Integer.parseInt(c.substring(colon + 1))));
                    sc.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                link = new StreamLink(sc, sc, kind.id() + " (child)", timeout, Integer.MAX_VALUE, () -> parent,
                        () -> { });
            }
            case SHARED_MEMORY_RING -> {
                SharedRing ring = SharedRing.open(Path.of(require(connect, kind)));
                RingLink.Doorbell bell = new RingLink.Doorbell(ring.flags(), ring.mySleepFlag(), ring.peerSleepFlag(),
                        stdin, stdout);
                link = new RingLink(ring.toPeer(), ring.fromPeer(), bell, "shared-memory-ring (child)", timeout,
                        () -> true, () -> parent, () -> { });
            }
            default -> throw new IllegalStateException();
        }
        try (link) {
            return Peer.serve(link, role, bytes, ackEvery, nonce.array());
        }
    }

    private static String require(String connect, ChannelKind kind) {
        if (connect == null || connect.isBlank()) {
            throw new IllegalArgumentException("--channel " + kind.id() + " needs --connect");
        }
        return connect;
    }
}
