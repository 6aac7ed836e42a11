package dev.parbench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pipes between this JVM and a child process. On Linux they are named pipes (FIFOs) opened as
 * {@link FileChannel}s, so bulk data moves between the codec's direct buffer and the kernel with nothing in between
 * (the process streams of {@link Process} go through {@code Channels.newChannel}: heap copies in 8 KiB pieces, a
 * third of the throughput; see {@code TransferProbe.pipe}). Elsewhere, or with {@code -Dparbench.pipes=streams},
 * the process streams are used, written and read in 1 MiB pieces.
 *
 * <p>The FIFOs are the child's stdin and stdout: the child is an ordinary {@code --stdio} worker and cannot tell.
 * They exist as files only while the child starts: made with {@code mkfifo -m 600} in a fresh owner-only temporary
 * directory, opened by both sides, then removed at once (open pipes need no name). A shutdown hook removes any
 * directory a crash left in between, and a JVM that died without running it (killed) has its directories removed
 * by the next sweep ({@link Leftovers}: at the start of a run and when this class loads; the directory name carries
 * the creating JVM's {@link Owners owner id}, and only the FIFOs of a dead owner's folder are removed). Opening a
 * FIFO blocks until its other end is open; this class never waits: it first holds each FIFO open for reading and writing (which on Linux never blocks and lets the child's and our
 * own opens complete at once), then opens its real ends and closes the placeholders, so that from then on only the
 * child holds the other ends and its death is an end of stream or a broken pipe here, as with the process streams.
 */
final class Pipes {
    /** FIFO directories that exist right now (normally for a few milliseconds); removed by the shutdown hook. */
    private static final Set<Path> DIRS = ConcurrentHashMap.newKeySet();
    private static final int CHUNK = 1 << 20;
    private static final long MKFIFO_TIMEOUT_SECONDS = 10;

    /** A FIFO directory's name: this prefix, the creating JVM's owner id, a dash, a random part. */
    private static final String PREFIX = "parbench-pipes-";
    /** A FIFO directory's full name as {@link #start} makes it; group 1 is the owner id. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(PREFIX) + "(" + Owners.ID + ")-[0-9]{1,20}");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DIRS.forEach(Pipes::removeQuietly),
                "parbench-fifo-reaper"));
        removeOrphans();
    }

    /** Removes FIFO directories left by JVMs that died without their shutdown hook (see {@link Leftovers}). */
    static void removeOrphans() {
        Leftovers.sweep(directory(), NAME, true);
    }

    /** Where the FIFO directories are made: {@code java.io.tmpdir}. */
    static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private Pipes() {
    }

    /** A started child and this side's ends of its stdin ({@code out}) and stdout ({@code in}). */
    record Piped(Process process, ReadableByteChannel in, WritableByteChannel out, boolean named) {
        /** Closes this side's ends (the child sees end of stream on its stdin). */
        void closeChannels() throws IOException {
            try {
                out.close();
            } finally {
                in.close();
            }
        }
    }

    /** Whether children get named pipes: Linux (which defines opening a FIFO read-write) unless told otherwise. */
    static boolean named() {
        String mode = System.getProperty("parbench.pipes", "auto");
        return !mode.equals("streams") && System.getProperty("os.name", "").equals("Linux");
    }

    /** Starts {@code pb} with its stdin and stdout on pipes to this JVM; its stderr is forwarded. */
    static Piped start(ProcessBuilder pb) throws IOException {
        if (!named()) {
            Process p = WorkerProcesses.track(pb.start());
            return new Piped(p, new StreamIn(p.getInputStream()), new StreamOut(p.getOutputStream()), false);
        }
        Path dir = Files.createTempDirectory(directory(), PREFIX + Owners.id(directory()) + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        DIRS.add(dir);
        Path toChild = dir.resolve("stdin");
        Path fromChild = dir.resolve("stdout");
        FileChannel holdTo = null;
        FileChannel holdFrom = null;
        FileChannel out = null;
        FileChannel in = null;
        Process p = null;
        boolean ok = false;
        try {
            mkfifo(toChild, fromChild);
            holdTo = FileChannel.open(toChild, StandardOpenOption.READ, StandardOpenOption.WRITE);
            holdFrom = FileChannel.open(fromChild, StandardOpenOption.READ, StandardOpenOption.WRITE);
            PipeSize.set(toChild); // a pipe's size belongs to the pipe, whichever descriptor set it
            PipeSize.set(fromChild);
            p = WorkerProcesses.track(pb.redirectInput(toChild.toFile()).redirectOutput(fromChild.toFile()).start());
            out = FileChannel.open(toChild, StandardOpenOption.WRITE);
            in = FileChannel.open(fromChild, StandardOpenOption.READ);
            ok = true;
        } finally {
            closeQuietly(holdTo);
            closeQuietly(holdFrom);
            removeQuietly(dir);
            DIRS.remove(dir);
            if (!ok) {
                closeQuietly(out);
                closeQuietly(in);
                if (p != null) {
                    WorkerProcesses.kill(p);
                }
            }
        }
        return new Piped(p, in, out, true);
    }

    private static void mkfifo(Path... fifos) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("mkfifo", "-m", "600"));
        for (Path f : fifos) {
            cmd.add(f.toString());
        }
        Process mk = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!mk.waitFor(MKFIFO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                mk.destroyForcibly();
                throw new IOException("mkfifo did not finish within " + MKFIFO_TIMEOUT_SECONDS + " s");
            }
            String msg = new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (mk.exitValue() != 0) {
                throw new IOException("mkfifo failed (" + mk.exitValue() + "): " + msg
                        + " (-Dparbench.pipes=streams uses the process streams instead)");
            }
        } catch (InterruptedException e) {
            mk.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making pipes");
        }
    }

    /** How many FIFO directories exist right now (tests: none outside a start). */
    static int liveDirectories() {
        return DIRS.size();
    }

    private static void removeQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // gone already
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A process's stdin as a channel that writes 1 MiB pieces and flushes each (the stream is buffered). */
    private static final class StreamOut implements WritableByteChannel {
        private final OutputStream os;
        private final byte[] heap = new byte[CHUNK];
        private volatile boolean open = true;

        StreamOut(OutputStream os) {
            this.os = os;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int total = 0;
            while (src.hasRemaining()) {
                int n = Math.min(src.remaining(), heap.length);
                src.get(heap, 0, n);
                os.write(heap, 0, n); // >= the stream's buffer: straight to the pipe
                total += n;
            }
            os.flush();
            return total;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            os.close();
        }
    }

    /** A process's stdout as a channel that reads up to 1 MiB at a time. */
    private static final class StreamIn implements ReadableByteChannel {
        private final InputStream is;
        private final byte[] heap = new byte[CHUNK];
        private volatile boolean open = true;

        StreamIn(InputStream is) {
            this.is = is;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = is.read(heap, 0, Math.min(dst.remaining(), heap.length));
            if (n > 0) {
                dst.put(heap, 0, n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            is.close();
        }
    }
}
