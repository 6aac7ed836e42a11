package dev.parbench.remote;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shared-memory files of the {@code shared-memory} model: where they live ({@code /dev/shm} where it exists and
 * is writable, else {@code java.io.tmpdir}), how they are named ({@code parbench-shm-<owner id>-<random>-<role>},
 * the owner id of {@link Owners}), and that none outlives its owner: each is created owner-only ({@code rw-------})
 * and fresh (never an existing file), registered until deleted, deleted by the model when its trial ends or its
 * dataset is replaced, and by a shutdown hook on any orderly exit. A master killed with SIGKILL cannot run its hook:
 * its workers see their stdin end without a BYE and delete the files they had opened once the master's owner lock
 * is gone ({@link #afterMasterGone}), and every run and every shared-memory trial starts with a sweep of dead
 * owners' files ({@link Leftovers}). Workers only open files named by their master, by name (no directory part) in
 * {@link #directory()}; they never create any.
 */
public final class SharedFiles {
    static final String PREFIX = "parbench-shm-";
    /** A name as {@link #create} makes it: nothing that could leave the directory. */
    static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(" + Owners.ID
            + ")-[0-9a-f]{16}-[a-z0-9]{1,16}");
    /** Worker side: the files this worker opened, by name (its master's files). */
    private static final Set<Path> OPENED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean swept;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(SharedFiles::delete),
                "parbench-shm-cleanup"));
    }

    private SharedFiles() {
    }

    /** {@code /dev/shm} if it is a writable directory (memory-backed on Linux), else {@code java.io.tmpdir}. */
    public static Path directory() {
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /** Creates a fresh, empty, owner-only file for {@code role} (lower-case letters and digits) and registers it. */
    static Path create(String role) throws IOException {
        if (!swept) {
            swept = true;
            sweepStale();
        }
        Path dir = directory();
        while (true) {
            byte[] r = new byte[8];
            RANDOM.nextBytes(r);
            Path p = dir.resolve(PREFIX + Owners.id(dir) + "-" + HexFormat.of().formatHex(r) + "-" + role);
            try {
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rw-------")));
                } else {
                    Files.createFile(p);
                    p.toFile().setReadable(false, false);
                    p.toFile().setWritable(false, false);
                    p.toFile().setReadable(true, true);
                    p.toFile().setWritable(true, true);
                }
                LIVE.add(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                // a random clash: try another name
            }
        }
    }

    /** Deletes a file made by {@link #create} (quietly: it may be gone already) and forgets it. */
    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do; the sweep of the next master retries
        } finally {
            LIVE.remove(p);
        }
    }

    /** Worker side: the file a master named, in {@link #directory()}; any name {@link #create} would not make fails. */
    static Path resolve(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a parbench shared-memory file name: '" + name + "'");
        }
        Path p = directory().resolve(name);
        if (OPENED.add(p) && !exitHook) {
            registerExitHook();
        }
        return p;
    }

    /**
     * Worker side, when the master's stream ended without a BYE (the master died): deletes the files this worker
     * opened whose owner is dead, waiting up to {@code wait} for the master's lock to go (the kernel drops it while
     * the master's process ends, maybe just after its pipes). Returns how many it deleted.
     */
    private static volatile boolean exitHook;

    /**
     * Worker side: however this worker exits (a broken pipe to a killed master ends it before any watcher does), the
     * files it opened are deleted if their owner is dead. A live master's lock keeps them, so a normal exit after BYE
     * deletes nothing; it only waits up to half a second for that lock.
     */
    private static synchronized void registerExitHook() {
        if (exitHook) {
            return;
        }
        exitHook = true;
        try { // Owners registers a shutdown hook of its own when it loads: that cannot happen during shutdown
            java.lang.invoke.MethodHandles.lookup().ensureInitialized(Owners.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                afterMasterGone(java.time.Duration.ofMillis(500));
            } catch (RuntimeException | Error e) {
                // best effort: the next run's sweep takes what is left
            }
        }, "parbench-shm-worker-exit"));
    }

    /**
     * Worker side, when the parent JVM has died: {@link #afterMasterGone} with a 2 s wait for its lock, never
     * throwing (it runs just before the worker halts).
     */
    public static void afterParentGone() {
        try {
            afterMasterGone(java.time.Duration.ofSeconds(2));
        } catch (RuntimeException | Error e) {
            // best effort: the next run's sweep takes what is left
        }
    }

    static int afterMasterGone(java.time.Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        int deleted = 0;
        while (!OPENED.isEmpty()) {
            for (Path p : List.copyOf(OPENED)) {
                java.util.regex.Matcher m = NAME.matcher(p.getFileName().toString());
                try {
                    if (!m.matches() || !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        OPENED.remove(p);
                    } else if (Owners.dead(p.getParent(), m.group(1))) {
                        Leftovers.sweep(p.getParent(), NAME, false);
                        deleted += Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
                        OPENED.remove(p);
                    }
                } catch (IOException e) {
                    OPENED.remove(p);
                }
            }
            if (OPENED.isEmpty() || System.nanoTime() - end > 0) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return deleted;
    }

    /** The shared-memory files this JVM owns now (for tests and diagnostics). */
    public static List<Path> owned() throws IOException {
        return list(PREFIX + Owners.id(directory()) + "-");
    }

    private static List<Path> list(String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory(), prefix + "*")) {
            ds.forEach(out::add);
        }
        return out;
    }

    /** Deletes parbench shared-memory files whose owner is dead (see {@link Leftovers}). */
    static void sweepStale() {
        Leftovers.sweep(directory(), NAME, false);
    }
}
