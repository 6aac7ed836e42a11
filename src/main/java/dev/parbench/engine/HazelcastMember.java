package dev.parbench.engine;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A Hazelcast member serving parbench's engine tasks: {@code Main worker --hazelcast --cluster NAME --port P
 * --members HOST:PORT,...}. It announces itself on stdout ({@code parbench hazelcast member listening on HOST:PORT})
 * and serves until the cluster shuts it down, the process is killed, or (with {@code --parent-pid}) its parent exits.
 */
public final class HazelcastMember {
    public static final String ANNOUNCEMENT = "parbench hazelcast member listening on ";

    private HazelcastMember() {
    }

    /**
     * Starts the member, announces it on {@code out}, and blocks until it has shut down. A member that cannot start
     * (its port taken, its address refused) is an {@link IllegalArgumentException} with Hazelcast's reason in one line.
     */
    public static void serve(String cluster, String bind, int port, List<String> members, PrintStream out)
            throws InterruptedException {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", EngineConfigs.loggingType());
        }
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(EngineConfigs.member(cluster, bind, port, members));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse(root.getClass().getName());
            throw new IllegalArgumentException("the Hazelcast member on " + bind + ":" + port + " could not start: "
                    + why, e);
        }
        CountDownLatch down = new CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        InetSocketAddress a = hz.getCluster().getLocalMember().getSocketAddress();
        out.println(ANNOUNCEMENT + a.getHostString() + ":" + a.getPort());
        out.flush();
        if (hz.getLifecycleService().isRunning()) {
            down.await();
        }
    }
}
