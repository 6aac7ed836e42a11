package dev.parbench.remote;

import dev.parbench.strategy.StrategyKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code socket}: master/worker over TCP. {@code parallelism} worker JVMs are started once per trial, each listening
 * on a free loopback port and holding the trial's token (random, 32 bytes, handed to it on its stdin, never on its
 * command line), so a worker serves only a peer that passes the HMAC challenge-response, local or not; the master
 * connects to each, scatters the block ranges with their input slices, gathers
 * the partial results (and vector-add's output slices) and combines them. {@code TCP_NODELAY} is on and the socket
 * buffers are sized for bulk transfer (4 MiB).
 *
 * <p>Remote workers: with {@code -Dparbench.workers=host:port,host:port,...} the master connects to workers started
 * elsewhere ({@code java -cp benchmarks.jar dev.parbench.cli.Main worker --listen 0.0.0.0:7000 --token-file F}) and
 * authenticates with {@code -Dparbench.tokenFile=F}; it uses as many of them as the parallelism asks.
 *
 * <p>{@code socket-resident}: each worker keeps its input slice from the first operation (in warm-up); a timed
 * operation then moves only the request, the partial result and any output.
 *
 * <p>A failed link is replaced at the start of the next operation: a worker JVM this strategy started is killed and
 * started afresh; a remote worker is connected to again.
 *
 * <p>Memory consistency: see {@link RemoteStrategy}.
 */
public final class SocketStrategy extends RemoteStrategy {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /**
     * Tries of one connection's handshake: a worker cuts a pending handshake short to make room when many
     * connections that never authenticate arrive at once ({@link PendingHandshakes}); a refused token is not retried.
     */
    private static final int HANDSHAKE_TRIES = 5;

    /** The worker JVMs this strategy started (none with -Dparbench.workers), index for index with the links. */
    private final List<Process> processes = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private final List<WorkerLink> links = new ArrayList<>();
    private final byte[] token;

    public SocketStrategy(int parallelism, boolean resident) {
        super(resident ? StrategyKind.SOCKET_RESIDENT : StrategyKind.SOCKET, parallelism, resident);
        byte[] tok = null;
        try {
            String remote = System.getProperty("parbench.workers", "").trim();
            String tokenFile = System.getProperty("parbench.tokenFile", "").trim();
            if (remote.isEmpty()) {
                tok = Tokens.generate();
                for (int i = 0; i < parallelism; i++) {
                    processes.add(startLocal(tok));
                }
                for (Process p : processes) {
                    addresses.add(announcedAddress(p));
                }
            } else {
                if (!tokenFile.isEmpty()) {
                    tok = Tokens.read(Path.of(tokenFile));
                }
                for (String hp : remote.split(",")) {
                    addresses.add(SocketAddresses.parse(hp.trim()));
                }
                if (addresses.size() < parallelism) {
                    throw new IOException("-Dparbench.workers names " + addresses.size() + " workers, parallelism "
                            + parallelism + " needs that many");
                }
            }
            for (int i = 0; i < parallelism; i++) {
                links.add(connect(addresses.get(i), tok, i < processes.size() ? processes.get(i) : null));
            }
            for (int i = 0; i < parallelism; i++) {
                awaitReady(i, tok);
            }
        } catch (IOException | RuntimeException e) {
            this.token = null;
            close();
            throw new IllegalStateException(kind() + ": could not start or reach its workers: " + e.getMessage(), e);
        }
        this.token = tok;
    }

    /**
     * Starts one local socket worker: {@code worker --listen 127.0.0.1:0 --token-stdin}, then writes {@code token}
     * and a newline to its stdin and closes it. Its address: {@link #announcedAddress}.
     */
    static Process startLocal(byte[] token) throws IOException {
        Process p = WorkerProcesses.start(List.of("--listen", "127.0.0.1:0", "--token-stdin"));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(token);
            stdin.write('\n');
        } catch (IOException e) {
            WorkerProcesses.kill(p);
            throw new IOException("could not hand worker pid " + p.pid() + " its token (" + e.getMessage() + "; "
                    + WorkerProcesses.describe(p) + ")", e);
        }
        return p;
    }

    /**
     * Reads the worker's "listening on HOST:PORT" line (waiting at most {@link #READY_TIMEOUT}), then keeps
     * draining its stdout.
     */
    static InetSocketAddress announcedAddress(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("parbench-drain-out").start(() -> {
            try {
                first.complete(r.readLine());
                while (r.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                first.complete(null); // worker gone
            }
        });
        String line;
        try {
            line = first.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            WorkerProcesses.kill(p); // ends the drain thread too
            line = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for worker pid " + p.pid());
        }
        String prefix = "parbench worker listening on ";
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("worker pid " + p.pid() + " did not announce its port (got: " + line + "; "
                    + WorkerProcesses.describe(p) + ")");
        }
        return SocketAddresses.parse(line.substring(prefix.length()).trim());
    }

    /**
     * Waits for link {@code k}'s READY, at most {@link #READY_TIMEOUT} in all; a handshake that ended without the
     * worker refusing the token (e.g. cut short to make room, see {@link #HANDSHAKE_TRIES}) is tried again on a new
     * connection.
     */
    private void awaitReady(int k, byte[] token) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                links.get(k).awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                return;
            } catch (IOException e) {
                if (attempt >= HANDSHAKE_TRIES || refused(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            links.get(k).close();
            links.set(k, connect(addresses.get(k), token, k < processes.size() ? processes.get(k) : null));
        }
    }

    /** Whether the worker refused the handshake (a wrong or missing token, or no slot free), not merely ended it. */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Handshake.Refused) {
                return true;
            }
        }
        return false;
    }

    static WorkerLink connect(InetSocketAddress address, byte[] token, Process process) throws IOException {
        String name = "worker " + address.getHostString() + ":" + address.getPort()
                + (process == null ? "" : " (pid " + process.pid() + ")");
        SocketChannel c = SocketChannel.open();
        try {
            Worker.tune(c);
            c.socket().connect(address, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            c.close();
            throw new IOException(name + ": cannot connect (" + e.getMessage() + ")", e);
        }
        return new WorkerLink(name, c, c, c, token, WireLimits.fromSystemProperties(),
                () -> process == null ? "" : WorkerProcesses.describe(process));
    }

    /** The first {@code n} links; any that failed since the last operation are replaced first. */
    @Override
    List<WorkerLink> links(int n) throws IOException {
        List<Integer> dead = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!links.get(k).alive()) {
                dead.add(k);
            }
        }
        if (!dead.isEmpty()) {
            replace(dead);
        }
        return links.subList(0, n);
    }

    /**
     * Closes the failed links; a worker JVM of ours behind one is killed and started afresh (it may be stuck in the
     * failed operation); a remote worker is connected to again.
     */
    private void replace(List<Integer> dead) throws IOException {
        List<WorkerLink> oldLinks = dead.stream().map(links::get).toList();
        WorkerLink.closeAll(oldLinks);
        boolean own = !processes.isEmpty();
        if (own) {
            WorkerProcesses.stopAll(dead.stream().map(processes::get).toList(), Duration.ZERO);
            for (int k : dead) {
                processes.set(k, startLocal(token));
            }
            for (int k : dead) {
                addresses.set(k, announcedAddress(processes.get(k)));
            }
        }
        for (int k : dead) {
            links.set(k, connect(addresses.get(k), token, own ? processes.get(k) : null));
        }
        for (int i = 0; i < dead.size(); i++) {
            awaitReady(dead.get(i), token); // on failure the link stays failed: the next operation tries again
            noteReplaced(oldLinks.get(i).name(), links.get(dead.get(i)).name());
        }
    }

    @Override
    public void close() {
        WorkerLink.closeAll(links);
        processes.forEach(Process::destroy); // socket workers serve until killed; SIGTERM first, then the grace
        WorkerProcesses.stopAll(processes, Duration.ofSeconds(2));
        links.clear();
        processes.clear();
    }
}
