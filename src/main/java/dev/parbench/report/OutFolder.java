package dev.parbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder a command writes its report into ({@code --out}), and the one rule that keeps it safe: parbench replaces
 * a folder only if it wrote every entry in it itself.
 *
 * <p>Every finished report gets a marker file, {@value #MARKER}, listing the entries parbench wrote. An existing
 * {@code --out} folder is replaced only when it holds that marker and nothing that the marker does not list (and no
 * symbolic link); anything else (the working folder, a folder of the user's, a report someone added a file to) is
 * refused with a {@link FileSystemException}, which the command line turns into one line and exit 2. Nothing is
 * deleted or moved before that check. Replacing a report stays atomic: the new one is complete before the old one
 * is moved aside.
 */
public final class OutFolder {
    /** The marker file's name, in every folder parbench writes a report into. */
    public static final String MARKER = ".parbench-report";
    private static final String HEADER = "# written by parbench: the entries below; replaced only whole, and only "
            + "while it holds nothing else";
    private static final long MAX_MARKER_BYTES = 1 << 20;

    private OutFolder() {
    }

    /**
     * Checks that {@code target} may receive a report: it does not exist, or it is a folder (not a link) that
     * parbench wrote and that holds nothing else.
     *
     * @throws FileSystemException naming the folder and why it is refused
     */
    public static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(target)) {
            throw refused(target, "it is a symbolic link; choose a new folder for --out");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(target, "it exists and is not a folder; choose a new folder for --out");
        }
        Path marker = target.resolve(MARKER);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(marker, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            attrs = null;
        }
        if (attrs == null || !attrs.isRegularFile() || attrs.size() > MAX_MARKER_BYTES) {
            throw refused(target, "it exists and is not a report parbench wrote (no " + MARKER + " in it); "
                    + "choose a new folder for --out, parbench replaces only its own reports");
        }
        Set<String> listed = new HashSet<>(Files.readAllLines(marker, StandardCharsets.UTF_8));
        try (Stream<Path> walk = Files.walk(target)) { // walk does not follow links
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(target) || p.equals(marker)) {
                    continue;
                }
                String rel = relative(target, p);
                if (Files.isSymbolicLink(p) || !listed.contains(rel)) {
                    throw refused(target, "it holds '" + rel + "', which parbench did not write; move it away or "
                            + "choose a new folder for --out");
                }
            }
        }
    }

    /**
     * Puts the finished folder at {@code target}, replacing an older report only once the new one is complete and
     * only if {@link #requireReplaceable} allows it. Writes the marker into the finished folder first.
     */
    public static void replace(Path finished, Path target) throws IOException {
        requireReplaceable(target);
        writeMarker(finished);
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target); // put the previous report back
            }
            throw e;
        }
        if (old != null) {
            ReportWriter.deleteTree(old); // only what the marker listed: checked above
        }
    }

    private static void writeMarker(Path finished) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        try (Stream<Path> walk = Files.walk(finished)) {
            walk.filter(p -> !p.equals(finished)).map(p -> relative(finished, p)).sorted().forEach(lines::add);
        }
        Files.write(finished.resolve(MARKER), lines, StandardCharsets.UTF_8);
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    private static FileSystemException refused(Path target, String why) {
        return new FileSystemException(target.toString(), null, "refused as --out: " + why);
    }
}
