package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Sum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing before authentication (issue 22, findings 4 and 10): a local socket worker holds the trial's token and
 * gives an unauthenticated peer no READY, no memory and no slot; a peer that reconnects in a loop does not keep the
 * master out; the master answers a CHALLENGE only in its own handshake and reads nothing bigger than a handshake
 * frame before READY.
 */
@Timeout(180)
class WorkerHandshakeTest {
    private static final byte[] TOKEN = "correct horse battery staple 42".getBytes(StandardCharsets.UTF_8);
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final long MIB = 1L << 20;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    private static long sumOnce(WorkerLink link, long requestId, int size) throws Exception {
        Sum sum = new Sum(Kernel.SCALAR);
        Sum.Input in = sum.prepare(size, 5);
        RemoteTask task = RemoteTask.of(sum, in, 0, sum.blocks(in));
        long partial = link.send(requestId, new Frame.Run(requestId, task, task.slice(in)))
                .get(30, TimeUnit.SECONDS).partial();
        assertEquals(sum.oracle(in), partial, "the master's request is computed");
        return partial;
    }

    /**
     * The first bytes of a STORE frame whose one long[] claims {@code elements} elements (the rest never comes):
     * a real STORE of a small sum slice, its array count and payload length patched.
     */
    private static byte[] storeHeaderClaiming(int elements) throws IOException {
        Sum sum = new Sum(Kernel.SCALAR);
        Sum.Input in = sum.prepare(1000, 1);
        RemoteTask task = RemoteTask.of(sum, in, 0, sum.blocks(in));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FrameCodec(new WireLimits(1 << 20)).write(new Frame.Store(1, 1, task, task.slice(in)),
                Channels.newChannel(bytes));
        byte[] frame = bytes.toByteArray();
        int countAt = frame.length - 8 * 1000 - 4;
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1000, b.getInt(countAt), "the layout this test patches");
        b.putInt(countAt, elements);
        b.putInt(8, (int) (frame.length - FrameCodec.HEADER_BYTES - 8 * 1000L + 8L * elements));
        byte[] prefix = new byte[countAt + 4];
        System.arraycopy(frame, 0, prefix, 0, prefix.length);
        return prefix;
    }

    /** VmRSS of a process, in bytes, from /proc/PID/status. */
    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    @Test
    void fourUnauthenticatedStoreHeadersCostALocalSocketWorkerNothing() throws Exception {
        byte[] token = Tokens.generate();
        Process p = SocketStrategy.startLocal(token);
        toClose.add(() -> WorkerProcesses.stopAll(List.of(p), Duration.ZERO));
        InetSocketAddress address = SocketStrategy.announcedAddress(p);
        WorkerLink master = closing(SocketStrategy.connect(address, token, p));
        master.awaitReady(LONG);
        sumOnce(master, 1, 100_000); // the worker's code paths warm, before the baseline
        Thread.sleep(500);
        long before = rss(p.pid());

        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        byte[] attack = storeHeaderClaiming(1 << 25); // 256 MiB of longs
        List<Frame.Type> greetings = new ArrayList<>();
        List<SocketChannel> attackers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SocketChannel c = closing(SocketChannel.open(address));
            attackers.add(c);
            greetings.add(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> codec.read(c).type()));
            c.write(ByteBuffer.wrap(attack)); // ... and never the rest
        }
        long peak = before;
        for (int i = 0; i < 30; i++) { // 3 s: an old worker had allocated 4 x 256 MiB well within that
            peak = Math.max(peak, rss(p.pid()));
            Thread.sleep(100);
        }
        assertTrue(peak - before < 16 * MIB, "the worker's RSS grew by " + (peak - before) / MIB
                + " MiB under four unauthenticated STORE headers (from " + before / MIB + " MiB)");
        assertEquals(List.of(Frame.Type.CHALLENGE, Frame.Type.CHALLENGE, Frame.Type.CHALLENGE,
                Frame.Type.CHALLENGE), greetings, "no READY before authentication");
        for (SocketChannel c : attackers) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                Frame reply = codec.read(c);
                assertTrue(reply instanceof Frame.Error err && err.message().contains("authentication failed"),
                        String.valueOf(reply));
                assertNull(codec.read(c), "the worker closes the connection");
            });
        }
        assertTrue(master.alive(), "the master's link is untouched");
        sumOnce(master, 2, 100_000);
        WorkerLink second = closing(SocketStrategy.connect(address, token, p));
        second.awaitReady(LONG);
        sumOnce(second, 3, 10_000);
    }

    @Test
    void aLocalSocketWorkerRefusesAPeerWithoutTheTrialsToken() throws Exception {
        Process p = SocketStrategy.startLocal(Tokens.generate());
        toClose.add(() -> WorkerProcesses.stopAll(List.of(p), Duration.ZERO));
        InetSocketAddress address = SocketStrategy.announcedAddress(p);
        try (WorkerLink none = SocketStrategy.connect(address, null, p)) {
            IOException e = assertThrows(IOException.class, () -> none.awaitReady(LONG));
            assertTrue(e.getMessage().contains("requires a token"), e.getMessage());
        }
        try (WorkerLink wrong = SocketStrategy.connect(address, TOKEN, p)) {
            IOException e = assertThrows(IOException.class, () -> wrong.awaitReady(LONG));
            assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
        }
    }

    private WorkerListener listen(Worker.Settings settings) throws IOException {
        return closing(new Worker(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), TOKEN, log, settings)
                .start(new InetSocketAddress("127.0.0.1", 0)));
    }

    @Test
    void connectionsThatHaveNotAuthenticatedTakeNoSlot() throws Exception {
        WorkerListener worker = listen(new Worker.Settings(LONG, LONG, 2));
        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        for (int i = 0; i < 6; i++) {
            SocketChannel c = closing(SocketChannel.open(worker.address()));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(Frame.Type.CHALLENGE,
                    codec.read(c).type()));
        }
        SocketChannel c = closing(SocketChannel.open(worker.address()));
        WorkerLink honest = closing(new WorkerLink("honest", c, c, c, TOKEN, new WireLimits(1 << 24), () -> ""));
        honest.awaitReady(LONG);
        sumOnce(honest, 1, 10_000);
    }

    @Test
    void pendingHandshakesAreCappedPerAddressTheOldestMakingRoom() throws Exception {
        WorkerListener worker = listen(new Worker.Settings(LONG, LONG, 16));
        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        List<SocketChannel> silent = new ArrayList<>();
        for (int i = 0; i < PendingHandshakes.PER_ADDRESS + 5; i++) {
            SocketChannel c = closing(SocketChannel.open(worker.address()));
            silent.add(c);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(Frame.Type.CHALLENGE,
                    codec.read(c).type()));
        }
        assertEquals(PendingHandshakes.PER_ADDRESS, worker.pending().size());
        assertEquals(5, worker.pending().evicted());
        for (int i = 0; i < 5; i++) {
            SocketChannel oldest = silent.get(i);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(codec.read(oldest),
                    "the oldest pending handshakes were closed"));
        }
    }

    @Test
    void aPeerReconnectingInALoopDoesNotKeepTheMasterOut(@TempDir Path dir) throws Exception {
        WorkerListener worker = listen(new Worker.Settings(Duration.ofSeconds(2), LONG, 16));
        InetSocketAddress address = worker.address();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong connects = new AtomicLong();
        Thread attacker = Thread.ofPlatform().daemon(true).name("reconnecting-peer").start(() -> {
            Deque<SocketChannel> held = new ArrayDeque<>();
            ByteBuffer sink = ByteBuffer.allocate(256);
            try {
                while (!stop.get()) {
                    // keep 24 connections open that never authenticate; reopen each as soon as it is closed
                    for (int i = held.size(); i < 24 && !stop.get(); i++) {
                        SocketChannel c = SocketChannel.open(address);
                        c.configureBlocking(false);
                        held.addLast(c);
                        connects.incrementAndGet();
                    }
                    for (int i = held.size(); i > 0; i--) {
                        SocketChannel c = held.removeFirst();
                        int n;
                        try {
                            n = c.read(sink.clear());
                        } catch (IOException e) {
                            n = -1;
                        }
                        if (n < 0) {
                            c.close();
                        } else {
                            held.addLast(c);
                        }
                    }
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException e) {
                // the test ends
            } finally {
                held.forEach(c -> {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                });
            }
        });
        toClose.add(() -> {
            stop.set(true);
            attacker.join(10_000);
        });
        Thread.sleep(1000); // the peer is at it before the master comes
        assertTrue(connects.get() >= 24, "the peer connected " + connects.get() + " times");
        Path tokenFile = dir.resolve("token");
        Files.write(tokenFile, TOKEN);
        String workers = System.getProperty("parbench.workers");
        String tokens = System.getProperty("parbench.tokenFile");
        System.setProperty("parbench.workers", address.getHostString() + ":" + address.getPort());
        System.setProperty("parbench.tokenFile", tokenFile.toString());
        SocketStrategy master;
        try {
            master = closing(new SocketStrategy(1, false));
        } finally {
            restore("parbench.workers", workers);
            restore("parbench.tokenFile", tokens);
        }
        Sum sum = new Sum(Kernel.SCALAR);
        Sum.Input in = sum.prepare(50_000, 9);
        assertEquals(sum.oracle(in), master.execute(sum, in), "the master got in and computed");
        assertTrue(attacker.isAlive(), "the peer was still reconnecting all along");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** A fake worker: accepts one connection from a {@link WorkerLink}, greets it, then does what a test says. */
    private ServerSocketChannel fakeWorker() throws IOException {
        return closing(ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)));
    }

    private WorkerLink linkTo(ServerSocketChannel server) throws IOException {
        SocketChannel c = closing(SocketChannel.open(server.getLocalAddress()));
        return closing(new WorkerLink("master-side", c, c, c, TOKEN, new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES),
                () -> ""));
    }

    @Test
    void theMasterAnswersNoChallengeAfterItsHandshake() throws Exception {
        ServerSocketChannel server = fakeWorker();
        WorkerLink link = linkTo(server);
        SocketChannel w = closing(server.accept());
        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        byte[] nonce = Tokens.nonce();
        codec.write(new Frame.Challenge(nonce), w);
        Frame auth = codec.read(w);
        assertTrue(auth instanceof Frame.Auth a && Tokens.verify(TOKEN, nonce, a.mac()), String.valueOf(auth));
        codec.write(new Frame.Ready(), w);
        link.awaitReady(LONG);

        codec.write(new Frame.Challenge(Tokens.nonce()), w); // someone posing as the worker wants a signature
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (link.alive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(link.alive(), "a CHALLENGE after READY fails the link");
        link.close();
        Frame answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> codec.read(w));
        assertFalse(answer instanceof Frame.Auth, "the master signed a nonce after its handshake");
        assertNull(answer, "nothing more from the master");
    }

    @Test
    void theMasterReadsNothingLargerThanAHandshakeFrameBeforeReady() throws Exception {
        ServerSocketChannel server = fakeWorker();
        WorkerLink link = linkTo(server);
        SocketChannel w = closing(server.accept());
        // an ERROR of 2000 bytes: a legal frame after READY, too big before it
        new FrameCodec(new WireLimits(1 << 16)).write(new Frame.Error(0, "x".repeat(1990)), w);
        IOException e = assertThrows(IOException.class, () -> link.awaitReady(LONG));
        assertTrue(e.getMessage().contains("exceeds the limit of " + WireLimits.HANDSHAKE_MAX_FRAME_BYTES),
                e.getMessage());

        // a RESULT header claiming 512 MiB before READY: refused on its header, at once
        WorkerLink second = linkTo(server);
        SocketChannel w2 = closing(server.accept());
        ByteBuffer header = ByteBuffer.allocate(FrameCodec.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(FrameCodec.MAGIC).put((byte) FrameCodec.VERSION).put((byte) Frame.Type.RESULT.code)
                .putShort((short) 0).putInt(512 << 20);
        w2.write(header.flip());
        long start = System.nanoTime();
        e = assertThrows(IOException.class, () -> second.awaitReady(Duration.ofSeconds(20)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5 && e.getMessage().contains("RESULT"), seconds + " s: " + e.getMessage());
    }
}
