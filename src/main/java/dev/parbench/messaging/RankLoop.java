package dev.parbench.messaging;

import dev.parbench.remote.Frame;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What ranks 1..n-1 do: open the mesh, then serve rank 0's commands until it says goodbye. A command names an
 * operation, the message size, how many times to run it, its deadline and the first operation number; the rank runs
 * its part that many times and acknowledges. Any failure ends the rank (rank 0 sees the connection close, or the
 * error, and tears the world down).
 */
public final class RankLoop {
    /** How long a rank waits for rank 0's next command before it gives up ({@code -Dparbench.messaging.idleSeconds}). */
    static final Duration IDLE = Duration.ofSeconds(Long.getLong("parbench.messaging.idleSeconds", 600));

    private RankLoop() {
    }

    /**
     * A member's deadline for a command: the command's, plus as much again (at least 2 s more). Rank 0 is the one that
     * judges: its deadline passes first, it closes its connections, and a member blocked on rank 0 fails at once. A
     * member whose own deadline passed first (its watchdog scheduled earlier than rank 0's on a loaded machine) would
     * close the connection under rank 0's blocked send, and rank 0 would see a lost peer instead of the deadlock it
     * is about to detect.
     */
    static Duration memberDeadline(Duration command) {
        return command.plus(command.compareTo(Duration.ofSeconds(2)) > 0 ? command : Duration.ofSeconds(2));
    }

    /** A member rank from start to end; returns its exit status (0: rank 0 said goodbye). */
    public static int member(int rank, int size, InetSocketAddress root, byte[] token, PrintStream log) {
        Comm comm;
        try {
            comm = Mesh.member(rank, size, root, token, World.START_DEADLINE);
        } catch (IOException e) {
            log.println("parbench rank " + rank + ": " + e.getMessage());
            return 1;
        }
        try {
            return serve(comm, log);
        } finally {
            comm.close();
        }
    }

    static int serve(Comm comm, PrintStream log) {
        Buffers buffers = null;
        while (true) {
            Frame.Result cmd;
            try {
                cmd = comm.within(IDLE, "waiting for rank 0", comm::nextCommand);
            } catch (IOException e) {
                return 1; // rank 0 is gone or went quiet: nothing to report to
            }
            if (cmd == null) {
                return 0;
            }
            CollectiveKind kind;
            long[] a;
            try {
                kind = CollectiveKind.ofCode(cmd.partial());
                a = cmd.data().longs(0);
                if (a.length != 4 || a[0] < 0 || a[0] > Integer.MAX_VALUE || a[1] < 1 || a[2] < 1) {
                    throw new IllegalArgumentException("bad command " + java.util.Arrays.toString(a));
                }
            } catch (IllegalArgumentException e) {
                comm.error(0, e.getMessage());
                return 2;
            }
            int count = kind.count((int) a[0]);
            if (buffers == null || buffers.count() != count) {
                buffers = Buffers.of(count, comm.rank(), comm.size());
            }
            Buffers b = buffers;
            int reps = (int) a[1];
            long base = a[3];
            try {
                comm.within(memberDeadline(Duration.ofMillis(a[2])), kind.id(), () -> {
                    for (int i = 0; i < reps; i++) {
                        kind.collective().run(comm, b, base + i);
                    }
                    comm.send(0, Comm.ACK, base, null, 0, -1);
                    return null;
                });
            } catch (IOException e) {
                return 3; // a deadline, a deadlock or a lost peer: rank 0 reports it
            } catch (RuntimeException e) {
                log.println("parbench rank " + comm.rank() + ": " + kind.id() + ": " + e.getMessage());
                comm.error(0, kind.id() + ": " + e.getMessage());
                return 4;
            }
        }
    }
}
