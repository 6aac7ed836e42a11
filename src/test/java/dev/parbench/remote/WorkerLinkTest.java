package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The master's end of a connection: close is bounded whatever the peer does; a dead link fails requests at once. */
class WorkerLinkTest {

    /** 64 MiB: far more than any socket or pipe buffer, so the sender blocks on a peer that does not read. */
    private static Frame big() {
        return new Frame.Result(1, 0, Frame.Data.of(Frame.Slice.Longs.of(new long[8 << 20])));
    }

    private static Frame small(long id) {
        return new Frame.RunStored(id, 1);
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void closeIsBoundedWhenASocketPeerNeverReads() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel peer = server.accept()) { // accepts, then never reads
            WorkerLink link = new WorkerLink("stalled-socket", client, client, client, null,
                    new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), () -> "");
            CompletableFuture<Frame.Result> request = link.send(1, big());
            Thread.sleep(300); // let the sender fill the buffers and block (close must be bounded either way)
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), link::close);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 5, "close took " + seconds + " s");
            assertTrue(request.isCompletedExceptionally(), "the request fails with the link");
            assertFalse(threadAlive("parbench-send-stalled-socket"), "sender thread outlived close");
            assertFalse(threadAlive("parbench-link-stalled-socket"), "reader thread outlived close");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "streams"})
    void closeIsBoundedWhenAProcessNeverReadsItsPipe(String pipes) throws Exception {
        Path sleep = Path.of("/usr/bin/sleep");
        if (!Files.isExecutable(sleep)) {
            sleep = Path.of("/bin/sleep");
        }
        assumeTrue(Files.isExecutable(sleep), "needs sleep(1)");
        String before = System.getProperty("parbench.pipes");
        System.setProperty("parbench.pipes", pipes);
        Pipes.Piped piped;
        try {
            piped = Pipes.start(new ProcessBuilder(sleep.toString(), "60")); // never reads its stdin
        } finally {
            if (before == null) {
                System.clearProperty("parbench.pipes");
            } else {
                System.setProperty("parbench.pipes", before);
            }
        }
        Process p = piped.process();
        try {
            WorkerLink link = ProcessPoolStrategy.pipeLink(piped);
            CompletableFuture<Frame.Result> request = link.send(1, big());
            Thread.sleep(300);
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(15), link::close);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 8, "close took " + seconds + " s");
            assertTrue(request.isCompletedExceptionally(), "the request fails with the link");
            String name = "worker pid " + p.pid();
            assertFalse(threadAlive("parbench-send-" + name), "sender thread outlived close");
            assertFalse(threadAlive("parbench-link-" + name), "reader thread outlived close");
            if (piped.named()) {
                // closing a FileChannel unblocks the stuck write: the link ends without killing; the owner stops it
                WorkerProcesses.stop(p, Duration.ofMillis(200));
            }
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "a process stuck that way is gone after close (and stop)");
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals(0, Pipes.liveDirectories(), "no FIFO directory outlives a start");
    }

    @Test
    void aRequestOnADeadOrClosedLinkFailsAtOnce() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
            WorkerLink link = new WorkerLink("short-lived", client, client, client, null, new WireLimits(1 << 20),
                    () -> "");
            server.accept().close(); // the worker goes away
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (link.alive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(link.alive(), "the link should notice the closed connection");
            CompletableFuture<Frame.Result> late = link.send(7, small(7));
            assertTrue(late.isCompletedExceptionally(), "a request on a dead link fails at once");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> late.get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("short-lived"), e.getCause().getMessage());
            link.close();
            assertTrue(link.send(8, small(8)).isCompletedExceptionally(), "and on a closed one");
        }
    }

    @Test
    void requestsRacingALinkThatDiesAllFailPromptly() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            for (int round = 0; round < 5; round++) {
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel peer = server.accept();
                WorkerLink link = new WorkerLink("racing", client, client, client, null, new WireLimits(1 << 20),
                        () -> "");
                List<CompletableFuture<Frame.Result>> sent = new ArrayList<>();
                Thread killer = Thread.ofPlatform().start(() -> {
                    try {
                        peer.close();
                    } catch (IOException ignored) {
                        // closed
                    }
                });
                for (int i = 0; i < 2000; i++) {
                    sent.add(link.send(i, small(i)));
                }
                killer.join(5000);
                // the peer never answers: every request must fail once the link has died, none may hang
                CompletableFuture<Void> all = CompletableFuture.allOf(sent.stream()
                        .map(f -> f.handle((r, x) -> null)).toArray(CompletableFuture[]::new));
                all.get(5, TimeUnit.SECONDS);
                assertEquals(sent.size(), sent.stream().filter(CompletableFuture::isCompletedExceptionally).count());
                link.close();
            }
        }
    }
}
