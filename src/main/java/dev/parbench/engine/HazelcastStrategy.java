package dev.parbench.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;
import dev.parbench.strategy.BlockRange;
import dev.parbench.strategy.PartitionedStrategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * {@code hazelcast}: the {@code executor} model on a cluster. Hazelcast's {@link IExecutorService} is a distributed
 * {@code ExecutorService}: each operation submits one {@link SliceTask} per block range, range {@code k} to member
 * {@code k} ({@code submitToMember}), the task carrying its slice of the input; the partial results (and vector-add's
 * output slices) come back and are added in range order. {@code parallelism} is the number of members; they and the
 * client start once per trial ({@link EngineCluster}).
 *
 * <p>Faults: a member that dies fails the operation it was in (its invocation fails as soon as the client's
 * connection to it closes) with that member named; the next operation fails too, saying the member left (members are
 * not replaced).
 *
 * <p>Memory consistency: a task's result is decoded by the client's threads and handed over through the
 * invocation's {@code CompletableFuture} ({@code complete}/{@code get}: a happens-before edge); the output is copied
 * into the caller's array on the caller's thread.
 */
public final class HazelcastStrategy extends PartitionedStrategy {
    private final EngineCluster cluster;
    private final IExecutorService executor;

    public HazelcastStrategy(int parallelism) {
        super(StrategyKind.HAZELCAST, parallelism);
        this.cluster = new EngineCluster(StrategyKind.HAZELCAST.id(), parallelism);
        this.executor = cluster.client().getExecutorService(EngineConfigs.EXECUTOR);
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        cluster.requireMembers();
        List<Slice> slices = new ArrayList<>(ranges.size());
        List<Future<TaskResult>> futures = new ArrayList<>(ranges.size());
        for (int k = 0; k < ranges.size(); k++) {
            BlockRange r = ranges.get(k);
            Slice s = Slice.of(workload, input, r.from(), r.to());
            slices.add(s);
            Member m = cluster.memberFor(k);
            futures.add(executor.submitToMember(new SliceTask(s), m));
        }
        List<TaskResult> results = cluster.await(futures, cluster::memberFor);
        long total = 0;
        for (int k = 0; k < results.size(); k++) {
            TaskResult r = results.get(k);
            if (r.error() != null) {
                throw new IllegalStateException(kind() + ": range " + k + " on "
                        + cluster.name(cluster.memberFor(k)) + " failed: " + r.error());
            }
            slices.get(k).applyOutput(input, r);
            total = workload.combine(total, r.partial());
        }
        return total;
    }

    /** The cluster this model runs on, for env.json. */
    public Map<String, Object> describeCluster() {
        return cluster.describe();
    }

    /** Milliseconds it took to start the members and connect (trial setup). */
    public long startMillis() {
        return cluster.startMillis();
    }

    /** Not traced: the engine runs the tasks, out of this class's sight. */
    @Override
    public boolean traceWith(dev.parbench.strategy.Tracer t) {
        return false;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
