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
 * is writable, else {@code java.io.tmpdir}), how they are named ({@code parbench-shm-<pid>-<random>-<role>}), and
 * that none outlives its owner: each is created owner-only ({@code rw-------}) and fresh (never an existing file),
 * registered until deleted, deleted by the model when its trial ends or its dataset is replaced, and by a shutdown
 * hook on any orderly exit. A master killed with SIGKILL cannot run its hook: the next master to create a file
 * deletes the files of owners that are no longer alive ({@link #sweepStale}). Workers only open files named by
 * their master, by name (no directory part) in {@link #directory()}; they never create or delete any.
 */
public final class SharedFiles {
    static final String PREFIX = "parbench-shm-";
    /** A name as {@link #create} makes it: nothing that could leave the directory. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX)
            + "[0-9]{1,19}-[0-9a-f]{16}-[a-z0-9]{1,16}");
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
            Path p = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(r) + "-"
                    + role);
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
        return directory().resolve(name);
    }

    /** The shared-memory files this JVM owns now (for tests and diagnostics). */
    public static List<Path> owned() throws IOException {
        return list(PREFIX + ProcessHandle.current().pid() + "-");
    }

    private static List<Path> list(String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory(), prefix + "*")) {
            ds.forEach(out::add);
        }
        return out;
    }

    /** Deletes parbench shared-memory files whose owning JVM is no longer alive (one killed before its hook ran). */
    static void sweepStale() {
        try {
            for (Path p : list(PREFIX)) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty() && NAME.matcher(p.getFileName().toString()).matches()) {
                        Files.deleteIfExists(p); // fails quietly below on another user's file (sticky /dev/shm)
                    }
                } catch (NumberFormatException | IOException ignored) {
                    // not ours, or not deletable by us
                }
            }
        } catch (IOException ignored) {
            // the directory is unreadable: nothing to sweep
        }
    }
}
