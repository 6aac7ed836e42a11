package dev.parbench.engine;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.partition.Partition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The cluster a trial's engine model talks to, and the client it talks through.
 *
 * <p><b>Embedded (the default).</b> {@code n} member JVMs started here for this trial only: loopback, one free port
 * each, a cluster name unique to the trial, TCP-IP join on exactly those addresses. The constructor returns once the
 * client sees all {@code n} members and every member owns partitions; all of that is trial setup, never timed.
 *
 * <p><b>A real cluster.</b> {@code -Dparbench.hazelcast.members=host:port,...} and
 * {@code -Dparbench.hazelcast.cluster=NAME} (required: no shared default): no JVM is started; the client connects to
 * those members, which must be at least {@code n}. A member that is not on loopback needs
 * {@code -Dparbench.hazelcast.insecure=true} ({@link EngineNetwork}). What the trial stores there is named after the
 * trial ({@link #trialId()}) and destroyed by the model at close, so two masters on one cluster do not meet.
 *
 * <p>Members are numbered in a fixed order (the order they were started, or the order the cluster lists them), so
 * range {@code k} of an operation goes to member {@code k mod members}.
 */
final class EngineCluster implements AutoCloseable {
    /** Per-operation deadline, as for the other out-of-process models: {@code -Dparbench.remote.timeoutSeconds}. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("parbench.remote.timeoutSeconds", 120));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("parbench.hazelcast.startTimeoutSeconds", 90));
    private static final AtomicLong TRIALS = new AtomicLong();

    private final String what;
    private final String trialId;
    private final String clusterName;
    private final List<Process> processes = new ArrayList<>();
    /** Own members: address -> process. */
    private final Map<String, Process> byAddress = new HashMap<>();
    private final List<String> addresses = new ArrayList<>();
    private HazelcastInstance client;
    /** Counts the client's bytes on the wire for the cost profile ({@link ClientTraffic}). */
    private Runnable traffic = () -> { };
    /** The members at the start of the trial, in range order. */
    private List<Member> members = List.of();
    private final long startMillis;

    EngineCluster(String what, int n) {
        this.what = what;
        long t0 = System.nanoTime();
        String remote = System.getProperty(EngineNetwork.MEMBERS_PROPERTY, "").trim();
        trialId = ProcessHandle.current().pid() + "-" + TRIALS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        try {
            if (System.getProperty("hazelcast.logging.type") == null) {
                System.setProperty("hazelcast.logging.type", EngineConfigs.loggingType());
            }
            if (remote.isEmpty()) {
                clusterName = "parbench-" + trialId;
                List<Integer> ports = freePorts(n);
                for (int port : ports) {
                    addresses.add("127.0.0.1:" + port);
                }
                for (int port : ports) {
                    processes.add(MemberProcesses.start(clusterName, port, addresses));
                }
                for (Process p : processes) {
                    String a = MemberProcesses.awaitAnnouncement(p, START_TIMEOUT);
                    byAddress.put(a, p);
                }
            } else {
                clusterName = System.getProperty(EngineNetwork.CLUSTER_PROPERTY, "").trim();
                if (clusterName.isEmpty()) {
                    throw new IllegalArgumentException("-D" + EngineNetwork.MEMBERS_PROPERTY + " needs -D"
                            + EngineNetwork.CLUSTER_PROPERTY + "=NAME, the name its members were started with");
                }
                for (String a : remote.split(",")) {
                    addresses.add(a.trim());
                }
                EngineNetwork.checkMembers(addresses, Boolean.getBoolean(EngineNetwork.INSECURE_PROPERTY),
                        "-D" + EngineNetwork.INSECURE_PROPERTY + "=true");
            }
            long tAnnounced = System.nanoTime();
            client = HazelcastClient.newHazelcastClient(EngineConfigs.client(clusterName, addresses,
                    TIMEOUT.toSeconds()));
            traffic = ClientTraffic.count(client);
            long tClient = System.nanoTime();
            members = awaitMembers(n);
            long tMembers = System.nanoTime();
            awaitPartitionOwners();
            if (EngineConfigs.verbose()) {
                System.err.printf("parbench: %s: members announced %d ms, client %d ms, all members %d ms, "
                        + "partitions %d ms%n", what, (tAnnounced - t0) / 1_000_000, (tClient - tAnnounced) / 1_000_000,
                        (tMembers - tClient) / 1_000_000, (System.nanoTime() - tMembers) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException(what + ": could not start or reach its Hazelcast cluster: "
                    + e.getMessage(), e);
        }
        startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Free loopback ports (bound and released at once; a member that then fails to bind says so). */
    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                sockets.add(s);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    /** Waits (bounded) until the client sees at least {@code n} members; returns them in range order. */
    private List<Member> awaitMembers(int n) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Set<Member> seen;
        while ((seen = client.getCluster().getMembers()).size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster has " + seen.size() + " members after "
                        + START_TIMEOUT.toSeconds() + " s; parallelism " + n + " needs " + n
                        + (processes.isEmpty() ? " (-Dparbench.hazelcast.members)" : ""));
            }
            sleep(50);
        }
        List<Member> ordered = new ArrayList<>();
        if (!processes.isEmpty()) {
            for (String a : addresses) { // start order
                seen.stream().filter(m -> address(m).equals(a)).findFirst().ifPresent(ordered::add);
            }
        }
        for (Member m : seen) {
            if (!ordered.contains(m)) {
                ordered.add(m);
            }
        }
        return List.copyOf(ordered);
    }

    /** Waits (bounded) until the client's partition table gives partitions to every member (migrations done). */
    private void awaitPartitionOwners() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Set<UUID> owners = new HashSet<>();
            boolean all = true;
            for (Partition p : client.getPartitionService().getPartitions()) {
                Member o = p.getOwner();
                if (o == null) {
                    all = false;
                } else {
                    owners.add(o.getUuid());
                }
            }
            if (all && members.stream().allMatch(m -> owners.contains(m.getUuid()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                return; // placement is then Hazelcast's: correct, possibly less balanced
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }

    /** The member JVMs started here, in range order (empty for a real cluster); for tests. */
    List<Process> processes() {
        return List.copyOf(processes);
    }

    HazelcastInstance client() {
        return client;
    }

    String clusterName() {
        return clusterName;
    }

    /** A name unique to this trial (pid, trial number, random part), for what the trial creates on the cluster. */
    String trialId() {
        return trialId;
    }

    /** How long starting the members and connecting took, in ms. */
    long startMillis() {
        return startMillis;
    }

    /** The member for range {@code k}. */
    Member memberFor(int k) {
        return members.get(k % members.size());
    }

    static String address(Member m) {
        InetSocketAddress a = m.getSocketAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    /** "member 127.0.0.1:5701 (pid 123, exited with code 137 (killed))" or "member host:port". */
    String name(Member m) {
        Process p = byAddress.get(address(m));
        return "member " + address(m) + (p == null ? "" : " (" + MemberProcesses.describe(p) + ")");
    }

    /**
     * Fails if a member of the trial has left the cluster: the models do not replace members, so the rest of the trial
     * could not be what it claims to measure.
     */
    void requireMembers() {
        Set<UUID> now = new HashSet<>();
        client.getCluster().getMembers().forEach(m -> now.add(m.getUuid()));
        List<String> lost = members.stream().filter(m -> !now.contains(m.getUuid()) || !alive(m)).map(this::name)
                .toList();
        if (!lost.isEmpty()) {
            throw new IllegalStateException(what + ": " + String.join(", ", lost) + " left the cluster; "
                    + (members.size() - lost.size()) + " of " + members.size() + " members remain");
        }
    }

    /** False for a member JVM of ours that has exited (the cluster may not have noticed yet). */
    private boolean alive(Member m) {
        Process p = byAddress.get(address(m));
        return p == null || p.isAlive();
    }

    /**
     * Waits for every future with the operation deadline and fails fast: the first failure ends the operation with the
     * member it was sent to named ({@code memberOf.apply(k)}), and a timeout names every member still silent.
     */
    <T> List<T> await(List<? extends Future<T>> futures, Function<Integer, Member> memberOf) {
        return await(what, futures, k -> name(memberOf.apply(k)));
    }

    /** {@link #await(List, Function)} with the member of range k named by {@code nameOf}; static for tests. */
    static <T> List<T> await(String what, List<? extends Future<T>> futures, IntFunction<String> nameOf) {
        List<CompletableFuture<T>> cfs = new ArrayList<>();
        for (Future<T> f : futures) {
            cfs.add(toCompletable(f));
        }
        CompletableFuture<Object> anyFailure = new CompletableFuture<>();
        for (CompletableFuture<T> f : cfs) {
            f.whenComplete((r, e) -> {
                if (e != null) {
                    anyFailure.completeExceptionally(e);
                }
            });
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(cfs.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, anyFailure).get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            List<T> out = new ArrayList<>(cfs.size());
            for (CompletableFuture<T> f : cfs) {
                out.add(f.get());
            }
            return out;
        } catch (TimeoutException e) {
            List<String> late = new ArrayList<>();
            for (int k = 0; k < cfs.size(); k++) {
                if (!cfs.get(k).isDone()) {
                    late.add("range " + k + " on " + nameOf.apply(k));
                }
            }
            throw new IllegalStateException(what + ": no answer within " + TIMEOUT.toSeconds() + " s from " + late
                    + " (-Dparbench.remote.timeoutSeconds)");
        } catch (ExecutionException e) {
            // anyFailure, or all with the same exception when the failed range was the last to finish, whichever the
            // scheduler completed first: the failed range is found from the futures themselves
            Throwable c = e.getCause();
            while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)
                    && c.getCause() != null) {
                c = c.getCause();
            }
            int index = firstFailed(cfs);
            if (index >= 0) {
                throw new IllegalStateException(what + ": range " + index + " on " + nameOf.apply(index)
                        + " failed: " + c, c);
            }
            throw new IllegalStateException(what + ": " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }

    /** The first future that completed exceptionally, or -1. */
    private static int firstFailed(List<? extends CompletableFuture<?>> cfs) {
        for (int k = 0; k < cfs.size(); k++) {
            if (cfs.get(k).isCompletedExceptionally()) {
                return k;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<T> toCompletable(Future<T> f) {
        if (f instanceof CompletionStage<?> s) {
            return (CompletableFuture<T>) s.toCompletableFuture();
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new java.util.concurrent.CompletionException(e.getCause());
            }
        });
    }

    /** What the cluster is, for env.json: name, member count, Hazelcast version, each member's cores and JDK. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cluster", processes.isEmpty() ? clusterName : "embedded (member JVMs started per trial)");
        d.putAll(describe(client, members));
        return d;
    }

    /** Member count, Hazelcast versions, and each member's address, cores and JDK (asked with a 30 s bound). */
    static Map<String, Object> describe(HazelcastInstance client, List<Member> members) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("members", members.size());
        d.put("clientVersion", BuildInfoProvider.getBuildInfo().getVersion());
        List<Map<String, Object>> ms = new ArrayList<>();
        var exec = client.getExecutorService(EngineConfigs.EXECUTOR);
        for (Member m : members) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("address", address(m));
            one.put("version", m.getVersion().toString());
            try {
                MemberInfo info = exec.submitToMember(new MemberInfo.Task(), m).get(30, TimeUnit.SECONDS);
                one.put("cores", info.cores);
                one.put("jdk", info.jdk);
            } catch (ExecutionException | TimeoutException e) {
                one.put("error", String.valueOf(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ms.add(one);
        }
        d.put("memberDetails", ms);
        return d;
    }

    /** Shuts the client down, then the member JVMs (SIGTERM, 2 s grace, SIGKILL). Idempotent. */
    @Override
    public void close() {
        traffic.run(); // stops counting the client's bytes
        if (client != null) {
            try {
                client.shutdown();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            client = null;
        }
        MemberProcesses.stopAll(processes, Duration.ofSeconds(2));
        processes.clear();
    }
}
