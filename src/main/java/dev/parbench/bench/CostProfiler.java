package dev.parbench.bench;

import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.CostMetric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/*
 * Why each model costs what it costs: per operation, the bytes it moved between processes, the child JVMs and the
 * threads it started, what it allocated in this JVM, and for the out-of-process models the share of a link's time
 * spent moving data. `run` adds it to every model configuration (cli/JmhInvocation); by hand:
 *   java --add-modules jdk.incubator.vector -jar target/benchmarks.jar SumBench.parallel \
 *        -prof dev.parbench.bench.CostProfiler -p strategy=process-pool -p size=1048576 -p parallelism=2
 *
 * What keeps the timed figures undistorted: the hot paths only add to counters (one LongAdder add per frame, copy,
 * operation or launch: strategy/CostCounters); this class reads them, and the JVM's thread bean, only between
 * iterations. The window counted is the one the model states mark (ModelState, BaselineState: iteration set-up and
 * tear-down), which holds every operation of the iteration and nothing else: JMH runs a trial's set-up inside the
 * first warm-up iteration and its tear-down (closing pools, links and workers) inside the last measurement
 * iteration, between the profiler's own before and after. A benchmark without marks is counted from before to after
 * the iteration, as JMH's gc profiler counts.
 *
 * What would make the figures lie: counts made in child JVMs never reach this JVM (a worker's allocation is not in
 * cost.alloc.bytes); a model whose connections are not counted frame by frame reports no bytes at all, never a 0 (the
 * engines register their client's own network counters instead, or say they could not: CostCounters.notCounting).
 */
public final class CostProfiler implements InternalProfiler {
    private CostCounters.Snapshot before;

    public CostProfiler() {
    }

    @Override
    public String getDescription() {
        return "parbench: per operation, bytes moved between processes, JVMs and threads started, bytes allocated, "
                + "share of time moving data";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        CostCounters.clearMarks();
        before = CostCounters.now();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        CostCounters.Snapshot after = CostCounters.ending();
        CostCounters.Snapshot from = CostCounters.markedStart() != null ? CostCounters.markedStart() : before;
        CostCounters.Snapshot to = CostCounters.markedEnd() != null && CostCounters.markedStart() != null
                ? CostCounters.markedEnd() : after;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (from == null || ops <= 0) {
            return out;
        }
        double n = ops;
        if (from.bytesWhole() && to.bytesWhole()) {
            out.add(perOp(CostMetric.WIRE_BYTES, (to.wireBytes() - from.wireBytes()) / n));
        }
        out.add(perOp(CostMetric.JVMS, (to.jvms() - from.jvms()) / n));
        out.add(perOp(CostMetric.THREADS, (to.threads() - from.threads()) / n));
        if (from.allocatedBytes() >= 0 && to.allocatedBytes() >= 0) {
            out.add(perOp(CostMetric.ALLOC_BYTES, (to.allocatedBytes() - from.allocatedBytes()) / n));
        }
        long linkUses = to.linkUses() - from.linkUses();
        out.add(perOp(CostMetric.LINKS, linkUses / n));
        long window = to.nanoTime() - from.nanoTime();
        if (linkUses > 0 && window > 0) {
            double perLink = (double) (to.moveNanos() - from.moveNanos()) / linkUses; // per link and operation
            out.add(perOp(CostMetric.TRANSFER_TIME, perLink));
            out.add(perOp(CostMetric.TRANSFER_SHARE, perLink / (window / n)));
        }
        return out;
    }

    private static Result perOp(CostMetric m, double value) {
        return new ScalarResult(m.label(), value, m.unit(), AggregationPolicy.AVG);
    }
}
