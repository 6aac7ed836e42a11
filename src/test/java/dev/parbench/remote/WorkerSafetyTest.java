package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Sum;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's rules for peers that have not authenticated (tiny AUTH-only frames, a handshake deadline), its bound
 * on connections and its idle timeout: a peer that claims a huge frame or stalls costs the worker nothing.
 */
class WorkerSafetyTest {
    private static final byte[] TOKEN = "correct horse battery staple 42".getBytes(StandardCharsets.UTF_8);
    private static final Duration LONG = Duration.ofSeconds(30);

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** A token-protected worker on an ephemeral loopback port, in this JVM, with the default 1 GiB frame limit. */
    private WorkerListener listen(Worker.Settings settings) throws IOException {
        WorkerListener l = new Worker(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), TOKEN, log, settings)
                .start(new InetSocketAddress("127.0.0.1", 0));
        toClose.add(l);
        return l;
    }

    private SocketChannel raw(InetSocketAddress a) throws IOException {
        SocketChannel c = SocketChannel.open(a);
        toClose.add(c);
        return c;
    }

    /** A 12-byte frame header as FrameCodec lays it out: magic, version, type, reserved, payload length. */
    private static ByteBuffer header(Frame.Type type, long payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(FrameCodec.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(FrameCodec.MAGIC).put((byte) FrameCodec.VERSION).put((byte) type.code).putShort((short) 0)
                .putInt((int) payloadBytes);
        return b.flip();
    }

    /**
     * The reported attack's bytes: the header of a RUN frame claiming 1 GiB and the 36 payload bytes that, before
     * the pre-auth codec, got a worker to allocate the 1 GiB array (request id, task, one array of ~2^27 longs).
     */
    private static ByteBuffer hugeRunPrefix() {
        long payload = 1L << 30;
        ByteBuffer b = ByteBuffer.allocate(FrameCodec.HEADER_BYTES + 36).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header(Frame.Type.RUN, payload));
        b.putLong(1).put((byte) 1).put((byte) 1).putInt(1 << 27).putLong(0).putInt(0).putInt(1); // id, sum task
        b.put((byte) 1).put((byte) 1).putInt((int) ((payload - 36) / 8)); // one long[] filling the frame
        return b.flip();
    }

    /** Counts the bytes a decoder took from the stream. */
    private static final class Counting implements ReadableByteChannel {
        private final ReadableByteChannel in;
        long taken;

        Counting(byte[] bytes) {
            in = Channels.newChannel(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(dst);
            taken += Math.max(0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static byte[] withPayload(ByteBuffer header, int payloadBytes) {
        byte[] b = new byte[header.remaining() + payloadBytes];
        header.get(b, 0, FrameCodec.HEADER_BYTES);
        return b;
    }

    @Test
    void thePreAuthCodecRejectsAHugeOrNonAuthHeaderWithoutReadingThePayload() throws IOException {
        // a RUN claiming 1 GiB: rejected on its type, before a single payload byte is read
        Counting run = new Counting(withPayload(header(Frame.Type.RUN, 1L << 30), 4096));
        WireException e = assertThrows(WireException.class, () -> FrameCodec.preAuth().read(run));
        assertTrue(e.getMessage().contains("RUN"), e.getMessage());
        assertEquals(FrameCodec.HEADER_BYTES, run.taken);
        // an AUTH claiming 1 GiB: rejected on its length
        Counting auth = new Counting(withPayload(header(Frame.Type.AUTH, 1L << 30), 4096));
        e = assertThrows(WireException.class, () -> FrameCodec.preAuth().read(auth));
        assertTrue(e.getMessage().contains("exceeds the limit of " + WireLimits.PRE_AUTH_MAX_FRAME_BYTES),
                e.getMessage());
        assertEquals(FrameCodec.HEADER_BYTES, auth.taken);
        // for contrast: the work codec (1 GiB limit) accepts that RUN header and goes on into the payload
        Counting work = new Counting(withPayload(header(Frame.Type.RUN, 1L << 30), 4096));
        assertThrows(WireException.class,
                () -> new FrameCodec(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES)).read(work));
        assertTrue(work.taken > FrameCodec.HEADER_BYTES, "the work codec reads on: " + work.taken);
        // and a real AUTH still decodes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FrameCodec(new WireLimits(1024)).write(new Frame.Auth(Tokens.mac(TOKEN, new byte[32])),
                Channels.newChannel(bytes));
        assertTrue(FrameCodec.preAuth().read(new Counting(bytes.toByteArray())) instanceof Frame.Auth);
    }

    @Test
    void stalledHugeRunHeadersBeforeAuthenticationCostNothingAndAnHonestClientStillWorks() throws Exception {
        long heapBefore = usedHeapAfterGc();
        WorkerListener worker = listen(new Worker.Settings(Duration.ofSeconds(10), LONG, 16));
        List<SocketChannel> attackers = new ArrayList<>();
        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        for (int i = 0; i < 7; i++) {
            SocketChannel c = raw(worker.address());
            attackers.add(c);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(Frame.Type.CHALLENGE,
                    codec.read(c).type()));
            c.write(hugeRunPrefix()); // ... and never the rest
        }
        long start = System.nanoTime();
        for (SocketChannel c : attackers) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                Frame reply = codec.read(c);
                assertTrue(reply instanceof Frame.Error err && err.message().contains("authentication failed"),
                        String.valueOf(reply));
                assertNull(codec.read(c), "the worker closes the connection");
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "the stalled connections were closed after " + seconds + " s");
        long grown = usedHeapAfterGc() - heapBefore;
        assertTrue(grown < 256L << 20, "heap grew by " + (grown >> 20) + " MiB under the attack");
        assertTrue(log().contains("unexpected RUN frame"), log());

        SocketChannel c = raw(worker.address());
        try (WorkerLink honest = new WorkerLink("worker " + worker.address(), c, c, c, TOKEN,
                new WireLimits(1 << 24), () -> "")) {
            honest.awaitReady(Duration.ofSeconds(10));
            Sum sum = new Sum(Kernel.SCALAR);
            Sum.Input in = sum.prepare(10_000, 5);
            RemoteTask task = RemoteTask.of(sum, in, 0, sum.blocks(in));
            assertEquals(sum.oracle(in), honest.send(1, new Frame.Run(1, task, task.slice(in)))
                    .get(10, TimeUnit.SECONDS).partial());
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A link that has passed the handshake with {@code worker}. */
    private WorkerLink honest(WorkerListener worker) throws IOException {
        SocketChannel c = raw(worker.address());
        WorkerLink link = new WorkerLink("worker " + worker.address(), c, c, c, TOKEN, new WireLimits(1 << 24),
                () -> "");
        toClose.add(link);
        return link;
    }

    @Test
    void authenticatedConnectionsBeyondTheBoundAreRefusedAtOnce() throws Exception {
        WorkerListener worker = listen(new Worker.Settings(LONG, LONG, 3));
        List<WorkerLink> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WorkerLink l = honest(worker);
            l.awaitReady(Duration.ofSeconds(10));
            held.add(l);
        }
        WorkerLink fourth = honest(worker);
        IOException e = assertThrows(IOException.class, () -> fourth.awaitReady(Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("busy"), e.getMessage());
        long logDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!log().contains("refused") && System.nanoTime() < logDeadline) {
            Thread.sleep(10); // the worker logs the refusal just after it has written it
        }
        assertTrue(log().contains("refused"), log());

        held.getFirst().close(); // frees a slot
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (WorkerLink l = honest(worker)) {
                    l.awaitReady(Duration.ofSeconds(10));
                    return;
                } catch (IOException busy) {
                    Thread.sleep(50); // the slot is released once the worker has seen the close
                }
            }
            throw new AssertionError("no slot came free after a connection closed");
        });
    }

    @Test
    void aConnectionThatDoesNotAuthenticateIsClosedAtTheHandshakeDeadline() throws Exception {
        WorkerListener worker = listen(new Worker.Settings(Duration.ofMillis(500), LONG, 16));
        long start = System.nanoTime();
        SocketChannel c = raw(worker.address());
        FrameCodec codec = new FrameCodec(new WireLimits(1 << 16));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(Frame.Type.CHALLENGE, codec.read(c).type());
            assertNull(codec.read(c), "closed by the worker"); // we send nothing
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.45 && seconds < 5, "closed after " + seconds + " s, deadline 0.5 s");
        assertTrue(log().contains("did not authenticate within 500 ms"), log());
    }

    @Test
    void anAuthenticatedConnectionIdleBeyondTheTimeoutIsClosed() throws Exception {
        WorkerListener worker = listen(new Worker.Settings(LONG, Duration.ofSeconds(1), 16));
        SocketChannel c = raw(worker.address());
        try (WorkerLink link = new WorkerLink("worker " + worker.address(), c, c, c, TOKEN, new WireLimits(1 << 24),
                () -> "")) {
            link.awaitReady(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (link.alive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(link.alive(), "the worker should have closed the idle connection");
        }
        assertTrue(log().contains("idle timeout"), log());
    }
}
