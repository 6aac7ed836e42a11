package dev.parbench.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.remote.ShortAuthDeadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A socket channel's listener takes only the child that greets with the session's nonce: a local peer that connects
 * first and sends nothing (or sends a wrong greeting) is dropped, and the session still opens; with no real child,
 * the start fails within its deadline instead of waiting for ever. Each intruder is waited for until its auth
 * deadline, which these tests set to {@value ShortAuthDeadline#SECONDS} s ({@link ShortAuthDeadline}) instead of the
 * default 10 s.
 */
class ChannelAuthTest {
    private static final byte[] NONCE = "0123456789abcdef".getBytes();
    private static ShortAuthDeadline auth;

    @BeforeAll
    static void shortAuthDeadline() {
        auth = ShortAuthDeadline.set();
    }

    @AfterAll
    static void defaultAuthDeadline() {
        auth.close();
    }

    @Test
    void aSilentLocalPeerThatConnectsFirstDoesNotStopAUnixSocketSession() {
        assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Set<Path> before = udsDirs(tmp);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<SocketChannel> silent = new AtomicReference<>();
            Thread intruder = Thread.ofPlatform().daemon(true).start(() -> {
                while (!stop.get() && silent.get() == null) {
                    try {
                        for (Path d : udsDirs(tmp)) {
                            if (!before.contains(d) && Files.exists(d.resolve("s"))) {
                                SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
                                sc.connect(UnixDomainSocketAddress.of(d.resolve("s")));
                                silent.set(sc); // connected before the child JVM is up; sends nothing
                            }
                        }
                    } catch (IOException e) {
                        // not bound yet: try again
                    }
                    Thread.onSpinWait();
                }
            });
            try (Session s = Session.open(new Session.Options(ChannelKind.UNIX_SOCKET, Peer.Role.ECHO, 64, 1,
                    Duration.ofSeconds(20), Session.DEFAULT_RING_CAPACITY))) {
                s.pingPong(64);
                assertEquals(1, s.finish());
            } finally {
                stop.set(true);
                intruder.join(5000);
                if (silent.get() != null) {
                    silent.get().close();
                }
            }
            assertTrue(silent.get() != null, "the silent peer connected to the session's socket");
        });
    }

    @Test
    void silentAndWrongPeersAreDroppedAndTheGreetingChildIsTaken() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
                InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
                List<SocketChannel> intruders = new ArrayList<>();
                intruders.add(SocketChannel.open(at)); // silent
                SocketChannel wrong = SocketChannel.open(at);
                intruders.add(wrong);
                wrong.write(ByteBuffer.allocate(Greeting.BYTES).putInt(16).putInt(Messages.HELLO).flip()); // zeros
                SocketChannel child = SocketChannel.open(at);
                Thread peer = Thread.ofPlatform().daemon(true).start(() -> {
                    try (StreamLink l = new StreamLink(child, child, "child", Duration.ofSeconds(60),
                            Integer.MAX_VALUE, () -> "", () -> { })) {
                        Peer.serve(l, Peer.Role.ECHO, 64, 1, NONCE);
                    } catch (IOException e) {
                        // the test fails below
                    }
                });
                try (SocketChannel got = Greeting.accept(server, NONCE, "tcp", Duration.ofSeconds(60), () -> true,
                        () -> "alive")) {
                    assertEquals(child.getLocalAddress(), got.getRemoteAddress());
                    StreamLink link = new StreamLink(got, got, "parent", Duration.ofSeconds(20), Integer.MAX_VALUE,
                            () -> "", () -> { });
                    link.send(Messages.END, Messages.longMessage(ByteBuffer.allocateDirect(8), 0));
                    ByteBuffer ctl = ByteBuffer.allocateDirect(64);
                    assertEquals(Messages.FIN, link.receive(ctl));
                    link.close();
                }
                peer.join(10_000);
                for (SocketChannel i : intruders) {
                    ByteBuffer b = ByteBuffer.allocate(64);
                    assertEquals(-1, i.read(b), "the intruder was dropped");
                    i.close();
                }
            }
        });
    }

    @Test
    void silentPeersAloneFailTheStartWithinItsDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
                InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
                try (SocketChannel a = SocketChannel.open(at); SocketChannel b = SocketChannel.open(at)) {
                    long t0 = System.nanoTime();
                    ChannelException e = assertThrows(ChannelException.class, () -> Greeting.accept(server, NONCE,
                            "tcp", Duration.ofSeconds(3), () -> true, () -> "alive"));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 3000 + 2000, "failed after " + ms + " ms");
                    assertTrue(e.getMessage().contains("did not connect within 3 s"), e.getMessage());
                }
            }
        });
    }

    private static Set<Path> udsDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("parbench-uds-")).collect(Collectors.toSet());
        }
    }
}
