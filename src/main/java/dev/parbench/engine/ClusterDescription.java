package dev.parbench.engine;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.BuildInfoProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hazelcast part of env.json. For the embedded default: the version and where the members run. For a real
 * cluster (the forks' {@code -Dparbench.hazelcast.members}): a client connects once, after the run, and records the
 * member count, each member's Hazelcast version, cores and JDK.
 */
public final class ClusterDescription {
    private static final String MEMBERS = "-Dparbench.hazelcast.members=";
    private static final String CLUSTER = "-Dparbench.hazelcast.cluster=";

    private ClusterDescription() {
    }

    /** True if the forks' flags name a real cluster ({@code -Dparbench.hazelcast.members}). */
    public static boolean namesRealCluster(List<?> forkJvmArgs) {
        return !find(forkJvmArgs, MEMBERS, "").isBlank();
    }

    /** The description for a run whose forks got {@code forkJvmArgs}. Never throws: a failure is recorded. */
    public static Map<String, Object> forRun(List<?> forkJvmArgs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", BuildInfoProvider.getBuildInfo().getVersion());
        String members = find(forkJvmArgs, MEMBERS, "");
        if (members.isBlank()) {
            d.put("cluster", "embedded: 'parallelism' member JVMs per trial, on loopback, same JDK and machine as "
                    + "the forks");
            return d;
        }
        String cluster = find(forkJvmArgs, CLUSTER, "");
        d.put("cluster", cluster);
        List<String> addresses = new ArrayList<>();
        for (String a : members.split(",")) {
            addresses.add(a.trim());
        }
        d.put("addresses", addresses);
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", EngineConfigs.loggingType());
        }
        HazelcastInstance client = null;
        if (cluster.isBlank()) {
            d.put("error", "no -D" + EngineNetwork.CLUSTER_PROPERTY + " in the forks' flags: the cluster was not asked");
            return d;
        }
        try {
            client = HazelcastClient.newHazelcastClient(EngineConfigs.client(cluster, addresses, 30));
            d.putAll(EngineCluster.describe(client, List.copyOf(client.getCluster().getMembers())));
        } catch (RuntimeException e) {
            d.put("error", String.valueOf(e));
        } finally {
            if (client != null) {
                client.shutdown();
            }
        }
        return d;
    }

    private static String find(List<?> args, String prefix, String otherwise) {
        String value = otherwise;
        for (Object a : args) {
            for (String part : String.valueOf(a).split("\\s+")) {
                if (part.startsWith(prefix)) {
                    value = part.substring(prefix.length());
                }
            }
        }
        return value;
    }
}
