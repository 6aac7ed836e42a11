package dev.parbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.parbench.remote.Models;
import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's own promises: no Java serialization in either direction, a member killed mid-operation fails that
 * operation within seconds with the member named, and no member JVM outlives close. (Exact answers: the contract
 * test; threads left behind: the close test.)
 */
class HazelcastEngineTest {
    /** A payload that only Java serialization could carry. */
    record JavaSerializedTask(long value) implements Callable<Long>, Serializable {
        @Override
        public Long call() {
            return value;
        }
    }

    private static EngineCluster cluster;

    @BeforeAll
    static void startOneMember() {
        cluster = new EngineCluster("test", 1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theClientRefusesToWriteAJavaSerializablePayload() {
        Member m = cluster.memberFor(0);
        HazelcastSerializationException e = assertThrows(HazelcastSerializationException.class,
                () -> cluster.client().getExecutorService(EngineConfigs.EXECUTOR)
                        .submitToMember(new JavaSerializedTask(7), m).get(30, TimeUnit.SECONDS));
        assertTrue(causes(e).contains("Java serialization is disabled"), causes(e));
        assertThrows(HazelcastSerializationException.class,
                () -> cluster.client().getMap(EngineConfigs.MAP_PREFIX + "x").set("k", new JavaSerializedTask(1)));
    }

    /** A client with Hazelcast's defaults (Java serialization on) sends a Serializable task: the member refuses it. */
    @Test
    void aMemberRefusesAJavaSerializedPayloadFromAnyClient() throws Exception {
        ClientConfig plain = new ClientConfig();
        plain.setClusterName(cluster.clusterName());
        plain.setProperty("hazelcast.logging.type", "none");
        plain.getNetworkConfig().addAddress(EngineCluster.address(cluster.memberFor(0)));
        plain.getMetricsConfig().setEnabled(false);
        HazelcastInstance other = HazelcastClient.newHazelcastClient(plain);
        try {
            Member m = other.getCluster().getMembers().iterator().next();
            ExecutionException e = assertThrows(ExecutionException.class, () -> other.getExecutorService(
                    EngineConfigs.EXECUTOR).submitToMember(new JavaSerializedTask(7), m).get(30, TimeUnit.SECONDS));
            // the member's deserialization filter refuses the class before resolving it
            assertTrue(causes(e).contains("HazelcastSerializationException")
                    && causes(e).contains("JavaSerializedTask is not allowed"), causes(e));
        } finally {
            other.shutdown();
        }
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(" <- ");
        }
        return b.toString();
    }

    @Test
    void theEngineTasksTravelWithoutJavaSerialization() throws Exception {
        Workload<?> w = WorkloadKind.SUM.create(Kernel.SIMD);
        assertEquals(oracleOf(w, 3 * w.blockSize() + 5), viaCluster(w, 3 * w.blockSize() + 5));
    }

    @Test
    void theClusterDescribesItself() {
        // as env.json records a real cluster named by the forks' -Dparbench.hazelcast.members
        var d = ClusterDescription.forRun(List.of("-Xmx1g -Dparbench.hazelcast.members="
                + EngineCluster.address(cluster.memberFor(0)), "-Dparbench.hazelcast.cluster=" + cluster.clusterName()));
        assertEquals(1, d.get("members"), d.toString());
        assertEquals(cluster.clusterName(), d.get("cluster"));
        assertEquals("5.6.0", d.get("clientVersion"));
        @SuppressWarnings("unchecked")
        var member = ((List<java.util.Map<String, Object>>) d.get("memberDetails")).get(0);
        assertTrue((Integer) member.get("cores") >= 1 && member.get("jdk") != null, d.toString());
    }

    private static <I> long oracleOf(Workload<I> w, int size) {
        return w.oracle(w.prepare(size, 1));
    }

    private static <I> long viaCluster(Workload<I> w, int size) throws Exception {
        I input = w.prepare(size, 1);
        TaskResult r = cluster.client().getExecutorService(EngineConfigs.EXECUTOR)
                .submitToMember(new SliceTask(Slice.of(w, input, 0, w.blocks(input))), cluster.memberFor(0))
                .get(30, TimeUnit.SECONDS);
        return r.partial();
    }

    /**
     * A member killed mid-operation: the operation fails (it is not retried elsewhere) within seconds, naming the
     * member's address and pid; the next operation fails too (members are not replaced); close leaves no member JVM.
     */
    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"HAZELCAST", "HAZELCAST_RESIDENT"})
    void aMemberKilledMidOperationFailsItWithTheMemberNamed(StrategyKind kind) throws Exception {
        Workload<?> w = WorkloadKind.MANDELBROT.create(Kernel.SCALAR);
        Strategy s = Models.create(kind, 2);
        List<Process> members = clusterOf(s).processes();
        System.err.printf("%s: 2 members started and joined in %d ms%n", kind, clusterOf(s).startMillis());
        try {
            long pid = killSecondMemberDuring(s, w);
            IllegalStateException next = assertThrows(IllegalStateException.class, () -> run(s, w, 1 << 20));
            assertTrue(next.getMessage().contains("left the cluster") && next.getMessage().contains("pid " + pid),
                    next.getMessage());
        } finally {
            s.close();
        }
        assertEquals(List.of(), members.stream().filter(Process::isAlive).map(Process::pid).toList(),
                "member JVMs left after close");
    }

    private static <I> long killSecondMemberDuring(Strategy s, Workload<I> w) throws Exception {
        I small = w.prepare(1 << 16, 1);
        assertEquals(w.oracle(small), s.execute(w, small)); // warm: stored, members up
        I big = w.prepare(1 << 28, 1); // seconds of work on a member: still running when killed
        EngineCluster c = clusterOf(s);
        Process victim = c.processes().get(1);
        CompletableFuture<Long> op = CompletableFuture.supplyAsync(() -> s.execute(w, big));
        Thread.sleep(1000);
        long killed = System.nanoTime();
        victim.destroyForcibly();
        ExecutionException e = assertThrows(ExecutionException.class, () -> op.get(20, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - killed) / 1e9;
        String message = e.getCause().getMessage();
        assertTrue(message.contains("pid " + victim.pid()) && message.contains("member 127.0.0.1:"), message);
        assertTrue(seconds < 15, "failed after " + seconds + " s");
        System.err.printf("%s: the operation failed %.1f s after the kill: %s%n", s.kind(), seconds, message);
        return victim.pid();
    }

    private static <I> long run(Strategy s, Workload<I> w, int size) {
        return s.execute(w, w.prepare(size, 1));
    }

    private static EngineCluster clusterOf(Strategy s) throws ReflectiveOperationException {
        Field f = s.getClass().getDeclaredField("cluster");
        f.setAccessible(true);
        return (EngineCluster) f.get(s);
    }
}
