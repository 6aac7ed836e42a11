package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps delete only what a dead parbench owner left: names of parbench's own patterns, entries of the current user,
 * never through a link; an owner is alive while its lock is held (by this JVM or another process), dead once its
 * lock is gone (a SIGKILL included); a worker whose master's pipe ends without a BYE deletes the master's files.
 */
class LeftoversTest {
    private static final String DEAD = "00000000deadbeef";

    @TempDir
    Path dir;

    private static Path shm(Path dir, String owner, String role) throws IOException {
        return Files.createFile(dir.resolve(SharedFiles.PREFIX + owner + "-0123456789abcdef-" + role));
    }

    private static Path fifoFolder(Path dir, String owner, String suffix) throws Exception {
        Path d = Files.createDirectory(dir.resolve("parbench-pipes-" + owner + "-" + suffix));
        Process mk = new ProcessBuilder("mkfifo", d.resolve("stdin").toString(), d.resolve("stdout").toString())
                .start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        return d;
    }

    @Test
    void aDeadOwnersFilesAndFoldersAreSweptAndItsOwnerFileToo() throws Exception {
        Path unlockedOwner = Files.createFile(dir.resolve(Owners.PREFIX + DEAD)); // nobody holds its lock
        Path file = shm(dir, DEAD, "in0");
        Path noOwnerFile = shm(dir, "1111111111111111", "out0");
        Path folder = fifoFolder(dir, DEAD, "42");
        Leftovers.sweep(dir, SharedFiles.NAME, false);
        Leftovers.sweep(dir, Pipes.NAME, true);
        assertFalse(Files.exists(file), "a dead owner's file is swept");
        assertFalse(Files.exists(noOwnerFile), "a file whose owner file is gone is swept");
        assertFalse(Files.exists(folder, LinkOption.NOFOLLOW_LINKS), "a dead owner's FIFO folder is swept");
        assertFalse(Files.exists(unlockedOwner), "the dead owner's file goes with its files");
        try (var left = Files.list(dir)) { // a worker that sweeps and then halts would leave its own behind
            assertEquals(List.of(), left.toList(), "the sweep made no owner file of its own");
        }
    }

    @Test
    void aLiveOwnersFilesSurviveInThisJvmAndInAnotherProcessUntilItIsKilled() throws Exception {
        Path mine = shm(dir, Owners.id(dir), "in0");
        String held = "2222222222222222";
        Path heldOwner = Files.createFile(dir.resolve(Owners.PREFIX + held));
        Path heldFile = shm(dir, held, "in0");
        String other = "3333333333333333";
        Path otherOwner = Files.createFile(dir.resolve(Owners.PREFIX + other));
        Path otherFile = shm(dir, other, "in0");
        Process holder = lockHolder(otherOwner);
        try (FileChannel ch = FileChannel.open(heldOwner, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            Leftovers.sweep(dir, SharedFiles.NAME, false);
            assertTrue(Files.exists(mine), "this JVM's own file survives");
            assertTrue(Files.exists(heldFile), "a file whose owner lock is held in this JVM survives");
            assertTrue(Files.exists(otherFile), "a file whose owner lock another live process holds survives");
            assertTrue(Files.exists(otherOwner));
            holder.destroyForcibly(); // SIGKILL: no hook runs, the kernel drops the lock
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            Leftovers.sweep(dir, SharedFiles.NAME, false);
            assertFalse(Files.exists(otherFile), "the killed owner's file is swept");
            assertFalse(Files.exists(otherOwner), "and its owner file");
            assertTrue(Files.exists(heldFile));
            assertTrue(Files.exists(mine));
        } finally {
            holder.destroyForcibly();
        }
    }

    /** A separate JVM that takes the lock on {@code owner}, says so, and holds it until killed. */
    private Process lockHolder(Path owner) throws Exception {
        Path src = dir.resolve("Hold.java");
        Files.writeString(src, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Hold {
                    public static void main(String[] a) throws Exception {
                        FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
                        ch.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(600_000);
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), src.toString(), owner.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] line = new byte[6];
        int n = p.getInputStream().readNBytes(line, 0, 6);
        assertEquals("locked", new String(line, 0, n), "the lock holder started");
        return p;
    }

    @Test
    void aSymlinkInAFolderOfThePatternIsNeverFollowed() throws Exception {
        Path victim = Files.createDirectory(dir.resolve("victim"));
        Path keep = Files.writeString(victim.resolve("keep-me.txt"), "precious");
        Path folder = Files.createDirectory(dir.resolve("parbench-pipes-" + DEAD + "-7"));
        Files.createSymbolicLink(folder.resolve("stdin"), victim);
        Files.createSymbolicLink(folder.resolve("stdout"), keep);
        Path linkFolder = Files.createSymbolicLink(dir.resolve("parbench-pipes-" + DEAD + "-8"), victim);
        Path linkFile = Files.createSymbolicLink(dir.resolve(SharedFiles.PREFIX + DEAD + "-0123456789abcdef-in0"),
                keep);
        Leftovers.sweep(dir, Pipes.NAME, true);
        Leftovers.sweep(dir, SharedFiles.NAME, false);
        assertTrue(Files.exists(keep), "the file behind the links survives");
        assertEquals("precious", Files.readString(keep));
        assertTrue(Files.exists(folder), "a folder holding anything but FIFOs is kept");
        assertTrue(Files.isSymbolicLink(linkFolder) && Files.isSymbolicLink(linkFile), "links are not touched");
    }

    @Test
    void anotherUsersFilesAndFoldersSurvive() throws Exception {
        Path file = shm(dir, DEAD, "in0");
        Path folder = fifoFolder(dir, DEAD, "9");
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            for (Path p : List.of(file, folder, folder.resolve("stdin"), folder.resolve("stdout"))) {
                Files.setOwner(p, nobody);
            }
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot give files to another user here: " + e);
            return;
        }
        Leftovers.sweep(dir, SharedFiles.NAME, false);
        Leftovers.sweep(dir, Pipes.NAME, true);
        assertTrue(Files.exists(file), "another user's file survives");
        assertTrue(Files.exists(folder.resolve("stdin"), LinkOption.NOFOLLOW_LINKS), "another user's FIFO survives");
    }

    @Test
    void namesOutsideTheExactPatternsSurvive() throws Exception {
        List<Path> kept = List.of(Files.createFile(dir.resolve(SharedFiles.PREFIX + DEAD + "-0123456789abcdef-in0.x")),
                Files.createFile(dir.resolve(SharedFiles.PREFIX + "123-0123456789abcdef-in0")),
                Files.createDirectory(dir.resolve("parbench-pipes-" + DEAD + "-x1")));
        Leftovers.sweep(dir, SharedFiles.NAME, false);
        Leftovers.sweep(dir, Pipes.NAME, true);
        for (Path p : kept) {
            assertTrue(Files.exists(p), p + " survives");
        }
    }

    @Test
    void aWorkerWhoseMasterDiesRemovesTheMastersSharedFiles() throws Exception {
        Path shmDir = SharedFiles.directory();
        String dead = "4444444444444444";
        Path masters = shm(shmDir, dead, "in0"); // its owner file is gone: the master is dead
        Path live = SharedFiles.create("in1"); // a live owner's (this JVM's)
        try {
            SharedFiles.resolve(masters.getFileName().toString()); // the worker maps what its master named
            SharedFiles.resolve(live.getFileName().toString());
            Pipe toWorker = Pipe.open();
            Pipe fromWorker = Pipe.open();
            toWorker.sink().close(); // the master's end of the worker's stdin: gone without a BYE
            new Worker(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), null,
                    new PrintStream(new ByteArrayOutputStream())).serve(toWorker.source(), fromWorker.sink(), "stdin");
            assertFalse(Files.exists(masters), "the dead master's file is removed by its worker");
            assertTrue(Files.exists(live), "a live owner's file is kept");
        } finally {
            Files.deleteIfExists(masters);
            SharedFiles.delete(live);
        }
    }

    @Test
    void aWorkerThatGetsAByeKeepsTheFiles() throws Exception {
        Path shmDir = SharedFiles.directory();
        Path masters = shm(shmDir, "5555555555555555", "in0");
        try {
            SharedFiles.resolve(masters.getFileName().toString());
            Pipe toWorker = Pipe.open();
            Pipe fromWorker = Pipe.open();
            new FrameCodec(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES)).write(new Frame.Bye(),
                    toWorker.sink());
            new Worker(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), null,
                    new PrintStream(new ByteArrayOutputStream())).serve(toWorker.source(), fromWorker.sink(), "stdin");
            assertTrue(Files.exists(masters), "after a BYE the master cleans up itself; the worker deletes nothing");
        } finally {
            Files.deleteIfExists(masters);
        }
    }
}
