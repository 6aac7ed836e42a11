package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import dev.parbench.engine.EngineConfigs;
import dev.parbench.engine.HazelcastMember;
import dev.parbench.remote.Models;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster, started the way the README tells a user to ({@code worker --hazelcast --bind 127.0.0.1 --port P
 * --cluster N --members ...}, two member JVMs on loopback), used by the models through
 * {@code -Dparbench.hazelcast.members}: exact answers, nothing left on the cluster afterwards, env.json describing
 * those members. And the member's refusals: a non-loopback {@code --bind} without {@code --insecure-network}, and
 * an address that is not on this machine, are one line and exit 2.
 */
class HazelcastRealClusterTest {
    private static final List<Process> MEMBERS = new ArrayList<>();
    private static final List<String> ADDRESSES = new ArrayList<>();
    private static final String CLUSTER = "parbench-test-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startTwoMembersByHand() throws Exception {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            held.add(s);
            ports.add(s.getLocalPort());
        }
        for (ServerSocket s : held) {
            s.close();
        }
        ports.forEach(p -> ADDRESSES.add("127.0.0.1:" + p));
        for (int port : ports) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--add-modules", "jdk.incubator.vector", "-Dhazelcast.logging.type=none", "-cp",
                    System.getProperty("java.class.path"), "dev.parbench.cli.Main", "worker", "--hazelcast",
                    "--bind", "127.0.0.1", "--port", String.valueOf(port), "--cluster", CLUSTER, "--members",
                    String.join(",", ADDRESSES), "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
            MEMBERS.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process p : MEMBERS) {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(120, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith(HazelcastMember.ANNOUNCEMENT), "announced: " + line);
        }
    }

    @AfterAll
    static void stopMembers() throws InterruptedException {
        for (Process p : MEMBERS) {
            p.destroy();
        }
        for (Process p : MEMBERS) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static <T> T withRealCluster(java.util.concurrent.Callable<T> body) throws Exception {
        System.setProperty("parbench.hazelcast.members", String.join(",", ADDRESSES));
        System.setProperty("parbench.hazelcast.cluster", CLUSTER);
        try {
            return body.call();
        } finally {
            System.clearProperty("parbench.hazelcast.members");
            System.clearProperty("parbench.hazelcast.cluster");
        }
    }

    /** The names of the parbench data maps on the cluster, asked by a client of its own. */
    private static List<String> dataMaps() {
        HazelcastInstance client = HazelcastClient.newHazelcastClient(EngineConfigs.client(CLUSTER, ADDRESSES, 30));
        try {
            return client.getDistributedObjects().stream().map(DistributedObject::getName)
                    .filter(n -> n.startsWith("parbench-data")).toList();
        } finally {
            client.shutdown();
        }
    }

    private static <I> long exact(Strategy s, Workload<I> w, int size) {
        I input = w.prepare(size, 1);
        long expected = w.oracle(input);
        assertEquals(expected, s.execute(w, input), s.kind() + " on the real cluster");
        return expected;
    }

    @Test
    void theModelsRunExactlyOnMembersStartedByHandAndLeaveNoMapBehind() throws Exception {
        Workload<?> w = WorkloadKind.SUM.create(Kernel.SIMD);
        int size = 3 * w.blockSize() + 5;
        withRealCluster(() -> {
            for (StrategyKind kind : List.of(StrategyKind.HAZELCAST, StrategyKind.HAZELCAST_RESIDENT)) {
                Strategy s = Models.create(kind, 2);
                try {
                    exact(s, w, size);
                    exact(s, w, size + 1); // stored again: a new input
                    if (kind == StrategyKind.HAZELCAST_RESIDENT) {
                        assertEquals(1, dataMaps().size(), "the trial's data is on the cluster while it runs");
                    }
                } finally {
                    s.close();
                }
                assertEquals(List.of(), dataMaps(), kind + ": no data map left on the cluster after close");
            }
            return null;
        });
    }

    @Test
    void twoTrialsOnOneClusterUseDifferentMaps() throws Exception {
        Workload<?> w = WorkloadKind.SUM.create(Kernel.SIMD);
        withRealCluster(() -> {
            Strategy a = Models.create(StrategyKind.HAZELCAST_RESIDENT, 2);
            Strategy b = Models.create(StrategyKind.HAZELCAST_RESIDENT, 2);
            try {
                exact(a, w, 2 * w.blockSize());
                exact(b, w, 5 * w.blockSize() + 3);
                assertEquals(2, dataMaps().size(), "one map per trial: " + dataMaps());
                exact(a, w, 2 * w.blockSize()); // a's data was not cleared by b's store
            } finally {
                a.close();
                b.close();
            }
            return null;
        });
    }

    @Test
    void envJsonDescribesTheClusterTheForksUsed(@TempDir Path dir) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("args", List.of("--strategies", "hazelcast"));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("hazelcast", dev.parbench.engine.ClusterDescription.forRun(List.of())); // what the start assumes
        env.put("run", run);
        Path runDir = dir.resolve("run");
        RunStore store = RunStore.create(runDir, env);
        store.forkFlags(List.of("--add-modules=jdk.incubator.vector", "-Dparbench.hazelcast.members="
                + String.join(",", ADDRESSES), "-Dparbench.hazelcast.cluster=" + CLUSTER));
        store.end("complete");
        JsonNode h = new ObjectMapper().readTree(runDir.resolve("env.json").toFile()).path("hazelcast");
        assertEquals(CLUSTER, h.path("cluster").asText(), h.toString());
        assertEquals(2, h.path("members").asInt(), h.toString());
        List<String> seen = new ArrayList<>();
        for (JsonNode m : h.path("memberDetails")) {
            seen.add(m.path("address").asText());
            assertFalse(m.path("version").asText().isEmpty(), "the member's version: " + m);
            assertTrue(m.path("cores").asInt() >= 1, "asked of the member: " + m);
        }
        assertEquals(new java.util.TreeSet<>(ADDRESSES), new java.util.TreeSet<>(seen), h.toString());
        assertFalse(h.toString().contains("embedded"), h.toString());
    }

    private record Outcome(int code, String err) {
    }

    /** {@code Main worker --hazelcast ARGS} as its own JVM, as a user runs it (bounded: killed after 60 s). */
    private static Outcome worker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dhazelcast.logging.type=none", "-cp",
                System.getProperty("java.class.path"), "dev.parbench.cli.Main", "worker", "--hazelcast",
                "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "";
            }
        });
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Outcome(-1, "still running after 60 s: " + err.get(10, TimeUnit.SECONDS));
        }
        // the JVM's own notice of the incubator module is not parbench's output
        String text = err.get(10, TimeUnit.SECONDS).lines().filter(l -> !l.startsWith("WARNING: Using incubator"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return new Outcome(p.exitValue(), text.strip());
    }

    private static void assertOneLine(Outcome o, String... parts) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("parbench: ") && !o.err().contains("\n") && !o.err().contains("\tat "),
                o.err());
        for (String p : parts) {
            assertTrue(o.err().contains(p), p + ": " + o.err());
        }
    }

    @Test
    void aNonLoopbackBindNeedsTheInsecureFlag() throws Exception {
        assertOneLine(worker("--bind", "0.0.0.0", "--port", "5701", "--cluster", "x"), "--insecure-network",
                "no authentication");
        assertOneLine(worker("--port", "5701", "--cluster", "x", "--members", "192.0.2.1:5701"),
                "--insecure-network");
        assertOneLine(worker("--port", "5701", "--members", "127.0.0.1:5701"), "--cluster");
    }

    @Test
    void aBindAddressNotOnThisMachineIsOneLine() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): on no machine's interfaces
        assertOneLine(worker("--bind", "192.0.2.1", "--port", "5701", "--cluster", "x"), "192.0.2.1",
                "not an address of this machine");
        assertOneLine(worker("--insecure-network", "--bind", "192.0.2.1", "--port", "5701", "--cluster", "x"),
                "192.0.2.1", "not an address of this machine");
    }

    @Test
    void theForksRefuseANonLoopbackMemberWithoutTheFlagAndAClusterWithoutAName() throws Exception {
        System.setProperty("parbench.hazelcast.members", "192.0.2.1:5701");
        System.setProperty("parbench.hazelcast.cluster", "x");
        try {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Models.create(StrategyKind.HAZELCAST, 1));
            assertTrue(e.getMessage().contains("-Dparbench.hazelcast.insecure=true"), e.getMessage());
            System.clearProperty("parbench.hazelcast.cluster");
            System.setProperty("parbench.hazelcast.members", String.join(",", ADDRESSES));
            e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Models.create(StrategyKind.HAZELCAST, 1));
            assertTrue(e.getMessage().contains("-Dparbench.hazelcast.cluster=NAME"), e.getMessage());
        } finally {
            System.clearProperty("parbench.hazelcast.members");
            System.clearProperty("parbench.hazelcast.cluster");
        }
    }
}
