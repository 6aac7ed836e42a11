package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The plan counts the child JVMs the process families start in every fork. */
class PlanChildJvmTest {
    private static final Plan.Timing QUICK = new Plan.Timing(2, 0.2, 3, 0.2, 2);

    private static double seconds(String benchmark, Map<String, String> params) {
        return Plan.seconds(new Configuration("p", "dev.parbench.bench." + benchmark, new TreeMap<>(params), 2, 0,
                List.of()), QUICK);
    }

    @Test
    void eachProcessFamilyCountsItsChildren() {
        assertEquals(4, Plan.childJvms("CollectivesBench", Map.of("ranks", "4", "variant", "gather")));
        assertEquals(2, Plan.childJvms("CollectivesBench", Map.of("variant", "exchange-naive")), "exchanges: 2 ranks");
        assertEquals(2, Plan.childJvms("SharedCounterBench", Map.of("workers", "2", "variant", "racy")));
        assertEquals(1, Plan.childJvms("ChannelBench", Map.of("variant", "shared-memory-ring", "size", "8")));
        assertEquals(0, Plan.childJvms("ChannelBench", Map.of("variant", "in-jvm", "size", "8")), "in-JVM: no peer");
        assertEquals(1, Plan.childJvms("IpcQueueBench", Map.of("variant", "tcp")));
        assertEquals(Plan.KILL_STARTS_PER_FORK, Plan.childJvms("KillBench", Map.of("variant", "destroy")));
        assertEquals(0, Plan.childJvms("CounterBench", Map.of("variant", "atomic")), "threads: no child JVM");
    }

    @Test
    void aChildJvmAddsItsStartToEveryFork() {
        double twoRanks = seconds("CollectivesBench.fanIn", Map.of("ranks", "2", "variant", "gather", "bytes", "8"));
        double eightRanks = seconds("CollectivesBench.fanIn", Map.of("ranks", "8", "variant", "gather", "bytes", "8"));
        assertEquals(2 * 6 * Plan.CHILD_JVM_SECONDS, eightRanks - twoRanks, 1e-9, "2 forks x 6 more ranks");
        double inJvm = seconds("ChannelBench.stream", Map.of("variant", "in-jvm", "size", "8"));
        double pipe = seconds("ChannelBench.stream", Map.of("variant", "pipe", "size", "8"));
        assertEquals(2 * Plan.CHILD_JVM_SECONDS, pipe - inJvm, 1e-9);
    }
}
