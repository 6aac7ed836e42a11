package dev.parbench.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.remote.FrameCodec;
import dev.parbench.remote.ShortAuthDeadline;
import dev.parbench.remote.WireLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every operation gives the exact answer on 2, 3 and 4 ranks (threads of this JVM over the real loopback mesh), the
 * naive exchange is reported as DEADLOCK within its deadline and leaves nothing behind, its two fixes complete with
 * the same message, and real child JVMs do the same.
 */
class MessagingTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Larger than the socket buffers together: the naive exchange deadlocks on it. */
    private static final int LARGE = 1 << 20;

    @Test
    void everyOperationIsExactOn2And3And4Ranks() throws IOException {
        for (int n = 2; n <= 4; n++) {
            try (World world = World.start(n, World.Launch.THREADS)) {
                for (CollectiveKind kind : CollectiveKind.values()) {
                    for (int bytes : new int[] {8, 40_000}) { // 40 kB: more than one codec chunk per message? no: 5k longs
                        World.Outcome o = world.run(kind, bytes, 3, DEADLINE);
                        assertFalse(o.deadlock(), kind.id() + " on " + n + " ranks, " + bytes + " B: " + o.detail());
                    }
                }
                assertFalse(world.broken());
            }
            assertNoRankThreads();
        }
    }

    @Test
    void theReducedPartialsAddUpToTheWorkloadOracles() {
        for (int n = 1; n <= 8; n++) {
            long[] total = new long[Partials.WORKLOADS.size()];
            for (int r = 0; r < n; r++) {
                long[] p = Partials.of(r, n);
                for (int k = 0; k < total.length; k++) {
                    total[k] += p[k];
                }
            }
            assertArrayEquals(Partials.oracles(), total, "partials of " + n + " ranks");
        }
    }

    @Test
    void aWrongElementIsCaught() {
        long[] a = new long[16];
        Buffers.fill(a, 0, 16, 5, 2);
        Buffers.check(a, 0, 16, 5, 2, "ok");
        a[7]++;
        assertThrows(Buffers.WrongAnswerException.class, () -> Buffers.check(a, 0, 16, 5, 2, "tampered"));
        assertThrows(Buffers.WrongAnswerException.class, () -> Buffers.check(a, 0, 16, 6, 2, "stale"));
    }

    @Test
    void theNaiveExchangeDeadlocksIsReportedWithinItsDeadlineAndLeavesNoThread() throws IOException {
        Duration deadline = Duration.ofMillis(400);
        for (int n : new int[] {2, 4}) {
            World world = World.start(n, World.Launch.THREADS);
            long t0 = System.nanoTime();
            World.Outcome o;
            try {
                o = world.run(CollectiveKind.EXCHANGE_NAIVE, LARGE, 1, deadline);
                assertTrue(world.broken(), "a deadlocked world is broken");
                assertThrows(IllegalStateException.class,
                        () -> world.run(CollectiveKind.BARRIER, 8, 1, deadline));
            } finally {
                world.close();
            }
            long total = System.nanoTime() - t0;
            assertTrue(o.deadlock(), "DEADLOCK expected on " + n + " ranks: " + o);
            assertTrue(o.detail().startsWith("DEADLOCK"), o.detail());
            assertTrue(o.nanos() >= deadline.toNanos(), "not before the deadline: " + o.nanos());
            assertTrue(o.nanos() < deadline.toNanos() + TimeUnit.SECONDS.toNanos(2), "detected late: " + o.nanos());
            assertTrue(total < TimeUnit.SECONDS.toNanos(8), "detection and teardown took " + total / 1e6 + " ms");
            assertNoRankThreads();
        }
    }

    @Test
    void theOrderedAndTheCombinedExchangeCompleteWithTheSameMessage() throws IOException {
        try (World world = World.start(2, World.Launch.THREADS)) {
            for (CollectiveKind kind : List.of(CollectiveKind.EXCHANGE_ORDERED, CollectiveKind.EXCHANGE_SENDRECV)) {
                World.Outcome o = world.run(kind, LARGE, 2, Duration.ofSeconds(10));
                assertFalse(o.deadlock(), kind.id());
            }
            // and the naive one completes while the message fits in the buffers
            assertFalse(world.run(CollectiveKind.EXCHANGE_NAIVE, 8, 2, Duration.ofSeconds(10)).deadlock());
        }
        assertNoRankThreads();
    }

    @Test
    void childJvmRanksGiveTheSameAnswersAndLeaveNoProcess() throws IOException {
        World world = World.start(3, World.Launch.JVMS);
        List<Process> children = world.processes();
        try {
            assertEquals(2, children.size());
            for (CollectiveKind kind : List.of(CollectiveKind.ALLREDUCE, CollectiveKind.BROADCAST_BINOMIAL,
                    CollectiveKind.SCATTER, CollectiveKind.GATHER, CollectiveKind.BARRIER,
                    CollectiveKind.EXCHANGE_SENDRECV)) {
                assertFalse(world.run(kind, 100_000, 2, DEADLINE).deadlock(), kind.id());
            }
            World.Outcome o = world.run(CollectiveKind.EXCHANGE_NAIVE, LARGE, 1, Duration.ofMillis(500));
            assertTrue(o.deadlock(), o.toString());
        } finally {
            world.close();
        }
        for (Process p : children) {
            assertFalse(p.isAlive(), "rank process " + p.pid() + " outlived close()");
        }
        assertNoRankThreads();
    }

    @Test
    void aPeerThatClaimsAHugeFrameBeforeAuthenticatingIsDroppedAndTheMeshStillOpens() throws Exception {
        byte[] token = "0123456789abcdef0123456789abcdef".getBytes();
        ServerSocketChannel server = Link.listen();
        InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
        CompletableFuture<Comm> root = CompletableFuture.supplyAsync(() -> {
            try {
                return Mesh.root(server, token, 2, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try (SocketChannel rogue = SocketChannel.open(at)) {
            new FrameCodec(WireLimits.preAuth()).read(rogue); // the challenge
            ByteBuffer header = ByteBuffer.allocate(FrameCodec.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(FrameCodec.MAGIC).put((byte) FrameCodec.VERSION).put((byte) 4).putShort((short) 0)
                    .putInt(1 << 30).flip(); // a RUN frame of 1 GiB, before any AUTH
            rogue.write(header);
            ByteBuffer one = ByteBuffer.allocate(1);
            assertEquals(-1, rogue.read(one), "the rank closes the connection at the header");
        }
        Comm member;
        try (Comm m = Mesh.member(1, 2, at, token, Duration.ofSeconds(20)); Comm r = root.get(20, TimeUnit.SECONDS)) {
            member = m;
            long[] buf = {42};
            r.send(1, 5, 1, buf, 0, 1);
            long[] got = new long[1];
            m.recv(0, 5, 1, got, 0, 1);
            assertEquals(42, got[0]);
        }
        assertTrue(member.closed());
    }

    @Test
    void aSilentPeerIsDroppedAtItsAuthDeadlineAndTheMeshStillOpens() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            byte[] token = "0123456789abcdef0123456789abcdef".getBytes();
            ServerSocketChannel server = Link.listen();
            InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
            // the silent peer is waited for until its auth deadline: ShortAuthDeadline's 2 s, not the default 10 s
            try (ShortAuthDeadline auth = ShortAuthDeadline.set();
                    SocketChannel silent = SocketChannel.open(at)) { // connects first, sends nothing
                CompletableFuture<Comm> root = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Mesh.root(server, token, 2, Duration.ofSeconds(40));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                try (Comm m = Mesh.member(1, 2, at, token, Duration.ofSeconds(40));
                        Comm r = root.get(40, TimeUnit.SECONDS)) {
                    long[] buf = {7};
                    r.send(1, 5, 1, buf, 0, 1);
                    long[] got = new long[1];
                    m.recv(0, 5, 1, got, 0, 1);
                    assertEquals(7, got[0]);
                }
                ByteBuffer rest = ByteBuffer.allocate(256);
                while (silent.read(rest.clear()) > 0) {
                    // the challenge, then the end of the stream: it was dropped
                }
            }
        });
    }

    @Test
    void silentPeersAloneFailTheStartWithinItsDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            byte[] token = "0123456789abcdef0123456789abcdef".getBytes();
            ServerSocketChannel server = Link.listen();
            InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
            try (SocketChannel a = SocketChannel.open(at); SocketChannel b = SocketChannel.open(at)) {
                long t0 = System.nanoTime();
                DeadlineException e = assertThrows(DeadlineException.class,
                        () -> Mesh.root(server, token, 2, Duration.ofSeconds(3)));
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertTrue(ms < 3000 + 2000, "failed after " + ms + " ms");
                assertTrue(e.getMessage().contains("did not all connect"), e.getMessage());
            }
        });
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        byte[] token = "0123456789abcdef0123456789abcdef".getBytes();
        ServerSocketChannel server = Link.listen();
        InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
        CompletableFuture<Comm> root = CompletableFuture.supplyAsync(() -> {
            try {
                return Mesh.root(server, token, 2, Duration.ofMillis(1500));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThrows(IOException.class, () -> Mesh.member(1, 2, at, "not-the-token-not-the-token".getBytes(),
                Duration.ofSeconds(5)));
        Exception e = assertThrows(Exception.class, () -> root.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getCause() instanceof DeadlineException, String.valueOf(e.getCause()));
    }

    @Test
    void theRankSubModeRefusesBadInputWithExit2() {
        assertEquals(2, dev.parbench.cli.Main.execute("worker", "--rank", "1"));
        assertEquals(2, dev.parbench.cli.Main.execute("worker", "--rank", "0", "--ranks", "2", "--root",
                "127.0.0.1:1"));
        assertEquals(2, dev.parbench.cli.Main.execute("worker", "--rank", "1", "--ranks", "9", "--root",
                "127.0.0.1:1"));
        assertEquals(2, dev.parbench.cli.Main.execute("worker", "--rank", "1", "--ranks", "2", "--root",
                "10.0.0.1:1"));
    }

    private static void assertNoRankThreads() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("parbench-rank") || n.startsWith("parbench-mesh")).toList();
            if (alive.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < end);
        assertEquals(List.of(), alive, "threads left behind");
    }
}
