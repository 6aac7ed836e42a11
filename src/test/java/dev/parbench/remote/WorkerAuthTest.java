package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.cli.Main;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Sum;
import dev.parbench.workload.WorkloadKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token rules: non-loopback needs a token; with a token, only a client that proves it gets to send work. */
class WorkerAuthTest {
    private static final byte[] TOKEN = "correct horse battery staple 42".getBytes(StandardCharsets.UTF_8);

    @Test
    void nonLoopbackWithoutATokenRefusesToStart() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("worker", "--listen", "0.0.0.0:0"));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("without --token-file"), err.toString());
    }

    @Test
    void loopbackWithoutATokenRefusesToStartToo() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // before: it listened (for ever), serving any local user
            assertEquals(2, org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> Main.execute("worker", "--listen", "127.0.0.1:0")));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("without --token-file or --token-stdin"),
                err.toString());
    }

    @Test
    void aTokenOnStdinIsForListeningWorkersOnly() {
        assertEquals(2, Main.execute("worker", "--stdio", "--token-stdin"));
    }

    @Test
    void aShortTokenFileIsRefused(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "short");
        assertEquals(2, Main.execute("worker", "--listen", "0.0.0.0:0", "--token-file", token.toString()));
    }

    /** A worker with a token on an ephemeral loopback port, served from this JVM. */
    private static InetSocketAddress startWorker() throws Exception {
        ByteArrayOutputStream announce = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(announce, true, StandardCharsets.UTF_8);
        Thread t = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                new Worker(new WireLimits(1 << 24), TOKEN, new PrintStream(new ByteArrayOutputStream()))
                        .listen(new InetSocketAddress("127.0.0.1", 0), ps);
            } catch (IOException ignored) {
                // test ends
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (announce.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String line = announce.toString(StandardCharsets.UTF_8).trim();
        assertTrue(t.isAlive(), "worker thread died");
        return SocketAddresses.parse(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static WorkerLink connect(InetSocketAddress a, byte[] token) throws IOException {
        SocketChannel c = SocketChannel.open(a);
        return new WorkerLink("worker " + a, c, c, c, token, new WireLimits(1 << 24), () -> "");
    }

    @Test
    void theRightTokenGetsWorkDoneAndAWrongOneIsRejected() throws Exception {
        InetSocketAddress a = startWorker();
        try (WorkerLink good = connect(a, TOKEN)) {
            good.awaitReady(Duration.ofSeconds(10));
            Sum sum = new Sum(Kernel.SCALAR);
            Sum.Input in = sum.prepare(10_000, 5);
            RemoteTask task = RemoteTask.of(sum, in, 0, sum.blocks(in));
            Frame.Result r = good.send(1, new Frame.Run(1, task, task.slice(in))).get(10, TimeUnit.SECONDS);
            assertEquals(sum.oracle(in), r.partial());
        }
        byte[] wrong = "this is not the token at all!!".getBytes(StandardCharsets.UTF_8);
        try (WorkerLink bad = connect(a, wrong)) {
            IOException e = assertThrows(IOException.class, () -> bad.awaitReady(Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
        }
        try (WorkerLink none = connect(a, null)) {
            IOException e = assertThrows(IOException.class, () -> none.awaitReady(Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("requires a token"), e.getMessage());
        }
    }

    @Test
    void aWorkFrameBeforeAuthenticationIsRejected() throws Exception {
        InetSocketAddress a = startWorker();
        try (SocketChannel c = SocketChannel.open(a)) {
            FrameCodec codec = new FrameCodec(new WireLimits(1 << 24));
            assertEquals(Frame.Type.CHALLENGE, codec.read(c).type());
            RemoteTask task = new RemoteTask(WorkloadKind.RANDOM, Kernel.SCALAR, 4096, 1, 0, 1);
            codec.write(new Frame.Run(1, task, Frame.Data.NONE), c); // skip AUTH
            Frame reply = codec.read(c);
            assertTrue(reply instanceof Frame.Error err && err.message().contains("authentication failed"),
                    String.valueOf(reply));
            assertEquals(null, codec.read(c), "the worker closes the connection");
        }
    }
}
