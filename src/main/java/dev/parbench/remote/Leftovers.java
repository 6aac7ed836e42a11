package dev.parbench.remote;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what dead parbench JVMs left behind (killed before their shutdown hooks ran): shared-memory files, FIFO
 * folders and owner files. What it deletes is narrow on purpose: only names that match parbench's own patterns
 * exactly, only entries of the current user, only those whose owner is dead ({@link Owners}: the owner's lock is
 * gone, not a pid check), and never through a symbolic link. Where the platform offers a
 * {@link SecureDirectoryStream} (Linux), every look and every delete is made relative to a directory opened once,
 * without following links, so a folder swapped for a link between the look and the delete is refused; elsewhere
 * each entry is checked (regular file or folder, ours, not a link) right before it is deleted. A FIFO folder is
 * emptied only of the two FIFOs parbench puts there, then removed if that left it empty. Best effort and quiet: a
 * sweep never fails its caller.
 */
public final class Leftovers {
    /** The entries a FIFO folder may hold. */
    private static final Set<String> FIFOS = Set.of("stdin", "stdout");
    /** A temporary owner file older than this was left by a JVM killed while it made one. */
    private static final long STALE_TEMP_MILLIS = 60_000;
    private static final Pattern OWNER_TEMP = Pattern.compile(Pattern.quote(Owners.PREFIX) + "(" + Owners.ID
            + ")\\.new");

    private Leftovers() {
    }

    /** Sweeps the shared-memory directory and the temporary directory (the start of a run, of a trial). */
    public static void sweep() {
        sweep(SharedFiles.directory(), SharedFiles.NAME, false);
        sweep(Pipes.directory(), Pipes.NAME, true);
    }

    /** Sweeps {@code dir} of regular files named by {@code pattern} (group 1: the owner id) of dead owners. */
    public static void sweepFiles(Path dir, Pattern pattern) {
        sweep(dir, pattern, false);
    }

    /**
     * Sweeps {@code dir}: entries named by {@code pattern} (group 1: the owner id) whose owner is dead, folders of
     * FIFOs if {@code folders}, else regular files; then the dead owners' own files.
     */
    static void sweep(Path dir, Pattern pattern, boolean folders) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            SecureDirectoryStream<Path> sds = ds instanceof SecureDirectoryStream<Path> s ? s : null;
            List<Path> names = new ArrayList<>();
            for (Path p : ds) {
                names.add(p.getFileName());
            }
            UserPrincipal me = Owners.user(dir);
            for (Path name : names) {
                Matcher m = pattern.matcher(name.toString());
                if (m.matches() && Owners.dead(dir, m.group(1))) {
                    if (folders) {
                        removeFolder(sds, dir, name, me);
                    } else {
                        removeFile(sds, dir, name, me, false);
                    }
                }
            }
            for (Path name : names) {
                Matcher owner = Owners.OWNER_FILE.matcher(name.toString());
                Matcher temp = OWNER_TEMP.matcher(name.toString());
                if (owner.matches() && Owners.dead(dir, owner.group(1)) && !holds(dir, owner.group(1), pattern)) {
                    removeFile(sds, dir, name, me, false);
                } else if (temp.matches()) {
                    removeFile(sds, dir, name, me, true);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the next sweep tries again
        }
    }

    /** Whether entries of owner {@code id} remain in {@code dir} (its owner file stays until they are gone). */
    private static boolean holds(Path dir, String id, Pattern pattern) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PosixFileAttributes attributes(SecureDirectoryStream<Path> sds, Path dir, Path name)
            throws IOException {
        if (sds != null) {
            return sds.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        }
        return Files.readAttributes(dir.resolve(name), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes {@code name} if it is a regular file of {@code me} (and, if {@code oldOnly}, a minute old). */
    private static void removeFile(SecureDirectoryStream<Path> sds, Path dir, Path name, UserPrincipal me,
            boolean oldOnly) throws IOException {
        PosixFileAttributes a = attributes(sds, dir, name);
        if (!a.isRegularFile() || !a.owner().equals(me) || (oldOnly && young(a.lastModifiedTime()))) {
            return;
        }
        if (sds != null) {
            sds.deleteFile(name);
        } else if (ours(dir.resolve(name), me, false)) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Deletes the FIFOs of folder {@code name} (only those, only FIFOs of {@code me}), then the folder if empty. */
    private static void removeFolder(SecureDirectoryStream<Path> sds, Path dir, Path name, UserPrincipal me)
            throws IOException {
        PosixFileAttributes a = attributes(sds, dir, name);
        if (!a.isDirectory() || !a.owner().equals(me)) {
            return; // a link, a file, or another user's folder
        }
        if (sds != null) {
            try (SecureDirectoryStream<Path> sub = sds.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> inside = new ArrayList<>();
                sub.forEach(p -> inside.add(p.getFileName()));
                for (Path f : inside) {
                    PosixFileAttributes fa = attributes(sub, null, f);
                    if (FIFOS.contains(f.toString()) && fa.isOther() && fa.owner().equals(me)) {
                        sub.deleteFile(f);
                    }
                }
            }
            sds.deleteDirectory(name); // fails (kept) if anything else is in it
            return;
        }
        Path folder = dir.resolve(name);
        for (String f : FIFOS) {
            Path p = folder.resolve(f);
            if (ours(folder, me, true) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                PosixFileAttributes fa = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (fa.isOther() && fa.owner().equals(me) && ours(folder, me, true)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (ours(folder, me, true)) {
            Files.deleteIfExists(folder);
        }
    }

    /** Checked right before a delete where no secure stream exists: ours, not a link, of the expected type. */
    private static boolean ours(Path p, UserPrincipal me, boolean folder) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return !a.isSymbolicLink() && a.owner().equals(me) && (folder ? a.isDirectory() : a.isRegularFile());
    }

    private static boolean young(FileTime t) {
        return System.currentTimeMillis() - t.toMillis() < STALE_TEMP_MILLIS;
    }
}
