package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loopback probe's sink takes only its own client's connection; another local peer never holds it. */
class LoopbackSinkTest {
    @Test
    void aSilentPeerThatConnectsFirstIsDroppedAndTheProbesOwnClientIsTaken() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress("127.0.0.1", 0));
                try (SocketChannel silent = SocketChannel.open(server.getLocalAddress());
                        SocketChannel client = SocketChannel.open(server.getLocalAddress());
                        SocketChannel got = LoopbackSink.acceptOwn(server, client, Duration.ofSeconds(10))) {
                    assertEquals(client.getLocalAddress(), got.getRemoteAddress());
                    assertEquals(-1, silent.read(ByteBuffer.allocate(1)), "the silent peer was dropped");
                }
            }
        });
    }

    @Test
    void withoutItsOwnClientTheAcceptFailsWithinItsDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open();
                    ServerSocketChannel elsewhere = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress("127.0.0.1", 0));
                elsewhere.bind(new InetSocketAddress("127.0.0.1", 0));
                try (SocketChannel silent = SocketChannel.open(server.getLocalAddress());
                        SocketChannel other = SocketChannel.open(elsewhere.getLocalAddress())) {
                    assertThrows(IOException.class, () -> LoopbackSink.acceptOwn(server, other,
                            Duration.ofMillis(500)));
                }
            }
        });
    }

    @Test
    void theProbeStillMovesItsRounds() throws IOException {
        try (LoopbackSink sink = new LoopbackSink(1 << 16)) {
            assertEquals(1 << 16, sink.round());
            assertEquals(1 << 16, sink.round());
        }
    }
}
