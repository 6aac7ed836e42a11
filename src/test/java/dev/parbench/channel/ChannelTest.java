package dev.parbench.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every channel carries messages of boundary sizes intact, the ring chunks what it cannot take whole, nothing
 * (child JVM, shared memory file) remains after a session, and a dead or stalled peer fails a bounded wait.
 */
class ChannelTest {
    /** A small ring (largest record 8 KiB), so that 64 KiB + 1 is bigger than the whole ring. */
    private static final int RING = 64 << 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static Session.Options echo(ChannelKind kind, int bytes) {
        return new Session.Options(kind, Peer.Role.ECHO, bytes, 1, TIMEOUT, RING);
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void everyChannelEchoesBoundarySizesIntactAndLeavesNothing(ChannelKind kind) throws Exception {
        int max = RING + 1;
        Process child;
        try (Session s = Session.open(echo(kind, max))) {
            child = s.child();
            assertEquals(kind.twoProcesses(), child != null);
            for (int length : List.of(1, 7, 8, 9, 4095, 4096, 4097, RING / 8 - 8, RING / 8, RING / 8 + 1, RING,
                    max, 3, max)) {
                s.pingPong(length);
            }
            assertEquals(14, s.sent());
            assertEquals(14, s.finish());
        }
        assertGone(child);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelKind.class, names = {"PIPE", "SHARED_MEMORY_RING", "IN_JVM"})
    void streamingDeliversEveryMessageOnceAndInOrder(ChannelKind kind) throws Exception {
        Process child;
        try (Session s = Session.open(new Session.Options(kind, Peer.Role.SINK, RING + 1, 2, TIMEOUT, RING))) {
            child = s.child();
            for (int i = 0; i < 50; i++) {
                s.stream(4);
            }
            assertEquals(50, s.finish());
        }
        assertGone(child);
    }

    @Test
    void aQueueBetweenTwoEndsDeliversEveryItemExactlyOnce() throws Exception {
        try (ProcessQueue q = new ProcessQueue(ChannelKind.IN_JVM, 300)) {
            for (int i = 0; i < 1000; i++) {
                q.put();
            }
            assertEquals(1000, q.produced());
            assertEquals(1000, q.drainAndCheck());
        }
    }

    @Test
    void aSinkRejectsAMessageOutOfOrderLoudly() throws Exception {
        try (Session s = Session.open(new Session.Options(ChannelKind.IN_JVM, Peer.Role.SINK, 64, 1, TIMEOUT,
                RING))) {
            s.stream(8);
            ByteBuffer bad = Messages.payload(64);
            Messages.stamp(bad, 5); // the peer expects 1
            s.link().send(Messages.DATA, bad);
            ChannelException e = assertThrows(ChannelException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    s.stream(1);
                }
            });
            assertTrue(e.getMessage().contains("sequence number 5"), e.getMessage());
        }
    }

    @Test
    void aRawRingRefusesAnOversizeRecordAndTheLinkChunksIt() throws Exception {
        OneToOneRingBuffer raw = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
                1024 + RingBufferDescriptor.TRAILER_LENGTH)));
        assertEquals(128, raw.maxMsgLength());
        UnsafeBuffer src = new UnsafeBuffer(new byte[129]);
        assertThrows(IllegalArgumentException.class, () -> raw.write(1, src, 0, 129));

        SharedRing mine = SharedRing.create(1024);
        Path file = mine.file();
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file), "owner-only");
        SharedRing theirs = SharedRing.open(file);
        mine.unlink();
        assertFalse(Files.exists(file), "the name goes as soon as both have mapped it");
        RingLink a = new RingLink(mine.toPeer(), mine.fromPeer(), "a", TIMEOUT, () -> true, () -> "", () -> { });
        assertEquals(128, a.maxRecord(), "records of at most an eighth of the ring; longer messages are chunked");
        assertTrue(theirs.toPeer() != null);
    }

    @Test
    void aRingLinkChunksMessagesLargerThanTheWholeRing() throws Exception {
        SharedRing mine = SharedRing.create(1024);
        SharedRing theirs = SharedRing.open(mine.file());
        mine.unlink();
        RingLink a = new RingLink(mine.toPeer(), mine.fromPeer(), "a", TIMEOUT, () -> true, () -> "", () -> { });
        RingLink b = new RingLink(theirs.toPeer(), theirs.fromPeer(), "b", TIMEOUT, () -> true, () -> "", () -> { });
        CompletableFuture<Long> peer = CompletableFuture.supplyAsync(() -> {
            try {
                return Peer.serve(b, Peer.Role.ECHO, 5000, 1, new byte[16]);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        ByteBuffer back = ByteBuffer.allocateDirect(5000);
        assertEquals(Messages.HELLO, a.receive(back));
        ByteBuffer msg = Messages.payload(5000);
        long seq = 0;
        for (int length : List.of(1, 128, 129, 1025, 5000)) {
            msg.limit(length);
            Messages.stamp(msg, seq);
            a.send(Messages.DATA, msg);
            assertEquals(Messages.DATA, a.receive(back));
            Messages.check(back, length, seq, "a");
            seq++;
        }
        a.send(Messages.END, Messages.longMessage(ByteBuffer.allocate(8), seq));
        assertEquals(Messages.FIN, a.receive(back));
        assertEquals(seq, Messages.longOf(back, "a"));
        assertEquals(seq, peer.get());
    }

    @Test
    void aStalledRingPeerFailsABoundedWait() throws Exception {
        SharedRing mine = SharedRing.create(1024);
        mine.unlink();
        RingLink a = new RingLink(mine.toPeer(), mine.fromPeer(), "a", Duration.ofMillis(300), () -> true,
                () -> "stalled on purpose", () -> { });
        ByteBuffer msg = Messages.payload(4096); // more than the ring: nobody reads, so it cannot all go
        ChannelException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ChannelException.class, () -> a.send(Messages.DATA, msg)));
        assertTrue(e.getMessage().contains("no progress"), e.getMessage());
        ChannelException r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ChannelException.class, () -> a.receive(msg)));
        assertTrue(r.getMessage().contains("stalled"), r.getMessage());
    }

    @Test
    void aStalledStreamPeerFailsABoundedWait() throws Exception {
        java.nio.channels.Pipe p = java.nio.channels.Pipe.open();
        java.nio.channels.Pipe q = java.nio.channels.Pipe.open();
        StreamLink a = new StreamLink(p.source(), q.sink(), "a", Duration.ofMillis(300), Integer.MAX_VALUE,
                () -> "stalled on purpose", () -> { });
        ChannelException r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ChannelException.class, () -> a.receive(ByteBuffer.allocateDirect(64))));
        assertTrue(r.getMessage().contains("no progress"), r.getMessage());
        a.close();
        p.sink().close();
        q.source().close();
    }

    @Test
    void aStalledThreadPeerFailsABoundedWait() {
        InJvmLink[] pair = InJvmLink.pair("in-jvm", Duration.ofMillis(300));
        ChannelException r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ChannelException.class, () -> pair[0].receive(ByteBuffer.allocateDirect(64))));
        assertTrue(r.getMessage().contains("no progress"), r.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ChannelKind.class, names = {"PIPE", "TCP", "SHARED_MEMORY_RING"})
    void aKilledPeerFailsTheNextCallAtOnce(ChannelKind kind) throws Exception {
        Process child;
        try (Session s = Session.open(echo(kind, 1 << 20))) {
            child = s.child();
            s.pingPong(1000);
            child.destroyForcibly().waitFor();
            ChannelException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(ChannelException.class, () -> {
                        for (int i = 0; i < 10; i++) {
                            s.pingPong(1 << 20);
                        }
                    }));
            assertTrue(e.getMessage().contains("pid " + child.pid()), e.getMessage());
        }
        assertGone(child);
    }

    @Test
    void ringFilesOfADeadOwnerAreSweptAndNothingElse() throws IOException {
        Path dir = SharedRing.directory();
        String uuid = "-01234567-89ab-cdef-0123-456789abcdef";
        Path dead = Files.createFile(dir.resolve(SharedRing.PREFIX + "00000000deadbeef" + uuid));
        Path mine = Files.createFile(dir.resolve(SharedRing.PREFIX + dev.parbench.remote.Owners.id(dir) + uuid));
        Path target = Files.createTempFile("parbench-ring-target", ".txt");
        Path link = Files.createSymbolicLink(dir.resolve(SharedRing.PREFIX + "00000000deadbee0" + uuid), target);
        try {
            SharedRing.removeOrphans();
            assertFalse(Files.exists(dead), "a dead owner's ring file is swept");
            assertTrue(Files.exists(mine), "a live owner's is kept");
            assertTrue(Files.isSymbolicLink(link) && Files.exists(target), "a link is neither followed nor removed");
        } finally {
            Files.deleteIfExists(dead);
            Files.deleteIfExists(mine);
            Files.deleteIfExists(link);
            Files.deleteIfExists(target);
        }
    }

    private static void assertGone(Process child) throws IOException {
        if (child != null) {
            assertFalse(child.isAlive(), "the child JVM is gone after close");
        }
        assertEquals(0, SharedRing.liveFiles(), "no ring file has a name after close");
        String mine = SharedRing.PREFIX + dev.parbench.remote.Owners.id(SharedRing.directory()) + "-";
        try (Stream<Path> s = Files.list(SharedRing.directory())) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(mine)).toList());
        }
    }
}
