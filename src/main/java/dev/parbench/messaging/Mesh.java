package dev.parbench.messaging;

import dev.parbench.remote.AuthDeadline;
import dev.parbench.remote.Frame;
import dev.parbench.remote.WireException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opening the full mesh of connections, once per world, all of it under one deadline.
 * <ol>
 *   <li>Rank 0 listens; every other rank listens too, connects to rank 0, proves the token and says
 *       {@code HELLO(rank, its port)}.</li>
 *   <li>Rank 0 sends everyone the TABLE of ports.</li>
 *   <li>Rank r connects to ranks 1..r-1 and accepts ranks r+1..n-1 (connects go down, accepts come from above: no
 *       cycle, so no rank waits for one that waits for it), then tells rank 0 MESH_OK.</li>
 * </ol>
 * Every accepted connection must pass the HMAC challenge before anything else is read from it, within the auth
 * deadline ({@link AuthDeadline}, cut to what is left of the start deadline); a peer that fails or stays silent is
 * dropped and the listener goes on accepting. If the start deadline passes, an alarm closes every socket opened so
 * far and the start fails.
 */
final class Mesh {
    static final long HELLO = 1;
    static final long TABLE = 2;
    static final long MESH_OK = 3;

    private Mesh() {
    }

    /** Rank 0's side: waits for {@code size - 1} ranks on {@code server} (which it closes at the end). */
    static Comm root(ServerSocketChannel server, byte[] token, int size, Duration deadline) throws IOException {
        Link[] links = new Link[size];
        long[] ports = new long[size];
        try (Alarm alarm = new Alarm(deadline, "rank 0: the ranks did not all connect")) {
            alarm.guard(server);
            ports[0] = Link.port(server);
            try {
                int joined = 0;
                while (joined < size - 1) {
                    Link.Accepted a = Link.accept(server, token, size, alarm.authDeadline());
                    if (a == null) {
                        continue; // failed authentication: dropped
                    }
                    alarm.guard(a.link());
                    if (links[a.rank()] != null) {
                        throw new WireException("rank " + a.rank() + " connected twice");
                    }
                    links[a.rank()] = a.link();
                    ports[a.rank()] = a.port();
                    joined++;
                }
                for (int r = 1; r < size; r++) {
                    links[r].send(TABLE, size, ports, 0, size);
                }
                for (int r = 1; r < size; r++) {
                    links[r].recv(MESH_OK, null, 0, -1);
                }
            } catch (IOException e) {
                closeAll(links);
                if (alarm.fired()) {
                    throw new DeadlineException(alarm.what + " within " + deadline.toMillis() + " ms", e);
                }
                throw e;
            }
            if (alarm.fired()) {
                closeAll(links);
                throw new DeadlineException(alarm.what, null);
            }
        } finally {
            server.close();
        }
        return new Comm(0, size, links);
    }

    /** Rank {@code rank}'s side (1..size-1). */
    static Comm member(int rank, int size, InetSocketAddress root, byte[] token, Duration deadline)
            throws IOException {
        Link[] links = new Link[size];
        try (ServerSocketChannel mine = Link.listen();
                Alarm alarm = new Alarm(deadline, "rank " + rank + ": the mesh did not open")) {
            alarm.guard(mine);
            int port = Link.port(mine);
            try {
                links[0] = Link.connect(root, 0, token, rank, port);
                alarm.guard(links[0]);
                Frame.Result table = links[0].recvFrame(TABLE);
                long[] ports = table.data().longs(0);
                if (table.partial() != size || ports.length != size) {
                    throw new WireException("rank 0 sent a table for " + table.partial() + " ranks, expected " + size);
                }
                InetAddress loopback = InetAddress.getLoopbackAddress();
                for (int j = 1; j < rank; j++) {
                    links[j] = Link.connect(new InetSocketAddress(loopback, (int) ports[j]), j, token, rank, port);
                    alarm.guard(links[j]);
                }
                for (int accepted = 0; accepted < size - 1 - rank; ) {
                    Link.Accepted a = Link.accept(mine, token, size, alarm.authDeadline());
                    if (a == null) {
                        continue;
                    }
                    alarm.guard(a.link());
                    if (a.rank() <= rank || links[a.rank()] != null) {
                        throw new WireException("rank " + rank + " got an unexpected connection from rank " + a.rank());
                    }
                    links[a.rank()] = a.link();
                    accepted++;
                }
                links[0].send(MESH_OK, rank, null, 0, -1);
            } catch (IOException | RuntimeException e) {
                closeAll(links);
                if (alarm.fired()) {
                    throw new DeadlineException(alarm.what + " within " + deadline.toMillis() + " ms", e);
                }
                throw e;
            }
            if (alarm.fired()) {
                closeAll(links);
                throw new DeadlineException(alarm.what, null);
            }
        }
        return new Comm(rank, size, links);
    }

    private static void closeAll(Link[] links) {
        for (Link l : links) {
            if (l != null) {
                l.close();
            }
        }
    }

    /** Closes what it guards when the deadline passes (a daemon thread that waits at most the deadline). */
    static final class Alarm implements AutoCloseable {
        final String what;
        private final List<AutoCloseable> guarded = new ArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;
        private final long end;
        private volatile boolean fired;

        Alarm(Duration deadline, String what) {
            this.what = what;
            this.end = System.nanoTime() + deadline.toNanos();
            this.thread = Thread.ofPlatform().daemon(true).name("parbench-mesh-alarm").start(() -> {
                try {
                    if (!done.await(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                        fire();
                    }
                } catch (InterruptedException e) {
                    fire();
                }
            });
        }

        synchronized void guard(AutoCloseable c) {
            guarded.add(c);
            if (fired) {
                closeQuietly(c);
            }
        }

        private synchronized void fire() {
            fired = true;
            guarded.forEach(Alarm::closeQuietly);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing
            }
        }

        boolean fired() {
            return fired;
        }

        /** The auth deadline for a connection accepted now: at most what is left of this alarm's deadline. */
        Duration authDeadline() {
            return AuthDeadline.within(end - System.nanoTime());
        }

        @Override
        public void close() {
            done.countDown();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
