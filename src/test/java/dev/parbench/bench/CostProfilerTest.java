package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.CostMetric;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@link CostProfiler} inside JMH (one fork, tiny iterations, {@code SumBench.parallel} at 32k elements, p = 2), next
 * to JMH's own {@code -prof gc}:
 * <ul>
 *   <li>thread-per-task: its allocation per operation agrees with {@code gc.alloc.rate.norm} within 5%. Its threads
 *   end inside the operation; JMH 1.37's gc profiler reads {@code getTotalThreadAllocatedBytes} where the JVM has it
 *   (JDK 21+), which counts ended threads too, so both see them (summing the live threads' counters, JMH's fallback
 *   on older JDKs, would not). It starts 2 threads per operation, and no JVM;</li>
 *   <li>process-pool: 8 bytes per element plus framing per operation, and neither a JVM nor a thread: the pool's
 *   start (in the first warm-up iteration) and its close (in the last measurement iteration, where JMH runs a
 *   trial's tear-down) fall outside the window the model state marks.</li>
 * </ul>
 */
class CostProfilerTest {
    static final int SIZE = 32768;

    @Test
    @SuppressWarnings("rawtypes") // JMH's secondary results are raw Results
    void costsPerOperationInsideJmh() throws Exception {
        Options o = new OptionsBuilder().include("^\\Q" + SumBench.class.getName() + ".parallel\\E$")
                .param("size", String.valueOf(SIZE)).param("parallelism", "2")
                .param("strategy", "thread-per-task", "process-pool")
                .forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(300))
                .jvmArgsAppend("--add-modules=jdk.incubator.vector", "-Xmx1g")
                .addProfiler(CostProfiler.class).addProfiler(GCProfiler.class)
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(o).run();
        Map<String, Map<String, Double>> byModel = new HashMap<>();
        for (RunResult r : results) {
            Map<String, Double> scores = new HashMap<>();
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                scores.put(e.getKey(), e.getValue().getScore());
            }
            byModel.put(r.getParams().getParam("strategy"), scores);
        }

        Map<String, Double> perTask = byModel.get("thread-per-task");
        assertNotNull(perTask, "thread-per-task ran");
        double ours = score(perTask, CostMetric.ALLOC_BYTES.label());
        double jmhs = score(perTask, "gc.alloc.rate.norm");
        System.out.printf(Locale.ROOT, "cost: thread-per-task allocates %.1f B/op (cost profile), %.1f B/op (JMH's gc "
                + "profiler)%n", ours, jmhs);
        assertEquals(jmhs, ours, 0.05 * jmhs, "cost.alloc.bytes against gc.alloc.rate.norm");
        assertEquals(2, score(perTask, CostMetric.THREADS.label()), 0.01, "p threads per operation");
        assertEquals(0, score(perTask, CostMetric.JVMS.label()));
        assertEquals(0, score(perTask, CostMetric.WIRE_BYTES.label()));

        Map<String, Double> pool = byModel.get("process-pool");
        assertNotNull(pool, "process-pool ran");
        double bytes = score(pool, CostMetric.WIRE_BYTES.label());
        System.out.printf(Locale.ROOT, "cost: process-pool moves %.0f B/op, %.3f threads/op, %.3f JVMs/op, "
                + "transfer share %.2f%n", bytes, score(pool, CostMetric.THREADS.label()),
                score(pool, CostMetric.JVMS.label()), score(pool, CostMetric.TRANSFER_SHARE.label()));
        assertTrue(bytes >= 8.0 * SIZE && bytes <= 8.0 * SIZE + 2 * 256, "8 N plus framing: " + bytes);
        assertEquals(0, score(pool, CostMetric.THREADS.label()), "the pool's start and close are not counted");
        assertEquals(0, score(pool, CostMetric.JVMS.label()));
        assertEquals(2, score(pool, CostMetric.LINKS.label()), 1e-9);
        double share = score(pool, CostMetric.TRANSFER_SHARE.label());
        assertTrue(share > 0 && share < 1.05, "share of a link's time moving data: " + share);
    }

    private static double score(Map<String, Double> scores, String label) {
        Double v = scores.get(label);
        assertNotNull(v, label + " missing; have " + scores.keySet());
        return v;
    }
}
