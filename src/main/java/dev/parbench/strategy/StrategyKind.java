package dev.parbench.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The concurrency models. Each constant's id is the JMH {@code strategy} parameter value, the CLI id and the chart
 * legend; it also says how the model splits the work ({@link Split}), what carries the data ({@link Transport}), and
 * whether its parallelism is a thread count, so reports never switch on model names. {@link #create(int)} builds the in-JVM models; the out-of-process ones live in {@code remote} (and the
 * distributed-engine ones in {@code engine}), which
 * depends on this package and not the other way round, so build any model with
 * {@code dev.parbench.remote.Models.create(kind, parallelism)}.
 */
public enum StrategyKind {
    SEQUENTIAL("sequential", p -> new SequentialStrategy(), Split.NONE, Transport.IN_JVM, true,
            "The baseline: one loop on the caller's thread; parallelism is ignored."),
    THREAD_PER_TASK("thread-per-task", ThreadPerTaskStrategy::new, Split.RANGE_PER_TASK, Transport.IN_JVM, true,
            "A new platform thread per task per operation, joined; thread creation is part of the measured cost."),
    EXECUTOR("executor", ExecutorStrategy::new, Split.RANGE_PER_TASK, Transport.IN_JVM, true,
            "A fixed thread pool built once per trial; tasks via invokeAll, results via Future.get."),
    FORK_JOIN("fork-join", ForkJoinStrategy::new, Split.WORK_STEALING, Transport.IN_JVM, true,
            "A dedicated ForkJoinPool(parallelism) built once per trial; RecursiveTask splitting to ~4 leaves per worker."),
    VIRTUAL_THREADS("virtual-threads", VirtualThreadsStrategy::new, Split.RANGE_PER_TASK, Transport.IN_JVM, false,
            "One new virtual thread per task; they run on the JVM's carrier pool (carriers = cores), not on "
                    + "'parallelism' threads."),
    PARALLEL_STREAM("parallel-stream", ParallelStreamStrategy::new, Split.RANGE_PER_TASK, Transport.IN_JVM, false,
            "A parallel stream over 'parallelism' block ranges; it runs on the common ForkJoinPool "
                    + "(cores - 1 workers plus the caller), so its thread count is not the swept parameter."),
    PROCESS_PER_TASK("process-per-task", null, Split.RANGE_PER_TASK, Transport.PIPES, true,
            "A fresh worker JVM per task per operation, fed over pipes; JVM start and cold code are part of the cost."),
    PROCESS_POOL("process-pool", null, Split.RANGE_PER_TASK, Transport.PIPES, true,
            "'parallelism' worker JVMs started once per trial, fed over pipes; the input slices travel in every "
                    + "operation."),
    PROCESS_POOL_RESIDENT("process-pool-resident", null, Split.RANGE_PER_TASK, Transport.PIPES_RESIDENT, true,
            "The process pool with the input already resident on the workers (shipped once, in warm-up): only the "
                    + "request, the partial result and any output travel."),
    SHARED_MEMORY("shared-memory", null, Split.RANGE_PER_TASK, Transport.SHARED_MEMORY, true,
            "'parallelism' worker JVMs started once per trial that map the input from shared-memory files (written "
                    + "once, in warm-up): only the request and the partial result travel over their pipes; "
                    + "vector-add's output is written into the mapping and copied out by the master."),
    SOCKET("socket", null, Split.RANGE_PER_TASK, Transport.TCP, true,
            "Master/worker over loopback TCP: 'parallelism' worker JVMs started once per trial; the input slices "
                    + "travel in every operation."),
    SOCKET_RESIDENT("socket-resident", null, Split.RANGE_PER_TASK, Transport.TCP_RESIDENT, true,
            "The socket workers with the input already resident (shipped once, in warm-up): only the request, the "
                    + "partial result and any output travel."),
    HAZELCAST("hazelcast", null, Split.RANGE_PER_TASK, Transport.ENGINE, true,
            "A Hazelcast cluster of 'parallelism' members (member JVMs started once per trial, or a real cluster): "
                    + "one task per range to member k through its distributed IExecutorService; the input slices "
                    + "travel in every operation."),
    HAZELCAST_RESIDENT("hazelcast-resident", null, Split.RANGE_PER_TASK, Transport.ENGINE_RESIDENT, true,
            "The Hazelcast cluster with the input stored once (in warm-up) in a partitioned IMap, range k on member "
                    + "k; each task runs where its data is (submitToKey): only the request, the partial result and "
                    + "any output travel.");

    /** How a model hands out the blocks. */
    public enum Split {
        /** The baseline: one loop, no tasks. */
        NONE,
        /** One contiguous, equal range of blocks per task: an uneven workload leaves some tasks idle. */
        RANGE_PER_TASK,
        /** Ranges split recursively and stolen by idle workers: rebalances uneven work. */
        WORK_STEALING
    }

    /** What carries a task's data to the thread or process that computes it. */
    public enum Transport {
        /** Shared memory of one JVM: nothing is copied. */
        IN_JVM,
        /** Pipes to child JVMs; the input slices travel in every operation. */
        PIPES,
        /** Pipes to child JVMs holding the input already: only requests and results travel. */
        PIPES_RESIDENT,
        /**
         * Pipes to child JVMs carrying only requests and results; the input is in shared-memory files the workers
         * map, and the output is written there.
         */
        SHARED_MEMORY,
        /** Loopback (or remote) TCP to worker JVMs; the input slices travel in every operation. */
        TCP,
        /** TCP to workers holding the input already: only requests and results travel. */
        TCP_RESIDENT,
        /** A distributed engine's own protocol (Hazelcast) to its member JVMs; the input slices travel every time. */
        ENGINE,
        /** A distributed engine holding the input in its partitioned store: only requests and results travel. */
        ENGINE_RESIDENT;

        /**
         * True where a task's output is written somewhere else first and then copied into the caller's array: the
         * shared-memory workers write it into the mapping, and the master copies it out (every model leaves its
         * output in the caller's array: that is the fair comparison, and what a user gets).
         */
        public boolean copiesOutputBack() {
            return this == SHARED_MEMORY;
        }

        /** True where the whole input crosses a process boundary in every operation. */
        public boolean movesInput() {
            return this == PIPES || this == TCP || this == ENGINE;
        }
    }

    private final String id;
    private final IntFunction<Strategy> factory;
    private final Split split;
    private final Transport transport;
    private final boolean parallelismIsThreads;
    private final String description;

    StrategyKind(String id, IntFunction<Strategy> factory, Split split, Transport transport,
            boolean parallelismIsThreads, String description) {
        this.id = id;
        this.factory = factory;
        this.split = split;
        this.transport = transport;
        this.parallelismIsThreads = parallelismIsThreads;
        this.description = description;
    }

    public Split split() {
        return split;
    }

    public Transport transport() {
        return transport;
    }

    public String id() {
        return id;
    }

    /** One sentence on what the model does and what its cost includes. */
    public String description() {
        return description;
    }

    /** False where the threads doing the work are not the swept parallelism (say so in reports). */
    public boolean parallelismIsThreads() {
        return parallelismIsThreads;
    }

    /**
     * True for the models a run leaves out unless they are named ({@code --strategies hazelcast,...}): the engine
     * models, whose clusters take seconds to start per trial and would break the default profiles' time budgets.
     */
    public boolean optIn() {
        return transport == Transport.ENGINE || transport == Transport.ENGINE_RESIDENT;
    }

    /** True for the models whose work runs in other JVMs (package {@code remote}). */
    public boolean outOfProcess() {
        return transport != Transport.IN_JVM;
    }

    /** Builds an in-JVM model for {@code parallelism} tasks; close it when done. */
    public Strategy create(int parallelism) {
        Strategy.checkParallelism(parallelism);
        if (factory == null) {
            throw new UnsupportedOperationException(id + " runs out of process: use dev.parbench.remote.Models");
        }
        return factory.apply(parallelism);
    }

    /** Every model except the sequential baseline: the values of the parallel benchmark's {@code strategy} param. */
    public static List<StrategyKind> parallelModels() {
        return Arrays.stream(values()).filter(k -> k != SEQUENTIAL).toList();
    }

    /** The model of an id, or empty for an id no model has (a foreign or newer results file): the one lookup. */
    public static java.util.Optional<StrategyKind> find(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The model of an id; an unknown id is an {@link IllegalArgumentException} naming the known ones. */
    public static StrategyKind fromId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + id + "'; known: "
                + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(StrategyKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
