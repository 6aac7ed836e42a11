package dev.parbench.remote;

import dev.parbench.strategy.StrategyKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code socket}: master/worker over TCP. {@code parallelism} worker JVMs are started once per trial, each listening
 * on a free loopback port; the master connects to each, scatters the block ranges with their input slices, gathers
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
 * <p>Memory consistency: see {@link RemoteStrategy}.
 */
public final class SocketStrategy extends RemoteStrategy {
    private final List<Process> processes = new ArrayList<>();
    private final List<WorkerLink> links = new ArrayList<>();

    public SocketStrategy(int parallelism, boolean resident) {
        super(resident ? StrategyKind.SOCKET_RESIDENT : StrategyKind.SOCKET, parallelism, resident);
        try {
            String remote = System.getProperty("parbench.workers", "").trim();
            byte[] token = null;
            String tokenFile = System.getProperty("parbench.tokenFile", "").trim();
            if (!tokenFile.isEmpty()) {
                token = Tokens.read(Path.of(tokenFile));
            }
            List<InetSocketAddress> addresses = new ArrayList<>();
            if (remote.isEmpty()) {
                for (int i = 0; i < parallelism; i++) {
                    Process p = WorkerProcesses.start(List.of("--listen", "127.0.0.1:0"));
                    processes.add(p);
                }
                for (Process p : processes) {
                    addresses.add(announcedAddress(p));
                }
            } else {
                for (String hp : remote.split(",")) {
                    addresses.add(SocketAddresses.parse(hp.trim()));
                }
                if (addresses.size() < parallelism) {
                    throw new IOException("-Dparbench.workers names " + addresses.size() + " workers, parallelism "
                            + parallelism + " needs that many");
                }
            }
            for (int i = 0; i < parallelism; i++) {
                links.add(connect(addresses.get(i), token, i < processes.size() ? processes.get(i) : null));
            }
            for (WorkerLink l : links) {
                l.awaitReady(Duration.ofSeconds(60));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException(kind() + ": could not start or reach its workers: " + e.getMessage(), e);
        }
    }

    /** Reads the worker's "listening on HOST:PORT" line, then keeps draining its stdout. */
    private static InetSocketAddress announcedAddress(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        String prefix = "parbench worker listening on ";
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("worker pid " + p.pid() + " did not announce its port (got: " + line + "; "
                    + WorkerProcesses.describe(p) + ")");
        }
        Thread.ofPlatform().daemon(true).name("parbench-drain-out").start(() -> {
            try {
                while (r.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // worker gone
            }
        });
        return SocketAddresses.parse(line.substring(prefix.length()).trim());
    }

    private static WorkerLink connect(InetSocketAddress address, byte[] token, Process process) throws IOException {
        SocketChannel c = SocketChannel.open();
        Worker.tune(c);
        c.connect(address);
        String name = "worker " + address.getHostString() + ":" + address.getPort()
                + (process == null ? "" : " (pid " + process.pid() + ")");
        return new WorkerLink(name, c, c, c, token, WireLimits.fromSystemProperties(),
                () -> process == null ? "" : WorkerProcesses.describe(process));
    }

    @Override
    List<WorkerLink> links(int n) throws IOException {
        return firstAlive(links, n);
    }

    @Override
    public void close() {
        links.forEach(WorkerLink::close);
        for (Process p : processes) {
            p.destroy(); // socket workers serve until killed; SIGTERM first, then the grace period
            WorkerProcesses.stop(p, Duration.ofSeconds(2));
        }
        links.clear();
        processes.clear();
    }
}
