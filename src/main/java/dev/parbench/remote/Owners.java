package dev.parbench.remote;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who owns a parbench file, and whether that owner still runs: a lock held by the owner, not a pid.
 *
 * <p>The first time a JVM makes files in a directory it creates there an owner file {@code parbench-owner-<id>}
 * ({@code <id>}: 16 random hex digits, owner-only permissions), takes an exclusive {@link FileChannel#lock() lock}
 * on it and keeps it until it exits; every file or folder it then makes in that directory carries {@code <id>} in
 * its name. The kernel drops the lock when the owner dies, however it dies (SIGKILL included), so "the owner file is
 * gone, or it can be locked" means "the owner is dead". Unlike a pid, this holds across pid namespaces (two
 * containers that share the directory see the same lock) and cannot be fooled by a pid reused by another process.
 * The owner file is made under a temporary name, locked, then renamed into place, so nobody ever sees it unlocked
 * while its owner lives. A shutdown hook removes this JVM's owner files on an orderly exit.
 */
public final class Owners {
    /** An owner id as it appears in names. */
    public static final String ID = "[0-9a-f]{16}";
    static final String PREFIX = "parbench-owner-";
    /** An owner file's name; group 1 is the id. */
    static final Pattern OWNER_FILE = Pattern.compile(Pattern.quote(PREFIX) + "(" + ID + ")");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Path, Held> MINE = new ConcurrentHashMap<>();

    /** This JVM's owner file in one directory, its lock (held until exit), and its owner (the current user). */
    private record Held(String id, Path file, FileChannel channel, FileLock lock, UserPrincipal user) {
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MINE.values().forEach(h -> {
            try {
                Files.deleteIfExists(h.file());
            } catch (IOException ignored) {
                // a later sweep removes it: its lock is gone with this JVM
            }
        }), "parbench-owner-cleanup"));
    }

    private Owners() {
    }

    /** This JVM's owner id in {@code dir} (made and locked on first use). */
    public static String id(Path dir) throws IOException {
        return held(dir).id();
    }

    /** The user this JVM's files belong to (the owner of its owner file in {@code dir}). */
    static UserPrincipal user(Path dir) throws IOException {
        Held h = MINE.get(dir.toAbsolutePath().normalize());
        if (h != null) {
            return h.user();
        }
        // Not an owner here (a worker sweeping after its dead master, a run's first sweep): asking must not make an
        // owner file, which a worker that halts next would leave behind. /proc/self belongs to this process's user.
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self)) {
            return Files.getOwner(self);
        }
        return held(dir).user();
    }

    private static Held held(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        Held h = MINE.get(key);
        if (h != null) {
            return h;
        }
        synchronized (MINE) {
            h = MINE.get(key);
            if (h == null) {
                h = create(key);
                MINE.put(key, h);
            }
            return h;
        }
    }

    private static Held create(Path dir) throws IOException {
        while (true) {
            byte[] r = new byte[8];
            RANDOM.nextBytes(r);
            String id = HexFormat.of().formatHex(r);
            Path temp = dir.resolve(PREFIX + id + ".new");
            Path file = dir.resolve(PREFIX + id);
            FileChannel ch;
            try {
                ch = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try {
                FileLock lock = ch.lock();
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(temp);
                    ch.close();
                    continue; // an id clash: draw again
                }
                Files.move(temp, file); // a rename: the lock stays on the file
                UserPrincipal user = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .owner();
                return new Held(id, file, ch, lock, user);
            } catch (IOException | RuntimeException e) {
                ch.close();
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }

    /**
     * Whether the owner {@code id} of files in {@code dir} is dead: its owner file is gone, or can be locked. An
     * owner file that is not a regular file of the current user, or that cannot be opened, counts as alive (its
     * files are left alone). This JVM's own id is always alive.
     */
    static boolean dead(Path dir, String id) throws IOException {
        Held mine = MINE.get(dir.toAbsolutePath().normalize());
        if (mine != null && mine.id().equals(id)) {
            return false;
        }
        Path file = dir.resolve(PREFIX + id);
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return true;
        }
        if (!a.isRegularFile() || !a.owner().equals(user(dir))) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held in this JVM
        } catch (IOException e) {
            return false;
        }
    }
}
