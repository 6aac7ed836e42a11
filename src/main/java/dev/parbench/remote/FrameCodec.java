package dev.parbench.remote;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.WorkloadKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Encodes and decodes {@link Frame}s. Layout, all little-endian:
 * <pre>
 *   header  : magic i32 'PBWF' | version u8 | type u8 | reserved u16 (0) | payload length i32
 *   payload : type-specific fields; bulk arrays as  kind u8 (1 long, 2 double) | count i32 | 8*count raw bytes
 *   task    : workload id (u8 length + ASCII, e.g. "sum") | kernel id (u8 length + ASCII, "scalar" or "simd")
 *             | size i32 | seed i64 | fromBlock i32 | toBlock i32
 *   PING    : t0 i64;  PONG: t0 i64 | t1 i64 | t2 i64;  TRACE: request id i64 | received i64 | decoded i64
 *             | computed i64  (clock pings and per-request trace stamps of the timeline command; only after
 *             authentication, since a pre-auth codec accepts AUTH alone, and only when the master pings)
 *   MAP_STORE: request id i64 | dataset id i64 | task | file count u8 | file names (u8 length + ASCII each)
 *   COUNT: request id i64 | increments i64 | workers i32 | atomic u8 | file name (u8 length + ASCII)
 * </pre>
 * Every length (payload, array count, string) is checked against what the frame and the {@link WireLimits} allow
 * before anything is allocated, and a frame must be consumed exactly. Arrays move through one direct buffer per
 * codec (1 MiB, or less when the limit is smaller), so a codec instance serves one reading thread and one writing
 * thread at most once each (use two codecs for a duplex link).
 *
 * <p>A codec may also accept only some frame types ({@link #preAuth()}: AUTH only): any other type is a
 * {@link WireException} as soon as the 12-byte header is read, before the payload is touched.
 */
public final class FrameCodec {
    public static final int MAGIC = 0x46574250; // bytes 'P' 'B' 'W' 'F' in little-endian order
    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 12;
    static final int MAX_ARRAYS = 8;
    static final int MAX_STRING_BYTES = 8192;
    static final int MAX_TOKEN_BYTES = 64;
    /** Longest workload, kernel or shared-memory file id on the wire. */
    static final int MAX_ID_BYTES = 64;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final int MIN_BUFFER_BYTES = 128;

    private final WireLimits limits;
    /** Frame types this codec decodes; null: all. */
    private final Set<Frame.Type> accepted;
    /** Sized by the limit: no frame this codec handles is larger, so nothing bigger is worth allocating. */
    private final ByteBuffer buf;
    private long remaining;
    /** Arrays of the last RUN frame, reused by the next one of the same shape (null: always allocate). */
    private final Object[] runArrays;
    private boolean reuseNow;
    /** Whether {@link #read} notes when each frame's header arrived (traced connections only). */
    private boolean stampHeaders;
    private long headerNanos;
    /** Header and payload of the last frame {@link #read} returned. */
    private long lastFrameBytes;

    public FrameCodec(WireLimits limits) {
        this(limits, false);
    }

    /**
     * {@code reuseRunArrays}: decode the arrays of each {@link Frame.Run} into the arrays of the previous RUN frame
     * when their kinds and lengths match. A worker serves one request at a time and is done with the previous
     * slice before it reads the next, so it need not allocate (and zero, and page in, and collect) hundreds of MiB
     * per operation. Never used for STORE frames, whose arrays are kept.
     */
    public FrameCodec(WireLimits limits, boolean reuseRunArrays) {
        this(limits, reuseRunArrays, null);
    }

    private FrameCodec(WireLimits limits, boolean reuseRunArrays, Set<Frame.Type> accepted) {
        this.limits = limits;
        this.runArrays = reuseRunArrays ? new Object[MAX_ARRAYS] : null;
        this.accepted = accepted == null ? null : EnumSet.copyOf(accepted);
        int capacity = (int) Math.min(BUFFER_BYTES, Math.max(MIN_BUFFER_BYTES, limits.maxFrameBytes() + HEADER_BYTES));
        this.buf = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * What a worker reads from a peer that has not authenticated: AUTH frames of at most
     * {@link WireLimits#PRE_AUTH_MAX_FRAME_BYTES} bytes. Any other type, or a larger length, fails on the header.
     */
    public static FrameCodec preAuth() {
        return new FrameCodec(WireLimits.preAuth(), false, EnumSet.of(Frame.Type.AUTH));
    }

    /**
     * What a master reads from a worker before its READY: CHALLENGE, READY or ERROR frames of at most
     * {@link WireLimits#HANDSHAKE_MAX_FRAME_BYTES} bytes. Any other type, or a larger length, fails on the header.
     */
    public static FrameCodec handshake() {
        return new FrameCodec(WireLimits.handshake(), false,
                EnumSet.of(Frame.Type.CHALLENGE, Frame.Type.READY, Frame.Type.ERROR));
    }

    /** From now on, {@link #lastHeaderNanos()} says when the last frame's 12-byte header had arrived. */
    void stampHeaders() {
        stampHeaders = true;
    }

    /** {@code System.nanoTime()} when the last frame's header had been read (only after {@link #stampHeaders()}). */
    long lastHeaderNanos() {
        return headerNanos;
    }

    /** The length on the wire (header and payload) of the last frame {@link #read} returned. */
    long lastFrameBytes() {
        return lastFrameBytes;
    }

    // ------------------------------------------------------------------ writing

    /** Writes one frame; returns its length on the wire (header and payload). */
    public long write(Frame f, WritableByteChannel ch) throws IOException {
        long payload = payloadBytes(f);
        if (payload > limits.maxFrameBytes() || payload > Integer.MAX_VALUE) {
            throw new WireException("frame of " + payload + " bytes exceeds the limit of " + limits.maxFrameBytes()
                    + " bytes (-Dparbench.wire.maxFrameBytes)");
        }
        buf.clear();
        buf.putInt(MAGIC).put((byte) VERSION).put((byte) f.type().code).putShort((short) 0).putInt((int) payload);
        switch (f) {
            case Frame.Challenge c -> putBytes(c.nonce(), ch);
            case Frame.Auth a -> putBytes(a.mac(), ch);
            case Frame.Ready r -> { }
            case Frame.Bye b -> { }
            case Frame.Run r -> {
                buf.putLong(r.requestId());
                putTask(r.task());
                putData(r.data(), ch);
            }
            case Frame.Store s -> {
                buf.putLong(s.requestId()).putLong(s.datasetId());
                putTask(s.task());
                putData(s.data(), ch);
            }
            case Frame.RunStored r -> buf.putLong(r.requestId()).putLong(r.datasetId());
            case Frame.MapStore m -> {
                buf.putLong(m.requestId()).putLong(m.datasetId());
                putTask(m.task());
                buf.put((byte) m.files().size());
                for (String name : m.files()) {
                    byte[] b = ascii(name);
                    buf.put((byte) b.length).put(b);
                }
            }
            case Frame.Count c -> {
                buf.putLong(c.requestId()).putLong(c.increments()).putInt(c.workers())
                        .put((byte) (c.atomic() ? 1 : 0));
                byte[] b = ascii(c.file());
                buf.put((byte) b.length).put(b);
            }
            case Frame.Result r -> {
                buf.putLong(r.requestId()).putLong(r.partial());
                putData(r.data(), ch);
            }
            case Frame.Error e -> {
                buf.putLong(e.requestId());
                putBytes(truncate(e.message()), ch);
            }
            case Frame.Ping p -> buf.putLong(p.t0());
            case Frame.Pong p -> buf.putLong(p.t0()).putLong(p.t1()).putLong(p.t2());
            case Frame.Trace t -> buf.putLong(t.requestId()).putLong(t.received()).putLong(t.decoded())
                    .putLong(t.computed());
        }
        flush(ch);
        return HEADER_BYTES + payload;
    }

    private static long payloadBytes(Frame f) {
        return switch (f) {
            case Frame.Challenge c -> 2 + c.nonce().length;
            case Frame.Auth a -> 2 + a.mac().length;
            case Frame.Ready r -> 0;
            case Frame.Bye b -> 0;
            case Frame.Run r -> 8 + taskBytes(r.task()) + 1 + r.data().bytes();
            case Frame.Store s -> 16 + taskBytes(s.task()) + 1 + s.data().bytes();
            case Frame.RunStored r -> 16;
            case Frame.Count c -> 8 + 8 + 4 + 1 + 1 + ascii(c.file()).length;
            case Frame.MapStore m -> 16 + taskBytes(m.task()) + 1
                    + m.files().stream().mapToLong(n -> 1 + ascii(n).length).sum();
            case Frame.Result r -> 16 + 1 + r.data().bytes();
            case Frame.Error e -> 8 + 2 + truncate(e.message()).length;
            case Frame.Ping p -> 8;
            case Frame.Pong p -> 24;
            case Frame.Trace t -> 32;
        };
    }

    /** The fixed part of a task after its two ids. */
    private static final int TASK_FIXED_BYTES = 4 + 8 + 4 + 4;

    private static int taskBytes(RemoteTask t) {
        return 1 + ascii(t.workload().id()).length + 1 + ascii(t.kernel().id()).length + TASK_FIXED_BYTES;
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] truncate(String message) {
        byte[] b = (message == null ? "" : message).getBytes(StandardCharsets.UTF_8);
        return b.length <= MAX_STRING_BYTES ? b : java.util.Arrays.copyOf(b, MAX_STRING_BYTES);
    }

    private void putBytes(byte[] b, WritableByteChannel ch) throws IOException {
        room(2 + b.length, ch);
        buf.putShort((short) b.length).put(b);
    }

    private void putTask(RemoteTask t) {
        byte[] w = ascii(t.workload().id());
        byte[] k = ascii(t.kernel().id());
        buf.put((byte) w.length).put(w).put((byte) k.length).put(k)
                .putInt(t.size()).putLong(t.seed()).putInt(t.fromBlock()).putInt(t.toBlock());
    }

    private void putData(Frame.Data d, WritableByteChannel ch) throws IOException {
        if (d.slices().size() > MAX_ARRAYS) {
            throw new WireException("a frame carries at most " + MAX_ARRAYS + " arrays");
        }
        room(1, ch);
        buf.put((byte) d.slices().size());
        for (Frame.Slice s : d.slices()) {
            room(5, ch);
            switch (s) {
                case Frame.Slice.Longs l -> {
                    buf.put((byte) 1).putInt(l.length());
                    putChunks(l.length(), ch, (done, n) -> buf.asLongBuffer().put(l.array(), l.offset() + done, n));
                }
                case Frame.Slice.Doubles v -> {
                    buf.put((byte) 2).putInt(v.length());
                    putChunks(v.length(), ch, (done, n) -> buf.asDoubleBuffer().put(v.array(), v.offset() + done, n));
                }
            }
        }
    }

    /** Moves {@code count} elements between an array and the buffer in buffer-sized chunks (offset, length). */
    @FunctionalInterface
    private interface Chunk {
        void copy(int done, int n);
    }

    /** Writes {@code count} 8-byte elements through the buffer, flushing it whenever it is full. */
    private void putChunks(int count, WritableByteChannel ch, Chunk chunk) throws IOException {
        int done = 0;
        while (done < count) {
            room(8, ch);
            int n = Math.min(count - done, buf.remaining() / 8);
            chunk.copy(done, n);
            buf.position(buf.position() + 8 * n);
            done += n;
        }
    }

    /** Reads {@code count} 8-byte elements of the frame through the buffer, a chunk at a time. */
    private void takeChunks(ReadableByteChannel ch, int count, Chunk chunk) throws IOException {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, buf.capacity() / 8);
            take(ch, 8 * n, "array");
            chunk.copy(done, n);
            done += n;
        }
    }

    private void room(int bytes, WritableByteChannel ch) throws IOException {
        if (buf.remaining() < bytes) {
            flush(ch);
        }
    }

    private void flush(WritableByteChannel ch) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    // ------------------------------------------------------------------ reading

    /** The next frame, or null if the channel ended cleanly before a new frame began. */
    public Frame read(ReadableByteChannel ch) throws IOException {
        return read(ch, null);
    }

    /**
     * The next frame, or null if the channel ended cleanly before a new frame began. The arrays of a RESULT whose
     * request id {@code resultDestination} maps to a non-empty {@link Frame.Data} are decoded straight into that
     * data's slices (nothing allocated), and the frame carries that data; the RESULT must then carry exactly as many
     * arrays, each of the slice's kind and length, or it is a {@link WireException} (each array's header is checked
     * before any of its elements is written). Unknown ids, or a null function: fresh arrays, as always.
     */
    public Frame read(ReadableByteChannel ch, LongFunction<Frame.Data> resultDestination) throws IOException {
        buf.clear().limit(HEADER_BYTES);
        if (!fill(ch, true)) {
            return null;
        }
        if (stampHeaders) {
            headerNanos = System.nanoTime();
        }
        buf.flip();
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw new WireException(String.format("bad magic 0x%08x (not a parbench frame)", magic));
        }
        int version = buf.get() & 0xFF;
        if (version != VERSION) {
            throw new WireException("unsupported protocol version " + version + " (this side speaks " + VERSION + ")");
        }
        int code = buf.get() & 0xFF;
        Frame.Type type = Frame.Type.of(code);
        if (type == null) {
            throw new WireException("unknown frame type " + code);
        }
        if (accepted != null && !accepted.contains(type)) {
            throw new WireException("unexpected " + type + " frame (expected " + accepted + ")");
        }
        buf.getShort();
        long length = buf.getInt() & 0xFFFFFFFFL;
        if (length > limits.maxFrameBytes()) {
            throw new WireException("frame of " + length + " bytes exceeds the limit of " + limits.maxFrameBytes()
                    + " bytes");
        }
        remaining = length;
        lastFrameBytes = HEADER_BYTES + length;
        Frame f = switch (type) {
            case CHALLENGE -> new Frame.Challenge(bytes(ch, MAX_TOKEN_BYTES, "nonce"));
            case AUTH -> new Frame.Auth(bytes(ch, MAX_TOKEN_BYTES, "mac"));
            case READY -> new Frame.Ready();
            case BYE -> new Frame.Bye();
            case RUN -> {
                long id = getLong(ch);
                RemoteTask task = task(ch);
                reuseNow = runArrays != null;
                try {
                    yield new Frame.Run(id, task, data(ch));
                } finally {
                    reuseNow = false;
                }
            }
            case STORE -> new Frame.Store(getLong(ch), getLong(ch), task(ch), data(ch));
            case RUN_STORED -> new Frame.RunStored(getLong(ch), getLong(ch));
            case MAP_STORE -> {
                long id = getLong(ch);
                long dataset = getLong(ch);
                RemoteTask task = task(ch);
                take(ch, 1, "file count");
                int count = buf.get() & 0xFF;
                if (count > MAX_ARRAYS) {
                    throw new WireException(count + " files in a frame (at most " + MAX_ARRAYS + ")");
                }
                List<String> files = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    files.add(id(ch, "file"));
                }
                yield new Frame.MapStore(id, dataset, task, files);
            }
            case COUNT -> {
                long id = getLong(ch);
                long increments = getLong(ch);
                take(ch, 5, "count fields");
                int workers = buf.getInt();
                int atomic = buf.get() & 0xFF;
                if (increments < 0 || workers < 1 || workers > 1024 || atomic > 1) {
                    throw new WireException("bad COUNT: " + increments + " increments, " + workers + " workers, "
                            + "atomic " + atomic);
                }
                yield new Frame.Count(id, id(ch, "file"), increments, workers, atomic == 1);
            }
            case RESULT -> {
                long id = getLong(ch);
                long partial = getLong(ch);
                Frame.Data into = resultDestination == null ? null : resultDestination.apply(id);
                yield new Frame.Result(id, partial, into == null || into.slices().isEmpty() ? data(ch)
                        : dataInto(ch, into));
            }
            case ERROR -> new Frame.Error(getLong(ch),
                    new String(bytes(ch, MAX_STRING_BYTES, "message"), StandardCharsets.UTF_8));
            case PING -> new Frame.Ping(getLong(ch));
            case PONG -> new Frame.Pong(getLong(ch), getLong(ch), getLong(ch));
            case TRACE -> new Frame.Trace(getLong(ch), getLong(ch), getLong(ch), getLong(ch));
        };
        if (remaining != 0) {
            throw new WireException(type + " frame has " + remaining + " bytes more than its fields");
        }
        return f;
    }

    private RemoteTask task(ReadableByteChannel ch) throws IOException {
        String w = id(ch, "workload");
        String k = id(ch, "kernel");
        take(ch, TASK_FIXED_BYTES, "task");
        int size = buf.getInt();
        long seed = buf.getLong();
        int from = buf.getInt();
        int to = buf.getInt();
        try {
            return new RemoteTask(WorkloadKind.fromId(w), Kernel.fromId(k), size, seed, from, to);
        } catch (IllegalArgumentException e) {
            throw new WireException(e.getMessage());
        }
    }

    /** A short ASCII id: u8 length, then the bytes. */
    private String id(ReadableByteChannel ch, String what) throws IOException {
        take(ch, 1, what + " id length");
        int n = buf.get() & 0xFF;
        if (n > MAX_ID_BYTES) {
            throw new WireException(what + " id of " + n + " bytes is too long");
        }
        take(ch, n, what + " id");
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private Frame.Data data(ReadableByteChannel ch) throws IOException {
        take(ch, 1, "array count");
        int count = buf.get() & 0xFF;
        if (count > MAX_ARRAYS) {
            throw new WireException(count + " arrays in a frame (at most " + MAX_ARRAYS + ")");
        }
        List<Frame.Slice> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            take(ch, 5, "array header");
            int kind = buf.get() & 0xFF;
            int n = buf.getInt();
            if (kind != 1 && kind != 2) {
                throw new WireException("unknown array kind " + kind);
            }
            if (n < 0 || 8L * n > remaining) {
                throw new WireException("array of " + n + " elements does not fit in the " + remaining
                        + " bytes left in the frame");
            }
            if (kind == 1) {
                long[] a = reuseNow && runArrays[i] instanceof long[] old && old.length == n ? old : new long[n];
                takeChunks(ch, n, (done, k) -> buf.asLongBuffer().get(a, done, k));
                slices.add(Frame.Slice.Longs.of(a));
                if (reuseNow) {
                    runArrays[i] = a;
                }
            } else {
                double[] a = reuseNow && runArrays[i] instanceof double[] old && old.length == n ? old : new double[n];
                takeChunks(ch, n, (done, k) -> buf.asDoubleBuffer().get(a, done, k));
                slices.add(Frame.Slice.Doubles.of(a));
                if (reuseNow) {
                    runArrays[i] = a;
                }
            }
        }
        return new Frame.Data(slices);
    }

    /** Decodes a frame's arrays into {@code into}'s slices, which they must match one for one. */
    private Frame.Data dataInto(ReadableByteChannel ch, Frame.Data into) throws IOException {
        take(ch, 1, "array count");
        int count = buf.get() & 0xFF;
        if (count != into.slices().size()) {
            throw new WireException(count + " arrays in a result, expected " + into.slices().size());
        }
        for (int i = 0; i < count; i++) {
            take(ch, 5, "array header");
            int kind = buf.get() & 0xFF;
            int n = buf.getInt();
            Frame.Slice s = into.slices().get(i);
            int expectedKind = s instanceof Frame.Slice.Longs ? 1 : 2;
            if (kind != expectedKind || n != s.length()) {
                throw new WireException("result array " + i + " is " + describe(kind, n) + ", expected "
                        + describe(expectedKind, s.length()));
            }
            if (8L * n > remaining) {
                throw new WireException("array of " + n + " elements does not fit in the " + remaining
                        + " bytes left in the frame");
            }
            switch (s) {
                case Frame.Slice.Longs l -> takeChunks(ch, n,
                        (done, k) -> buf.asLongBuffer().get(l.array(), l.offset() + done, k));
                case Frame.Slice.Doubles d -> takeChunks(ch, n,
                        (done, k) -> buf.asDoubleBuffer().get(d.array(), d.offset() + done, k));
            }
        }
        return into;
    }

    private static String describe(int kind, int n) {
        return (kind == 1 ? "long" : kind == 2 ? "double" : "kind " + kind) + "[" + n + "]";
    }

    private byte[] bytes(ReadableByteChannel ch, int max, String what) throws IOException {
        take(ch, 2, what + " length");
        int n = buf.getShort() & 0xFFFF;
        if (n > max || n > remaining) {
            throw new WireException(what + " of " + n + " bytes is too long");
        }
        take(ch, n, what);
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    private long getLong(ReadableByteChannel ch) throws IOException {
        take(ch, 8, "field");
        return buf.getLong();
    }

    /** Reads exactly {@code n} payload bytes into the buffer (positioned at 0) after checking the frame has them. */
    private void take(ReadableByteChannel ch, int n, String what) throws IOException {
        if (n > remaining) {
            throw new WireException("frame too short: " + what + " needs " + n + " bytes, " + remaining + " left");
        }
        buf.clear().limit(n);
        fill(ch, false);
        buf.flip();
        remaining -= n;
    }

    /** Fills the buffer to its limit. Returns false on a clean end of stream before any byte (only if allowed). */
    private boolean fill(ReadableByteChannel ch, boolean eofAllowedAtStart) throws IOException {
        boolean any = false;
        while (buf.hasRemaining()) {
            int r = ch.read(buf);
            if (r < 0) {
                if (!any && eofAllowedAtStart) {
                    return false;
                }
                throw new WireException("truncated frame: the stream ended " + buf.remaining() + " bytes short");
            }
            any |= r > 0;
        }
        return true;
    }
}
