package dev.parbench.messaging;

import dev.parbench.remote.Tokens;
import dev.parbench.remote.WorkerJvms;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A world of {@code size} ranks, seen from rank 0, which is the calling thread of this JVM (in a benchmark, the JMH
 * fork). Ranks 1..size-1 are child JVMs of the same jar ({@link Launch#JVMS}: {@code Main worker --rank R --ranks N
 * --root 127.0.0.1:PORT}, launched like the process models' workers; a fresh random token travels on their stdin,
 * never on the command line) or threads of this JVM ({@link Launch#THREADS}, for the unit tests), over the same
 * loopback TCP mesh either way.
 *
 * <p>{@link #run} sends every rank a command, runs rank 0's part, and waits for every rank's acknowledgement, all
 * under one deadline. The naive exchange that passes its deadline is an {@link Outcome} with {@code deadlock} set;
 * anything else that fails throws. After either, the world is {@link #broken()}: close it (every rank is stopped, the
 * children killed if they do not exit within 2 s) and start a new one.
 */
public final class World implements AutoCloseable {
    /** How ranks 1..n-1 run. */
    public enum Launch { JVMS, THREADS }

    /** Deadline for starting the ranks and opening the mesh ({@code -Dparbench.messaging.startSeconds}). */
    static final Duration START_DEADLINE = Duration.ofSeconds(Long.getLong("parbench.messaging.startSeconds", 120));
    public static final int MIN_RANKS = 2;
    public static final int MAX_RANKS = 8;

    /** One operation's result: its time, and whether it was the naive exchange's deadlock. */
    public record Outcome(boolean deadlock, long nanos, String detail) {
    }

    private final int size;
    private final Comm comm;
    private final List<Process> processes;
    private final List<Thread> threads;
    private long nextSeq = 1;
    private boolean broken;
    private Buffers buffers;

    private World(int size, Comm comm, List<Process> processes, List<Thread> threads) {
        this.size = size;
        this.comm = comm;
        this.processes = List.copyOf(processes);
        this.threads = List.copyOf(threads);
    }

    public static World start(int size, Launch launch) throws IOException {
        if (size < MIN_RANKS || size > MAX_RANKS) {
            throw new IllegalArgumentException("ranks must be " + MIN_RANKS + " to " + MAX_RANKS + ", got " + size);
        }
        byte[] token = HexFormat.of().formatHex(Tokens.nonce()).getBytes(StandardCharsets.US_ASCII);
        ServerSocketChannel server = Link.listen();
        InetSocketAddress root = (InetSocketAddress) server.getLocalAddress();
        List<Process> processes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean started = new AtomicBoolean();
        try {
            for (int r = 1; r < size; r++) {
                if (launch == Launch.JVMS) {
                    Process p = WorkerJvms.start(List.of("--rank", String.valueOf(r), "--ranks", String.valueOf(size),
                            "--root", "127.0.0.1:" + root.getPort()));
                    processes.add(p);
                    try (OutputStream in = p.getOutputStream()) {
                        in.write(token);
                        in.write('\n');
                    }
                    p.onExit().thenRun(() -> {
                        if (!started.get()) {
                            closeQuietly(server); // a rank died while starting: fail now, not at the deadline
                        }
                    });
                } else {
                    int rank = r;
                    threads.add(Thread.ofPlatform().daemon(true).name("parbench-rank-" + r).start(
                            () -> RankLoop.member(rank, size, root, token, System.err)));
                }
            }
            Comm comm = Mesh.root(server, token, size, START_DEADLINE);
            started.set(true);
            return new World(size, comm, processes, threads);
        } catch (IOException | RuntimeException e) {
            started.set(true);
            closeQuietly(server);
            stop(processes, threads);
            throw new IOException("starting " + size + " ranks failed: " + e.getMessage()
                    + (processes.isEmpty() ? "" : " (" + processes.stream().map(WorkerJvms::describe)
                            .collect(Collectors.joining(", ")) + ")"), e);
        }
    }

    public int size() {
        return size;
    }

    /**
     * Runs {@code reps} operations of {@code kind} on messages of {@code bytes} bytes on every rank, under
     * {@code deadline} (for the whole command: sending it, the operations, every rank's acknowledgement).
     *
     * @throws IOException if any rank fails, answers wrong or the deadline passes (other than the naive
     *                     exchange's deadlock, which is an outcome)
     */
    public Outcome run(CollectiveKind kind, int bytes, int reps, Duration deadline) throws IOException {
        if (broken) {
            throw new IllegalStateException("this world is broken (an operation failed): close it and start another");
        }
        int count = kind.count(bytes);
        if (buffers == null || buffers.count() != count) {
            buffers = Buffers.of(count, 0, size);
        }
        Buffers b = buffers;
        long base = nextSeq;
        nextSeq += reps;
        long[] command = {bytes, reps, Math.max(1, deadline.toMillis()), base};
        long t0 = System.nanoTime();
        try {
            comm.within(deadline, kind.id(), () -> {
                for (int r = 1; r < size; r++) {
                    comm.send(r, Comm.CMD, kind.ordinal(), command, 0, command.length);
                }
                for (int i = 0; i < reps; i++) {
                    kind.collective().run(comm, b, base + i);
                }
                for (int r = 1; r < size; r++) {
                    comm.recv(r, Comm.ACK, base, null, 0, -1);
                }
                return null;
            });
            return new Outcome(false, System.nanoTime() - t0, "");
        } catch (DeadlockException e) {
            broken = true;
            return new Outcome(true, System.nanoTime() - t0, e.getMessage());
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw new IOException(kind.id() + " on " + size + " ranks, " + bytes + " bytes: " + e.getMessage(), e);
        }
    }

    /** True after an operation failed or deadlocked: the connections are gone, only {@link #close} is left. */
    public boolean broken() {
        return broken || comm.closed();
    }

    /** The child JVMs (empty for threads). */
    public List<Process> processes() {
        return processes;
    }

    /** Every thread this world started in this JVM: the ranks' (threads launch) and rank 0's watchdog and sender. */
    public List<Thread> threads() {
        List<Thread> all = new ArrayList<>(threads);
        all.addAll(comm.threads());
        return all;
    }

    /** Says goodbye to every rank, closes the connections and waits for the ranks to end (children killed after 2 s). */
    @Override
    public void close() {
        if (!broken()) {
            for (int r = 1; r < size; r++) {
                comm.bye(r);
            }
        }
        comm.close();
        stop(processes, threads);
    }

    private static void stop(List<Process> processes, List<Thread> threads) {
        if (!processes.isEmpty()) {
            WorkerJvms.stopAll(processes, Duration.ofSeconds(2));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
