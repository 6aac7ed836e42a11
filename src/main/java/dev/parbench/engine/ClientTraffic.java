package dev.parbench.engine;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.MetricsRegistry;
import com.hazelcast.internal.metrics.collectors.MetricsCollector;
import dev.parbench.strategy.CostCounters;

/**
 * The bytes the benchmark fork's Hazelcast client has put on and taken off its connections, from Hazelcast's own
 * network counters: every connection's {@code tcp.connection.in.bytesRead} and {@code tcp.connection.out.bytesWritten}
 * in the client's metrics registry (debug-level probes, exposed by {@link EngineConfigs#client}; with the client's
 * metrics collection off, nothing but {@link #bytes} reads them). Registered with {@link CostCounters#countBytesOf} for
 * the trial. Only the client's end is seen: what members send one another is not counted, and a connection that
 * closes takes its counts with it (the client keeps one per member for the whole trial).
 */
final class ClientTraffic {
    private ClientTraffic() {
    }

    /**
     * Counts {@code client}'s bytes from now on; run the result when the client closes. A client whose counters
     * cannot be found (another kind, or another Hazelcast whose names differ) makes the byte count not whole instead.
     */
    static Runnable count(HazelcastInstance client) {
        if (!(client instanceof HazelcastClientProxy proxy) || proxy.client == null) {
            return CostCounters.notCounting();
        }
        MetricsRegistry registry = proxy.client.getMetricsRegistry();
        if (bytes(registry) == 0) { // connected, so it has read and written: the counters are not where we look
            return CostCounters.notCounting();
        }
        return CostCounters.countBytesOf(() -> bytes(registry));
    }

    /** Bytes read and written so far over the registry's connections (collects every metric: milliseconds). */
    static long bytes(MetricsRegistry registry) {
        long[] sum = {0};
        registry.collect(new MetricsCollector() {
            @Override
            public void collectLong(MetricDescriptor d, long value) {
                if ("tcp.connection.in".equals(d.prefix()) && "bytesRead".equals(d.metric())
                        || "tcp.connection.out".equals(d.prefix()) && "bytesWritten".equals(d.metric())) {
                    sum[0] += value;
                }
            }

            @Override
            public void collectDouble(MetricDescriptor d, double value) {
            }

            @Override
            public void collectException(MetricDescriptor d, Exception e) {
            }

            @Override
            public void collectNoValue(MetricDescriptor d) {
            }
        });
        return sum[0];
    }
}
