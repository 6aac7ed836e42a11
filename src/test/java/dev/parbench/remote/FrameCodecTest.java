package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.WorkloadKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    static final WireLimits LIMITS = new WireLimits(1 << 20);

    static byte[] encode(Frame f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameCodec(new WireLimits(1L << 30)).write(f, Channels.newChannel(out));
        return out.toByteArray();
    }

    static Frame decode(byte[] bytes, WireLimits limits) throws IOException {
        return new FrameCodec(limits).read(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }

    static final RemoteTask TASK = new RemoteTask(WorkloadKind.VECTOR_ADD, Kernel.SIMD, 10_000, -7L, 1, 3);

    static List<Frame> everyType() {
        long[] longs = {1, -2, Long.MAX_VALUE, Long.MIN_VALUE};
        double[] doubles = {0.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e-300};
        return List.of(new Frame.Challenge(new byte[32]), new Frame.Auth(new byte[] {1, 2, 3}), new Frame.Ready(),
                new Frame.Run(42, TASK, Frame.Data.of(Frame.Slice.Longs.of(longs), Frame.Slice.Doubles.of(doubles))),
                new Frame.Store(43, 9, TASK, Frame.Data.of(new Frame.Slice.Doubles(doubles, 1, 3))),
                new Frame.RunStored(44, 9), new Frame.Result(45, Long.MIN_VALUE, Frame.Data.NONE),
                new Frame.Result(46, 12, Frame.Data.of(Frame.Slice.Doubles.of(new double[0]))),
                new Frame.Error(47, "boom: ünïcödé"), new Frame.Bye(),
                new Frame.MapStore(48, 10, TASK, List.of("parbench-shm-1-0123456789abcdef-in0",
                        "parbench-shm-1-0123456789abcdef-out0")),
                new Frame.Count(49, "parbench-shm-1-0123456789abcdef-counter", 1 << 20, 4, true));
    }

    @Test
    void everyFrameTypeRoundTrips() throws IOException {
        for (Frame f : everyType()) {
            Frame back = decode(encode(f), LIMITS);
            switch (f) {
                case Frame.Challenge c -> assertArrayEquals(c.nonce(), ((Frame.Challenge) back).nonce());
                case Frame.Auth a -> assertArrayEquals(a.mac(), ((Frame.Auth) back).mac());
                case Frame.Store s -> {
                    Frame.Store b = (Frame.Store) back;
                    assertEquals(s.task(), b.task());
                    assertEquals(s.datasetId(), b.datasetId());
                    // a slice [1, 4) of the sender's array arrives as a whole array of 3
                    assertArrayEquals(Arrays.copyOfRange(((Frame.Slice.Doubles) s.data().slices().get(0)).array(), 1,
                            4), b.data().doubles(0));
                }
                default -> assertEquals(f, back, f.type().toString());
            }
        }
    }

    @Test
    void bulkArraysAreRawLittleEndian() throws IOException {
        byte[] bytes = encode(new Frame.Result(1, 2, Frame.Data.of(Frame.Slice.Longs.of(new long[] {0x0102030405060708L}))));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameCodec.MAGIC, b.getInt());
        assertEquals("PBWF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0x08, bytes[bytes.length - 8]); // least significant byte first
        assertEquals(0x01, bytes[bytes.length - 1]);
    }

    @Test
    void largeArraysCrossTheBufferBoundary() throws IOException {
        long[] big = new SplittableRandom(1).longs(300_000).toArray(); // 2.4 MB > the 1 MiB buffer
        Frame.Result back = (Frame.Result) decode(encode(new Frame.Result(1, 2,
                Frame.Data.of(Frame.Slice.Longs.of(big)))), new WireLimits(1L << 30));
        assertArrayEquals(big, back.data().longs(0));
    }

    @Test
    void severalFramesInOneStreamAndCleanEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec w = new FrameCodec(LIMITS);
        for (Frame f : everyType()) {
            w.write(f, Channels.newChannel(out));
        }
        var in = Channels.newChannel(new ByteArrayInputStream(out.toByteArray()));
        FrameCodec r = new FrameCodec(LIMITS);
        for (Frame f : everyType()) {
            assertEquals(f.type(), r.read(in).type());
        }
        assertNull(r.read(in), "clean end of stream between frames");
    }

    private static void assertBad(byte[] bytes, String expected) {
        WireException e = assertThrows(WireException.class, () -> decode(bytes, LIMITS));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void truncatedFrame() throws IOException {
        byte[] whole = encode(everyType().get(3));
        for (int cut : new int[] {1, 5, 11, 12, 20, whole.length - 1}) {
            assertBad(Arrays.copyOf(whole, cut), "truncated");
        }
    }

    @Test
    void wrongMagicVersionTypeAndOversizedLength() throws IOException {
        byte[] f = encode(new Frame.RunStored(1, 2));
        byte[] magic = f.clone();
        magic[0] = 'X';
        assertBad(magic, "bad magic");
        byte[] version = f.clone();
        version[4] = 9;
        assertBad(version, "unsupported protocol version 9");
        byte[] type = f.clone();
        type[5] = 77;
        assertBad(type, "unknown frame type 77");
        byte[] length = f.clone();
        ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7FFFFFF0);
        assertBad(length, "exceeds the limit");
    }

    @Test
    void anArrayLongerThanItsFrameIsRefusedBeforeAllocation() throws IOException {
        byte[] f = encode(new Frame.Result(1, 2, Frame.Data.of(Frame.Slice.Longs.of(new long[] {1, 2}))));
        // the count field of the only array sits 8 bytes before the data (two longs = 16 bytes) + 4
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(f.length - 16 - 4, 200_000_000);
        assertBad(f, "does not fit");
    }

    @Test
    void trailingBytesInAFrameAreAnError() throws IOException {
        byte[] f = encode(new Frame.RunStored(1, 2));
        byte[] longer = Arrays.copyOf(f, f.length + 4);
        ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 16 + 4);
        assertBad(longer, "bytes more than its fields");
    }

    @Test
    void aWorkerCodecReusesRunArraysButNeverStoreArrays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec w = new FrameCodec(LIMITS);
        RemoteTask sum = new RemoteTask(WorkloadKind.SUM, Kernel.SIMD, 3, 0, 0, 1);
        w.write(new Frame.Run(1, sum, Frame.Data.of(Frame.Slice.Longs.of(new long[] {1, 2, 3}))), Channels.newChannel(out));
        w.write(new Frame.Run(2, sum, Frame.Data.of(Frame.Slice.Longs.of(new long[] {4, 5, 6}))), Channels.newChannel(out));
        w.write(new Frame.Store(3, 1, sum, Frame.Data.of(Frame.Slice.Longs.of(new long[] {7, 8, 9}))),
                Channels.newChannel(out));
        w.write(new Frame.Run(4, sum, Frame.Data.of(Frame.Slice.Longs.of(new long[] {10, 11, 12}))),
                Channels.newChannel(out));
        var in = Channels.newChannel(new ByteArrayInputStream(out.toByteArray()));
        FrameCodec r = new FrameCodec(LIMITS, true);
        long[] first = ((Frame.Run) r.read(in)).data().longs(0);
        long[] second = ((Frame.Run) r.read(in)).data().longs(0);
        assertTrue(first == second, "the second RUN reuses the first one's array");
        assertArrayEquals(new long[] {4, 5, 6}, second);
        long[] stored = ((Frame.Store) r.read(in)).data().longs(0);
        long[] third = ((Frame.Run) r.read(in)).data().longs(0);
        assertTrue(stored != third, "a stored slice is never overwritten by a later RUN");
        assertArrayEquals(new long[] {7, 8, 9}, stored);
        assertArrayEquals(new long[] {10, 11, 12}, third);
    }

    @Test
    void writerRefusesFramesOverTheLimit() {
        FrameCodec small = new FrameCodec(new WireLimits(1024));
        Frame big = new Frame.Result(1, 2, Frame.Data.of(Frame.Slice.Longs.of(new long[1000])));
        WireException e = assertThrows(WireException.class,
                () -> small.write(big, Channels.newChannel(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    /**
     * Bounded random-input test: random byte streams, and valid frames with random bytes flipped, never allocate
     * beyond the limit, never hang, and fail only with a WireException (or decode to a valid frame).
     */
    @Test
    void randomBytesNeverHangOrEscapeAsAnythingButWireException() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            SplittableRandom rnd = new SplittableRandom(2026);
            List<byte[]> valid = everyType().stream().map(f -> {
                try {
                    return encode(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            for (int i = 0; i < 20_000; i++) {
                byte[] input;
                if (i % 2 == 0) {
                    input = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(input);
                } else {
                    input = valid.get(rnd.nextInt(valid.size())).clone();
                    for (int k = rnd.nextInt(1, 4); k > 0; k--) {
                        input[rnd.nextInt(input.length)] = (byte) rnd.nextInt(256);
                    }
                }
                FrameFuzzTest.decodeAll(input);
            }
        });
    }

    // ------------------------------------------------------------- RESULT arrays into the caller's array

    private static Frame decodeInto(byte[] bytes, long id, Frame.Data into) throws IOException {
        return new FrameCodec(new WireLimits(1L << 30)).read(Channels.newChannel(new ByteArrayInputStream(bytes)),
                r -> r == id ? into : null);
    }

    @Test
    void aResultIsDecodedStraightIntoTheGivenSlice() throws IOException {
        double[] sent = new double[300_000]; // larger than the codec's buffer: several chunks
        Arrays.setAll(sent, i -> i * 0.5 - 7);
        double[] whole = new double[sent.length + 100];
        Arrays.fill(whole, -1);
        Frame.Slice.Doubles slot = new Frame.Slice.Doubles(whole, 60, sent.length);
        Frame.Data into = Frame.Data.of(slot);
        Frame.Result r = (Frame.Result) decodeInto(encode(new Frame.Result(5, 9,
                Frame.Data.of(Frame.Slice.Doubles.of(sent)))), 5, into);
        assertEquals(9, r.partial());
        assertTrue(r.data().slices().get(0) == slot, "the frame carries the destination, no fresh array");
        assertArrayEquals(sent, Arrays.copyOfRange(whole, 60, 60 + sent.length));
        for (int i : new int[] {0, 59, 60 + sent.length, whole.length - 1}) {
            assertEquals(-1, whole[i], "element " + i + " outside the slice untouched");
        }
        // another request id: fresh arrays, as before
        Frame.Result other = (Frame.Result) decodeInto(encode(new Frame.Result(6, 1,
                Frame.Data.of(Frame.Slice.Doubles.of(sent)))), 5, into);
        assertArrayEquals(sent, other.data().doubles(0));
    }

    @Test
    void aResultThatDoesNotFitItsDestinationIsAWireExceptionBeforeAnyWrite() throws IOException {
        double[] whole = new double[64];
        Arrays.fill(whole, -1);
        Frame.Data into = Frame.Data.of(new Frame.Slice.Doubles(whole, 8, 32));
        List<Frame.Data> wrong = List.of(
                Frame.Data.of(Frame.Slice.Doubles.of(new double[33])), // too long
                Frame.Data.of(Frame.Slice.Doubles.of(new double[31])), // too short
                Frame.Data.of(Frame.Slice.Longs.of(new long[32])), // wrong kind
                Frame.Data.NONE, // no array
                Frame.Data.of(Frame.Slice.Doubles.of(new double[32]), Frame.Slice.Doubles.of(new double[1])));
        for (Frame.Data d : wrong) {
            byte[] bytes = encode(new Frame.Result(3, 0, d));
            WireException e = assertThrows(WireException.class, () -> decodeInto(bytes, 3, into));
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
            for (double x : whole) {
                assertEquals(-1, x, "nothing written for " + e.getMessage());
            }
        }
    }

    @Test
    void vectorAddOutputLandsInTheWholeInputAtTheTasksOffset() throws IOException {
        dev.parbench.workload.VectorAdd w = new dev.parbench.workload.VectorAdd(Kernel.SCALAR);
        int size = 5 * dev.parbench.workload.VectorAdd.BLOCK + 123;
        dev.parbench.workload.VectorAdd.Input input = w.prepare(size, 42);
        int blocks = w.blocks(input);
        for (int[] range : List.of(new int[] {0, 2}, new int[] {2, blocks})) {
            RemoteTask task = RemoteTask.of(w, input, range[0], range[1]);
            Frame.Run run = (Frame.Run) decode(encode(new Frame.Run(7, task, task.slice(input))), LIMITS);
            Frame.Result computed = run.task().compute(7, run.task().localInput(run.data(), List.of()));
            Frame.Data into = task.outputDestination(input);
            Frame.Result back = (Frame.Result) decodeInto(encode(computed), 7, into);
            assertTrue(back.data() == into, "decoded into the destination");
            task.applyOutput(input, back.data(), into); // nothing left to copy
        }
        for (int i = 0; i < size; i++) {
            assertEquals(input.a()[i] + input.b()[i], input.c()[i], "c[" + i + "]");
        }
        assertEquals(w.oracle(input), w.run(input, 0, blocks));
    }
}
