package dev.parbench.cli;

import dev.parbench.remote.SocketAddresses;
import dev.parbench.remote.Tokens;
import dev.parbench.remote.WireLimits;
import dev.parbench.remote.Worker;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worker}: serve workload blocks to a master over stdin/stdout or TCP. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve workload blocks to a parbench master (the out-of-process models).",
            "--stdio: requests on stdin, replies on stdout (process-per-task, process-pool).",
            "--hazelcast: a Hazelcast member (hazelcast models); binds loopback unless --bind and "
                    + "--insecure-network say otherwise.",
            "--rank R: a rank of the message-passing world rank 0 starts (collectives family).",
            "--listen HOST:PORT: TCP (socket models); port 0 picks a free port and prints it. Needs a token, "
                    + "loopback too (any local user can reach loopback): --token-file, or --token-stdin (how the "
                    + "socket models hand their workers the trial's random token); every connection must pass an "
                    + "HMAC-SHA256 challenge-response before any work frame.",
            "Before a peer has authenticated it may send only one small AUTH frame, within --auth-timeout, and it "
                    + "gets no READY, no buffers and no slot; a few such peers are kept per address (the oldest "
                    + "make room). Authenticated peers are served at most --max-connections at once (more are "
                    + "refused), and a connection whose read or write stalls longer than --idle-timeout is closed."},
        footer = {"", "Example, on another machine:",
            "  openssl rand -hex 32 > token; java --add-modules jdk.incubator.vector -cp benchmarks.jar "
                    + "dev.parbench.cli.Main worker --listen 0.0.0.0:7000 --token-file token",
            "then on the master (the flags are added to the benchmarks' own, --add-modules and heap, not put in "
                    + "their place):",
            "  ./run-benchmarks.sh --strategies socket -- -jvmArgsAppend "
                    + "\"-Dparbench.workers=host:7000 -Dparbench.tokenFile=token\"",
            "The run's env.json records the workers' addresses, not their machines: run 'parbench env' on each "
                    + "worker machine and keep its output with the run.",
            "Workers the master starts itself (process models, local socket workers) run with the JMH fork's "
                    + "flags (GC, -Xmx, --add-modules, -jvmArgsAppend; not -Xms) plus -Dparbench.workerJvmArgs.",
            "A Hazelcast member on another machine (no authentication, no TLS: trusted networks only):",
            "  java --add-modules jdk.incubator.vector -cp benchmarks.jar dev.parbench.cli.Main worker --hazelcast "
                    + "--insecure-network --bind 10.0.0.5 --port 5701 --cluster lab1 "
                    + "--members 10.0.0.5:5701,10.0.0.6:5701",
            "then: ./run-benchmarks.sh --strategies hazelcast -- -jvmArgsAppend \"-Dparbench.hazelcast.members="
                    + "10.0.0.5:5701,10.0.0.6:5701 -Dparbench.hazelcast.cluster=lab1 "
                    + "-Dparbench.hazelcast.insecure=true\""})
final class WorkerCommand implements Callable<Integer> {
    /** How long {@code --token-stdin} waits for the token line. */
    static final int TOKEN_STDIN_SECONDS = 30;

    static final class Mode {
        @Option(names = "--stdio", required = true, description = "Serve one master over stdin/stdout.")
        boolean stdio;

        @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
                description = "Listen on TCP (default bind: loopback, e.g. 127.0.0.1:0).")
        String listen;

        @Option(names = "--hazelcast", required = true,
                description = "Be a Hazelcast member (the hazelcast models): --cluster, --port, --members, --bind.")
        boolean hazelcast;

        @Option(names = "--channel", required = true, paramLabel = "ID",
                description = "Be the peer of one channels / ipc-queue session (started by the benchmark, not by "
                        + "hand): pipe, unix-socket, tcp, shared-memory-ring; --connect, --role, --bytes, "
                        + "--ack-every.")
        String channel;

        @Option(names = "--rank", required = true, paramLabel = "R",
                description = "Be rank R (1..N-1) of a message-passing world (the collectives family): --ranks N, "
                        + "--root HOST:PORT (rank 0's loopback listener); the world's token is the first line of "
                        + "stdin. Started by rank 0, not by hand.")
        Integer rank;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Shared secret (>= 16 bytes); --listen needs it or --token-stdin.")
    Path tokenFile;

    @Option(names = "--token-stdin", description = "--listen: read the shared secret (>= 16 bytes) from the first "
            + "line of stdin, within " + TOKEN_STDIN_SECONDS + " s (how a master hands a worker it starts its token, "
            + "never on the command line).")
    boolean tokenStdin;

    @Option(names = "--parent-pid", paramLabel = "PID", description = "Exit when this process exits.")
    Long parentPid;

    @Option(names = "--max-connections", paramLabel = "N", description = "--listen: connections served at once; "
            + "more are refused at once (default ${DEFAULT-VALUE}, -Dparbench.worker.maxConnections).")
    int maxConnections = Integer.getInteger("parbench.worker.maxConnections", Worker.Settings.DEFAULT_MAX_CONNECTIONS);

    @Option(names = "--auth-timeout", paramLabel = "SECONDS", description = "--listen: a connection that has not "
            + "authenticated (or been greeted) by then is closed (default ${DEFAULT-VALUE}, "
            + "-Dparbench.worker.authTimeoutSeconds).")
    long authTimeoutSeconds = Long.getLong("parbench.worker.authTimeoutSeconds",
            Worker.Settings.DEFAULT_AUTH_TIMEOUT_SECONDS);

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "--listen: close a connection whose "
            + "read or write has been blocked this long; 0: never (default ${DEFAULT-VALUE}, "
            + "-Dparbench.worker.idleTimeoutSeconds).")
    long idleTimeoutSeconds = Long.getLong("parbench.worker.idleTimeoutSeconds",
            Worker.Settings.DEFAULT_IDLE_TIMEOUT_SECONDS);

    @Option(names = "--ranks", paramLabel = "N", description = "--rank: the number of ranks in the world (2..8).")
    Integer ranks;

    @Option(names = "--root", paramLabel = "HOST:PORT", description = "--rank: where rank 0 listens (loopback only).")
    String root;

    @Option(names = "--cluster", paramLabel = "NAME", description = "--hazelcast: the cluster name, the same on "
            + "every member and in the master's -Dparbench.hazelcast.cluster; required with --members (a shared "
            + "default would let unrelated clusters merge); alone, a member gets a random name.")
    String cluster;

    @Option(names = "--port", paramLabel = "PORT", description = "--hazelcast: the member's port "
            + "(default ${DEFAULT-VALUE}).")
    int port = 5701;

    @Option(names = "--members", paramLabel = "HOST:PORT,...", split = ",", description = "--hazelcast: the "
            + "members to join (TCP-IP join, no multicast); default: only this one.")
    java.util.List<String> members = new java.util.ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "--hazelcast: the address to bind "
            + "(default ${DEFAULT-VALUE}). Hazelcast's open-source edition has NO authentication and NO TLS: any "
            + "host that reaches a non-loopback member can run code on it and read its data.")
    String bind = "127.0.0.1";

    @Option(names = "--insecure-network", description = "--hazelcast: allow a --bind or --members address that is "
            + "not loopback. There is NO authentication and NO TLS: anyone who reaches the port can join the cluster, "
            + "read its data and run code in this JVM. Trusted, closed networks only.")
    boolean insecureNetwork;

    @Option(names = "--connect", paramLabel = "WHERE", description = "--channel: the socket path, HOST:PORT or "
            + "shared memory file to connect to (the pipe needs none).")
    String connect;

    @Option(names = "--role", paramLabel = "ROLE", description = "--channel: echo (ping-pong) or sink (streaming, "
            + "queue; default ${DEFAULT-VALUE}).")
    String role = "sink";

    @Option(names = "--bytes", paramLabel = "N", description = "--channel: the size of every data message "
            + "(default ${DEFAULT-VALUE}).")
    int bytes = 8;

    @Option(names = "--ack-every", paramLabel = "N", description = "--channel sink: acknowledge every N messages "
            + "(default ${DEFAULT-VALUE}).")
    int ackEvery = 16;

    @Option(names = "--channel-timeout", paramLabel = "SECONDS", description = "--channel: fail a wait that makes "
            + "no progress for this long (default ${DEFAULT-VALUE}).")
    long channelTimeoutSeconds = 120;

    @Override
    public Integer call() throws Exception {
        PrintStream log = System.err;
        if (parentPid != null) {
            var parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty()) {
                log.println("parbench worker: parent " + parentPid + " is gone; exiting");
                return 0;
            }
            parent.get().onExit().thenRun(() -> {
                // the parent was killed (it would have said BYE otherwise): its shared-memory files go first, then
                // this worker; a halt before that left 768 MiB in /dev/shm after a kill -9 of the benchmark fork
                dev.parbench.remote.SharedFiles.afterParentGone();
                Runtime.getRuntime().halt(0);
            });
        }
        byte[] token = null;
        if (tokenFile != null) {
            try {
                token = Tokens.read(tokenFile);
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (tokenStdin && mode.listen == null) {
            throw new UsageException("--token-stdin goes with --listen only (a --stdio worker's stdin carries its "
                    + "frames)");
        }
        if (mode.hazelcast) {
            return hazelcast(log);
        }
        if (mode.channel != null) {
            dev.parbench.channel.ChannelKind kind;
            dev.parbench.channel.Peer.Role peerRole;
            try {
                kind = dev.parbench.channel.ChannelKind.fromId(mode.channel);
                peerRole = dev.parbench.channel.Peer.Role.fromId(role);
                if (kind == dev.parbench.channel.ChannelKind.IN_JVM || bytes < 1 || ackEvery < 1
                        || channelTimeoutSeconds < 1) {
                    throw new IllegalArgumentException("--channel " + mode.channel + " --bytes " + bytes
                            + " --ack-every " + ackEvery + ": in-jvm has no worker; sizes and counts must be >= 1");
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            System.setOut(log); // stdout may be the channel: nothing else may write to it
            dev.parbench.channel.ChildSide.serve(kind, connect, peerRole, bytes, ackEvery,
                    Duration.ofSeconds(channelTimeoutSeconds));
            return 0;
        }
        if (mode.rank != null) {
            return rank(log);
        }
        WireLimits limits = WireLimits.fromSystemProperties();
        if (mode.stdio) {
            // stdout is the reply channel: nothing else may write to it
            FileChannel out = new FileOutputStream(FileDescriptor.out).getChannel();
            FileChannel in = new FileInputStream(FileDescriptor.in).getChannel();
            System.setOut(log);
            new Worker(limits, token, log).serve(in, out, "stdin");
            return 0;
        }
        InetSocketAddress address;
        try {
            address = SocketAddresses.parse(mode.listen);
        } catch (IOException e) {
            throw new UsageException("--listen " + e.getMessage());
        }
        if (tokenStdin) {
            if (token != null) {
                throw new UsageException("give --token-file or --token-stdin, not both");
            }
            token = tokenFromStdin();
        }
        if (token == null) {
            throw new UsageException("refusing to listen on " + mode.listen + " without --token-file or "
                    + "--token-stdin: anyone who can reach it (on loopback: any local user) could send work");
        }
        Worker.Settings settings;
        try {
            settings = new Worker.Settings(Duration.ofSeconds(authTimeoutSeconds),
                    Duration.ofSeconds(idleTimeoutSeconds), maxConnections);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        new Worker(limits, token, log, settings).listen(address, System.out);
        return 0;
    }

    /**
     * {@code --token-stdin}: the first line of stdin, at most 256 bytes and at least 16, waited for at most
     * {@link #TOKEN_STDIN_SECONDS} (read on a daemon thread: a master that never writes cannot hold the worker).
     */
    private static byte[] tokenFromStdin() throws UsageException {
        java.util.concurrent.CompletableFuture<byte[]> line = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("parbench-token-stdin").start(() -> {
            try {
                line.complete(readTokenLine(System.in));
            } catch (IOException | RuntimeException e) {
                line.completeExceptionally(e);
            }
        });
        byte[] token;
        try {
            token = line.get(TOKEN_STDIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UsageException("--token-stdin: no token line on stdin within " + TOKEN_STDIN_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UsageException("--token-stdin: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--token-stdin: interrupted");
        }
        if (token.length < 16) {
            throw new UsageException("--token-stdin: expected a token of >= 16 bytes on the first line of stdin, got "
                    + token.length);
        }
        return token;
    }

    /** {@code --hazelcast}: checks the name and addresses (one line, exit 2), then serves until shut down. */
    private int hazelcast(PrintStream log) throws Exception {
        if (cluster == null && !members.isEmpty()) {
            throw new UsageException("--hazelcast --members needs --cluster NAME (the same on every member and in "
                    + "the master's -Dparbench.hazelcast.cluster); there is no default name");
        }
        String name = cluster != null ? cluster : "parbench-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        if (cluster == null) {
            log.println("parbench worker: cluster name " + name);
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--port must be 1..65535, got " + port);
        }
        try {
            dev.parbench.engine.EngineNetwork.checkBind(bind, insecureNetwork);
            dev.parbench.engine.EngineNetwork.checkMembers(members, insecureNetwork, "--insecure-network");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        System.setOut(log); // the announcement goes to the real stdout, Hazelcast's chatter (if any) to stderr
        try {
            dev.parbench.engine.HazelcastMember.serve(name, bind, port, members,
                    new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    /** {@code --rank}: one rank of a message-passing world; the token is the first line of stdin. */
    private int rank(PrintStream log) throws IOException {
        if (ranks == null || ranks < dev.parbench.messaging.World.MIN_RANKS
                || ranks > dev.parbench.messaging.World.MAX_RANKS) {
            throw new UsageException("--rank needs --ranks N with N from " + dev.parbench.messaging.World.MIN_RANKS
                    + " to " + dev.parbench.messaging.World.MAX_RANKS);
        }
        if (mode.rank < 1 || mode.rank >= ranks) {
            throw new UsageException("--rank must be 1.." + (ranks - 1) + " (rank 0 is the process that starts them)");
        }
        if (root == null) {
            throw new UsageException("--rank needs --root HOST:PORT");
        }
        InetSocketAddress address;
        try {
            address = SocketAddresses.parse(root);
        } catch (IOException e) {
            throw new UsageException("--root " + e.getMessage());
        }
        if (!SocketAddresses.isLoopback(address)) {
            throw new UsageException("--root must be a loopback address, got " + root);
        }
        byte[] token = readTokenLine(System.in);
        if (token.length < 16) {
            throw new UsageException("--rank: expected the world's token (>= 16 bytes) on the first line of stdin");
        }
        System.setOut(log);
        return dev.parbench.messaging.RankLoop.member(mode.rank, ranks, address, token, log);
    }

    /** The first line of {@code in}, at most 256 bytes (more is refused before it is kept). */
    static byte[] readTokenLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (out.size() >= 256) {
                throw new UsageException("the token line on stdin is longer than 256 bytes");
            }
            out.write(c);
        }
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII).strip()
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
