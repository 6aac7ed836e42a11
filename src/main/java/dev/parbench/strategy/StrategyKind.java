package dev.parbench.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The concurrency models. Each constant's id is the JMH {@code strategy} parameter value, the CLI id and the chart
 * legend. {@link #create(int)} builds the in-JVM models; the out-of-process ones live in {@code remote}, which
 * depends on this package and not the other way round, so build any model with
 * {@code dev.parbench.remote.Models.create(kind, parallelism)}.
 */
public enum StrategyKind {
    SEQUENTIAL("sequential", p -> new SequentialStrategy(), true,
            "The baseline: one loop on the caller's thread; parallelism is ignored."),
    THREAD_PER_TASK("thread-per-task", ThreadPerTaskStrategy::new, true,
            "A new platform thread per task per operation, joined; thread creation is part of the measured cost."),
    EXECUTOR("executor", ExecutorStrategy::new, true,
            "A fixed thread pool built once per trial; tasks via invokeAll, results via Future.get."),
    FORK_JOIN("fork-join", ForkJoinStrategy::new, true,
            "A dedicated ForkJoinPool(parallelism) built once per trial; RecursiveTask splitting to ~4 leaves per worker."),
    VIRTUAL_THREADS("virtual-threads", VirtualThreadsStrategy::new, false,
            "One new virtual thread per task; they run on the JVM's carrier pool (carriers = cores), not on "
                    + "'parallelism' threads."),
    PARALLEL_STREAM("parallel-stream", ParallelStreamStrategy::new, false,
            "A parallel stream over 'parallelism' block ranges; it runs on the common ForkJoinPool "
                    + "(cores - 1 workers plus the caller), so its thread count is not the swept parameter."),
    PROCESS_PER_TASK("process-per-task", null, true,
            "A fresh worker JVM per task per operation, fed over pipes; JVM start and cold code are part of the cost."),
    PROCESS_POOL("process-pool", null, true,
            "'parallelism' worker JVMs started once per trial, fed over pipes; the input slices travel in every "
                    + "operation."),
    PROCESS_POOL_RESIDENT("process-pool-resident", null, true,
            "The process pool with the input already resident on the workers (shipped once, in warm-up): only the "
                    + "request, the partial result and any output travel."),
    SOCKET("socket", null, true,
            "Master/worker over loopback TCP: 'parallelism' worker JVMs started once per trial; the input slices "
                    + "travel in every operation."),
    SOCKET_RESIDENT("socket-resident", null, true,
            "The socket workers with the input already resident (shipped once, in warm-up): only the request, the "
                    + "partial result and any output travel.");

    private final String id;
    private final IntFunction<Strategy> factory;
    private final boolean parallelismIsThreads;
    private final String description;

    StrategyKind(String id, IntFunction<Strategy> factory, boolean parallelismIsThreads, String description) {
        this.id = id;
        this.factory = factory;
        this.parallelismIsThreads = parallelismIsThreads;
        this.description = description;
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

    /** True for the models whose work runs in other JVMs (package {@code remote}). */
    public boolean outOfProcess() {
        return factory == null;
    }

    /** Builds an in-JVM model for {@code parallelism} tasks; close it when done. */
    public Strategy create(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (factory == null) {
            throw new UnsupportedOperationException(id + " runs out of process: use dev.parbench.remote.Models");
        }
        return factory.apply(parallelism);
    }

    /** Every model except the sequential baseline: the values of the parallel benchmark's {@code strategy} param. */
    public static List<StrategyKind> parallelModels() {
        return Arrays.stream(values()).filter(k -> k != SEQUENTIAL).toList();
    }

    public static StrategyKind fromId(String id) {
        for (StrategyKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + id + "'; known: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(StrategyKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
