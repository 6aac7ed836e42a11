package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipeSizeTest {

    /** On Linux with JDK 22+, a FIFO this JVM holds open gets the 1 MiB buffer (the kernel's default is 64 KiB). */
    @Test
    void aFifoHeldOpenGetsTheLargerBuffer(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        Path fifo = dir.resolve("p");
        Process mk = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        try (FileChannel hold = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int bytes = PipeSize.set(fifo);
            if (Runtime.version().feature() < 22) {
                assertEquals(-1, bytes, "JDK 21 cannot size a pipe");
                assertTrue(PipeSize.describe().contains("JDK 22"), PipeSize.describe());
                return;
            }
            int max = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/fs/pipe-max-size")).get(0).trim());
            assertTrue(PipeSize.available());
            assertEquals(Math.min(PipeSize.WANTED, max), bytes, "the size read back with F_GETPIPE_SZ");
            assertTrue(bytes > 65536, "larger than the default");
            assertTrue(PipeSize.describe().contains(Integer.toString(bytes)), PipeSize.describe());
        }
    }

    /** Reached through a symbolic link (a temporary folder may be one): the FIFO is still found and sized. */
    @Test
    void aFifoBehindALinkIsFound(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Runtime.version().feature() >= 22);
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Process mk = new ProcessBuilder("mkfifo", "-m", "600", real.resolve("p").toString()).start();
        assertEquals(0, mk.waitFor());
        try (FileChannel hold = FileChannel.open(link.resolve("p"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            assertTrue(PipeSize.set(link.resolve("p")) > 65536);
        }
    }

    /** A path this JVM does not hold open: nothing to size, and no exception. */
    @Test
    void aPathNotOpenIsLeftAlone(@TempDir Path dir) {
        assertEquals(-1, PipeSize.set(dir.resolve("none")));
    }
}
