package dev.parbench.engine;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/**
 * The member and client configurations, in one place so that both sides agree: cluster name, serialization (no Java
 * serialization, see {@link EngineSerialization}), quiet logging unless {@code -Dparbench.hazelcast.verbose}, no
 * phone-home, no metrics, TCP-IP join on explicit addresses (multicast and auto-detection off).
 */
public final class EngineConfigs {
    /** The executor the {@code hazelcast} tasks go to. */
    static final String EXECUTOR = "parbench";
    /** Prefix of the resident data maps: values kept as objects, no backups (the data travels once). */
    static final String MAP_PREFIX = "parbench-";
    /** Partitions per cluster: few, as a benchmark cluster stores a handful of large values. */
    static final int PARTITIONS = 31;
    /** Socket send and receive buffers, in KB (Hazelcast's unit). */
    static final int SOCKET_BUFFER_KB = 4096;

    private static final java.util.concurrent.atomic.AtomicLong CLIENTS = new java.util.concurrent.atomic.AtomicLong();

    private EngineConfigs() {
    }

    /** {@code -Dparbench.hazelcast.verbose}: let Hazelcast's own logging through (JDK logging, INFO). */
    public static boolean verbose() {
        return Boolean.getBoolean("parbench.hazelcast.verbose");
    }

    /** Hazelcast's logging type: {@code none} unless verbose. */
    public static String loggingType() {
        return verbose() ? "jdk" : "none";
    }

    /**
     * A member of cluster {@code cluster}, listening on {@code bind:port} (no auto-increment), joining the members at
     * {@code members} ({@code host:port}, may include itself). {@code bind} 0.0.0.0 binds every interface.
     */
    public static Config member(String cluster, String bind, int port, List<String> members) {
        Config c = new Config();
        c.setClusterName(cluster);
        c.setInstanceName("parbench-member-" + cluster + "-" + port);
        common(c.getProperties());
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        c.setProperty("hazelcast.shutdownhook.policy", "TERMINATE");
        c.setProperty("hazelcast.health.monitoring.level", "OFF");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        c.setProperty("hazelcast.partition.count", String.valueOf(PARTITIONS));
        // socket buffers sized for bulk transfer, as the socket model's (4 MiB; Hazelcast's unit is KB)
        for (String k : List.of("hazelcast.socket.receive.buffer.size", "hazelcast.socket.send.buffer.size",
                "hazelcast.socket.client.receive.buffer.size", "hazelcast.socket.client.send.buffer.size")) {
            c.setProperty(k, String.valueOf(SOCKET_BUFFER_KB));
        }
        c.getMetricsConfig().setEnabled(false);
        c.getJetConfig().setEnabled(false);
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(false);
        if (bind.equals("0.0.0.0")) {
            c.setProperty("hazelcast.socket.bind.any", "true");
        } else {
            c.setProperty("hazelcast.socket.bind.any", "false");
            n.getInterfaces().setEnabled(true).addInterface(bind);
        }
        n.getRestApiConfig().setEnabled(false);
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(members.isEmpty() ? List.of(bind + ":" + port) : members);
        c.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(Math.max(2,
                Runtime.getRuntime().availableProcessors())).setStatisticsEnabled(false));
        c.addMapConfig(new MapConfig(MAP_PREFIX + "*").setInMemoryFormat(InMemoryFormat.OBJECT).setBackupCount(0)
                .setAsyncBackupCount(0).setStatisticsEnabled(false));
        EngineSerialization.configure(c.getSerializationConfig());
        return c;
    }

    /** The benchmark fork's client of cluster {@code cluster} at {@code addresses}. */
    public static ClientConfig client(String cluster, List<String> addresses, long invocationTimeoutSeconds) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(cluster);
        c.setInstanceName("parbench-client-" + cluster + "-" + CLIENTS.incrementAndGet());
        common(c.getProperties());
        c.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(invocationTimeoutSeconds));
        c.setProperty("hazelcast.client.heartbeat.timeout", "10000");
        c.setProperty("hazelcast.client.heartbeat.interval", "1000");
        c.getMetricsConfig().setEnabled(false);
        // exposes each connection's byte counters (counted anyway) to ClientTraffic; nothing collects them on a timer
        c.setProperty("hazelcast.client.metrics.debug.enabled", "true");
        c.getNetworkConfig().setAddresses(addresses);
        c.getNetworkConfig().getSocketOptions().setBufferSize(SOCKET_BUFFER_KB).setTcpNoDelay(true);
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(30_000);
        EngineSerialization.configure(c.getSerializationConfig());
        return c;
    }

    private static void common(java.util.Properties p) {
        p.setProperty("hazelcast.phone.home.enabled", "false");
        p.setProperty("hazelcast.logging.type", loggingType());
    }
}
