package dev.parbench.channel;

import dev.parbench.remote.Leftovers;
import dev.parbench.remote.Owners;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The shared memory file of a {@code shared-memory-ring} channel: two rings of {@code capacity} bytes (a power of
 * two) plus Agrona's trailer, the first carrying messages from the creator to the peer, the second back. Made under
 * /dev/shm where it exists (else the temporary directory) with owner-only permissions, in a name that carries the
 * creating JVM's owner id ({@link Owners}: a lock it holds while it lives, not a pid). The creator removes it as
 * soon as the peer has mapped it (mappings need no name), else at close; a shutdown hook removes any left by a
 * crash, and a JVM killed before its hook ran has its files removed by the next JVM that makes one
 * ({@link Leftovers}: only the current user's files of this exact name, of a dead owner, never through a link).
 */
final class SharedRing {
    static final String PREFIX = "parbench-ring-";
    /** A ring file's name as {@link #create} makes it: the owner id ({@link Owners}), then a random UUID. */
    static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(" + Owners.ID
            + ")-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FILES.forEach(SharedRing::removeQuietly),
                "parbench-ring-reaper"));
        removeOrphans();
    }

    /** After the two rings: two flag words on their own cache lines, "the creator sleeps" and "the peer sleeps". */
    static final int FLAGS = 128;

    private final Path file;
    private final OneToOneRingBuffer toPeer;
    private final OneToOneRingBuffer fromPeer;
    private final UnsafeBuffer flags;
    private final boolean creator;

    private SharedRing(Path file, MappedByteBuffer map, int capacity, boolean creator) {
        this.file = file;
        this.creator = creator;
        int half = capacity + RingBufferDescriptor.TRAILER_LENGTH;
        OneToOneRingBuffer first = new OneToOneRingBuffer(new UnsafeBuffer(map, 0, half));
        OneToOneRingBuffer second = new OneToOneRingBuffer(new UnsafeBuffer(map, half, half));
        this.toPeer = creator ? first : second;
        this.fromPeer = creator ? second : first;
        this.flags = new UnsafeBuffer(map, 2 * half, FLAGS);
    }

    /** The flag words (see {@link RingLink.Doorbell}). */
    UnsafeBuffer flags() {
        return flags;
    }

    /** Offset of the flag this side sets when it sleeps on {@link #fromPeer}. */
    int mySleepFlag() {
        return creator ? 0 : 64;
    }

    /** Offset of the flag the other side sets when it sleeps on {@link #toPeer}. */
    int peerSleepFlag() {
        return creator ? 64 : 0;
    }

    /** The directory for shared memory files: /dev/shm if it is there and writable, else the temporary directory. */
    static Path directory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Creates and maps a new file of two rings of {@code capacity} bytes each (a power of two, >= 1 KiB). */
    static SharedRing create(int capacity) throws IOException {
        if (Integer.bitCount(capacity) != 1 || capacity < 1024) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 1024, got " + capacity);
        }
        Path file = directory().resolve(PREFIX + Owners.id(directory()) + "-" + UUID.randomUUID());
        FILES.add(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            long size = 2L * (capacity + RingBufferDescriptor.TRAILER_LENGTH) + FLAGS;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                return new SharedRing(file, map, capacity, true);
            }
        } catch (IOException | RuntimeException e) {
            removeQuietly(file);
            throw e;
        }
    }

    /** Maps a file another JVM made ({@link #create}), as its peer. */
    static SharedRing open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long half = (size - FLAGS) / 2;
            int capacity = (int) (half - RingBufferDescriptor.TRAILER_LENGTH);
            if ((size - FLAGS) % 2 != 0 || capacity < 1024 || Integer.bitCount(capacity) != 1) {
                throw new IOException(file + " is not a parbench ring file (" + size + " bytes)");
            }
            return new SharedRing(null, ch.map(FileChannel.MapMode.READ_WRITE, 0, size), capacity, false);
        }
    }

    Path file() {
        return file;
    }

    OneToOneRingBuffer toPeer() {
        return toPeer;
    }

    OneToOneRingBuffer fromPeer() {
        return fromPeer;
    }

    /** Removes the file (the creator's; the mappings stay valid). */
    void unlink() {
        if (file != null) {
            removeQuietly(file);
        }
    }

    /** Ring files this JVM made that still have a name (for tests: zero after every session closed). */
    static int liveFiles() {
        return FILES.size();
    }

    private static void removeQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort
        }
        FILES.remove(f);
    }

    /** Removes ring files whose owner is dead (killed before its shutdown hook could run); see {@link Leftovers}. */
    static void removeOrphans() {
        Leftovers.sweepFiles(directory(), NAME);
    }
}
