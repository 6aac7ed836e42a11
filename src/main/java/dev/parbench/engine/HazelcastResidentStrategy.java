package dev.parbench.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.parbench.strategy.BlockRange;
import dev.parbench.strategy.PartitionedStrategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * {@code hazelcast-resident}: the input lives in the cluster. On the first operation with an input (in warm-up), its
 * block ranges are stored in a partitioned {@link IMap}, one entry per range, each under a key chosen so that its
 * partition is owned by member {@code k} (values kept as objects, no backups). Each operation then sends one
 * read-only {@link ResidentTask} per range with {@code submitToKey}: it runs on the member that owns the entry, on
 * the stored slice itself, and only the request and the partial result (and vector-add's output) travel.
 *
 * <p>The map is named after the trial ({@code parbench-data-<trial>}) and destroyed at close, so nothing stays on
 * a real cluster and two masters sharing one never overwrite each other's data.
 *
 * <p>The data is stored again when the input, the ranges or the owner of any key changes. Faults: a member that dies
 * fails the operation it was in with that member named (its entries are gone with it: no backups); the next operation
 * fails too, saying the member left.
 *
 * <p>Memory consistency: as {@link HazelcastStrategy} (the invocation's {@code CompletableFuture}).
 */
public final class HazelcastResidentStrategy extends PartitionedStrategy {
    private final EngineCluster cluster;
    private final IMap<String, Slice> map;
    private final PartitionService partitions;
    private Object storedInput;
    private List<BlockRange> storedRanges;
    private List<String> keys = List.of();
    private List<UUID> owners = List.of();
    private long dataset;

    public HazelcastResidentStrategy(int parallelism) {
        super(StrategyKind.HAZELCAST_RESIDENT, parallelism);
        this.cluster = new EngineCluster(StrategyKind.HAZELCAST_RESIDENT.id(), parallelism);
        this.map = cluster.client().getMap(EngineConfigs.MAP_PREFIX + "data-" + cluster.trialId());
        this.partitions = cluster.client().getPartitionService();
    }

    @Override
    protected <I> long runAll(Workload<I> workload, I input, List<BlockRange> ranges) {
        cluster.requireMembers();
        List<Slice> slices = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            slices.add(Slice.of(workload, input, r.from(), r.to()));
        }
        if (storedInput != input || !ranges.equals(storedRanges) || !ownersUnchanged()) {
            store(slices);
            storedInput = input;
            storedRanges = ranges;
        }
        List<Future<TaskResult>> futures = new ArrayList<>(ranges.size());
        for (String key : keys) {
            futures.add(map.submitToKey(key, new ResidentTask()).toCompletableFuture());
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

    /** Clears the map and stores one entry per range, range k under a key owned by member k (sent in parallel). */
    private void store(List<Slice> slices) {
        map.clear();
        dataset++;
        List<String> newKeys = new ArrayList<>();
        List<UUID> newOwners = new ArrayList<>();
        List<Future<Void>> puts = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            String key = keyOwnedBy(cluster.memberFor(k), k);
            newKeys.add(key);
            Member owner = partitions.getPartition(key).getOwner();
            newOwners.add(owner == null ? null : owner.getUuid());
            puts.add(map.setAsync(key, slices.get(k)).toCompletableFuture());
        }
        keys = List.of();
        cluster.await(puts, cluster::memberFor);
        keys = newKeys;
        owners = newOwners;
    }

    /** A key of this dataset and range whose partition member {@code m} owns (Hazelcast's choice if none is found). */
    private String keyOwnedBy(Member m, int k) {
        for (int j = 0; j < 10_000; j++) {
            String key = "d" + dataset + "-r" + k + "-" + j;
            Member owner = partitions.getPartition(key).getOwner();
            if (owner != null && owner.getUuid().equals(m.getUuid())) {
                return key;
            }
        }
        return "d" + dataset + "-r" + k;
    }

    private boolean ownersUnchanged() {
        for (int k = 0; k < keys.size(); k++) {
            Member owner = partitions.getPartition(keys.get(k)).getOwner();
            if (owner == null || !owner.getUuid().equals(owners.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Not traced: the engine runs the tasks, out of this class's sight. */
    @Override
    public boolean traceWith(dev.parbench.strategy.Tracer t) {
        return false;
    }

    /** The map this trial's data lives in; for tests. */
    String mapName() {
        return map.getName();
    }

    /** Destroys the trial's map (bounded by the client's invocation timeout), then closes the cluster. */
    @Override
    public void close() {
        try {
            map.destroy();
        } catch (RuntimeException e) {
            System.err.println("parbench: " + kind() + ": could not destroy map " + map.getName() + ": " + e);
        } finally {
            cluster.close();
        }
    }

}
