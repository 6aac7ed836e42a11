package dev.parbench.family;

import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every family of the suite, each declared once. Adding a family is one constant here (plus its JMH classes); the
 * run command's {@code --patterns}, the analysis and the report pick it up from this list.
 */
public final class Families {
    /** Package of the JMH shells. */
    public static final String BENCH_PACKAGE = WorkloadKind.BENCH_PACKAGE;

    /** The model matrix: every workload (its shell is named by its {@link WorkloadKind}) under every model. */
    public static final Family MODELS = new Family("models", "Workloads under every concurrency model",
            "Which concurrency model should I use for this work, and from what size on does it pay?",
            Family.Layout.MODEL_MATRIX, Arrays.stream(WorkloadKind.values()).map(WorkloadKind::benchClass).toList(),
            "size", "size (elements)", "strategy", "parallelism", Map.of(), Map.of());

    /** Memory bandwidth, STREAM-like: the ceiling of the memory-bound workloads. */
    public static final Family BANDWIDTH = new Family("bandwidth-probe", "Machine ceilings: memory bandwidth",
            "How fast can this machine's memory deliver bytes, on one core and on all?", Family.Layout.PROBE,
            List.of("BandwidthProbe"), "elements", "array size (elements)", "threads", null, Map.of(), Map.of());

    /** What moving data between JVMs and starting one costs: the ceiling of the out-of-process models. */
    public static final Family TRANSFER = new Family("transfer-probe", "Machine ceilings: transfer and JVM start",
            "How fast can one connection carry bytes, and what does starting a worker JVM cost?", Family.Layout.PROBE,
            List.of("TransferProbe"), "megabytes", "bytes per operation (MiB)", null, null, Map.of(), Map.of());

    /** The regression gate's reference work (ALU and memory) and its calibration benchmark (planted slowdowns). */
    public static final Family REFERENCE = new Family("reference", "Gate reference and calibration",
            "Did the machine change speed during a comparison? What does the gate catch here?",
            Family.Layout.REFERENCE, List.of("ReferenceBench", "CalibrationBench"),
            null, null, null, null, Map.of(), Map.of());

    // ---- threads working together (package coordination); x = worker threads, lines = variants, platform vs virtual

    private static final List<String> BOTH_KINDS = List.of("platform", "virtual");

    public static final Family COUNTER = new Family("counter", "Threads together: one shared counter",
            "How many increments per second do N threads get through one shared counter, and how many does an "
                    + "unsynchronised one lose?", Family.Layout.SERIES, List.of("CounterBench"), "workers",
            "worker threads", "variant", "threads", Map.of("lostUpdates/updates", "fraction of updates lost"),
            Map.of("workers", List.of("1", "2", "4", "8"), "threads", BOTH_KINDS));

    public static final Family SEMAPHORE = new Family("semaphore", "Threads together: a semaphore",
            "What does guarding a resource with k < N permits cost, and how fair are the waits?",
            Family.Layout.SERIES, List.of("SemaphoreBench"), "workers", "worker threads (permits = workers / 2)",
            "variant", "threads", Map.of("waitNanos/cycles", "mean wait per cycle, ns"),
            Map.of("workers", List.of("2", "4", "8"), "threads", BOTH_KINDS));

    public static final Family BARRIER = new Family("barrier", "Threads together: barriers between phases",
            "How long does one phase take when N parties must all arrive before any goes on?",
            Family.Layout.SERIES, List.of("BarrierBench"), "workers", "parties", "variant", "threads", Map.of(),
            Map.of("workers", List.of("2", "4", "8"), "threads", BOTH_KINDS));

    public static final Family QUEUE = new Family("queue", "Threads together: producer-consumer queues",
            "How many items per second pass from producers to consumers, and how long does a hand-off take?",
            Family.Layout.SERIES, List.of("QueueBench"), "producers", "producer threads", "variant", "threads",
            Map.of("handoffNanos/items", "mean offer-to-take time, ns"),
            Map.of("producers", List.of("1", "4"), "consumers", List.of("1", "4"), "threads", BOTH_KINDS));

    public static final Family EVENT = new Family("event", "Threads together: waking a waiter",
            "How long does it take to wake one waiting thread, by mechanism and thread kind?", Family.Layout.SERIES,
            List.of("EventBench"), null, null, "variant", "threads", Map.of(), Map.of("threads", BOTH_KINDS));

    public static final Family ASYNC = new Family("async", "Threads together: fan-out of blocking requests",
            "How many blocking requests per second get served as their number grows, per threading style?",
            Family.Layout.SERIES, List.of("AsyncBench"), "requests", "requests per fan-out", "variant", "threads",
            Map.of("requests", "requests served per second"),
            Map.of("requests", List.of("1", "10", "100", "1000", "10000"), "threads", BOTH_KINDS));

    public static final Family CANCEL = new Family("cancel", "Threads together: cancellation",
            "How long from Future.cancel(true) to the task's stop, and which tasks never stop?",
            Family.Layout.SERIES, List.of("CancelBench"), "workers", "tasks cancelled at once", "variant", "threads",
            Map.of("notStopped/cancelled", "fraction of tasks that did not stop"),
            Map.of("workers", List.of("1", "4"), "threads", BOTH_KINDS));

    // ---- processes working together (package remote); x = worker processes, lines = variants

    public static final Family SHARED_COUNTER = new Family("shared-counter",
            "Processes together: one counter in shared memory",
            "How many increments per second do N worker processes get through one counter in a shared mapping, "
                    + "and how many does an unsynchronised one lose?", Family.Layout.SERIES,
            List.of("SharedCounterBench"), "workers", "worker processes", "variant", null,
            Map.of("lostUpdates/updates", "fraction of updates lost"), Map.of("workers", List.of("1", "2", "4")));

    // ---- processes working together (package channel); x = message size, lines = channels

    private static final List<String> CHANNEL_IDS = List.of("pipe", "unix-socket", "tcp", "shared-memory-ring",
            "in-jvm");

    /** Ping-pong latency and streaming bandwidth between two JVMs, per channel and message size. */
    public static final Family CHANNELS = new Family("channels", "Processes together: channels between two JVMs",
            "How long does a message take to another JVM and back, and how many bytes per second does one stream "
                    + "carry, per channel and message size?", Family.Layout.SERIES, List.of("ChannelBench"), "size",
            "message size (bytes)", "variant", null, Map.of("bytes", "bytes per second streamed"),
            Map.of("variant", CHANNEL_IDS, "size", List.of("8", "1024", "65536", "1048576", "67108864")),
            List.of("bytes"), List.of());

    /** A bounded queue from a producer process to a consumer process, per channel and item size. */
    public static final Family IPC_QUEUE = new Family("ipc-queue", "Processes together: a queue between processes",
            "How many items per second pass from a producer process to a consumer process, per channel and item "
                    + "size, each exactly once and in order?", Family.Layout.SERIES, List.of("IpcQueueBench"),
            "size", "item size (bytes)", "variant", null, Map.of(),
            Map.of("variant", CHANNEL_IDS, "size", List.of("64", "4096", "262144")));

    // ---- processes working together (package messaging); x = message size, lines = operations, one per world size

    /**
     * Message passing between worker JVMs: point-to-point, collectives and the exchange that deadlocks. The secondary
     * metric's description starts with the verdict word the report shows when it holds ({@code DEADLOCK}).
     */
    public static final Family COLLECTIVES = new Family("collectives", "Processes together: message passing",
            "How long does each message-passing operation take between worker JVMs as the message and the number of "
                    + "ranks grow, and which exchange deadlocks?", Family.Layout.SERIES, List.of("CollectivesBench"),
            "bytes", "message size (bytes)", "variant", "ranks",
            Map.of("deadlocks/exchanges", "DEADLOCK: fraction of exchanges that passed their deadline with both "
                    + "ranks blocked in send"),
            Map.of("bytes", List.of("8", "1024", "65536", "1048576"), "ranks", List.of("2", "4", "8")));

    /**
     * Parameter values that replace a family's own in a short pass (the quick and smoke profiles): the collectives
     * start worker JVMs per trial, so two sizes and 2 and 4 ranks (8 ranks on 2 cores only in the longer profiles).
     */
    private static final Map<String, Map<String, List<String>>> SHORT_PASS = Map.of("collectives",
            Map.of("bytes", List.of("8", "1048576"), "ranks", List.of("2", "4")));

    // ---- processes working together (worker JVMs, package remote)

    public static final Family KILL = new Family("kill", "Processes: stopping a worker JVM",
            "How long from asking a worker JVM to stop to its exit: SIGTERM (destroy), SIGKILL (destroy-forcibly) or "
                    + "a stop message it obeys (cooperative), idle or mid-operation?", Family.Layout.SERIES,
            List.of("KillBench"), null, null, "variant", "state",
            Map.of("notStopped/stops", "fraction of stops that did not end the worker within 10 s"), Map.of(),
            List.of(), List.of(new Family.Contrast("destroy", "destroy-forcibly", "what SIGTERM costs over SIGKILL: the worker's "
                            + "JVM runs its shutdown hooks and exits in order, and HotSpot's exit waits up to 300 ms "
                            + "for threads blocked in native code (an idle worker's read of its stdin), where SIGKILL "
                            + "runs no code of the worker"),
                    new Family.Contrast("cooperative", "destroy", "what a stop message costs over SIGTERM: the "
                            + "worker reads it only between requests, so a busy one first finishes its request")));

    private static final List<Family> ALL = List.of(MODELS, BANDWIDTH, TRANSFER, REFERENCE, COUNTER, SEMAPHORE,
            BARRIER, QUEUE, EVENT, ASYNC, CANCEL, SHARED_COUNTER, CHANNELS, IPC_QUEUE, COLLECTIVES, KILL);

    private Families() {
    }

    /** What a short pass (quick and smoke profiles) runs instead of {@code family}'s own parameter values. */
    public static Map<String, List<String>> shortPass(Family family) {
        return SHORT_PASS.getOrDefault(family.id(), Map.of());
    }

    public static List<Family> all() {
        return ALL;
    }

    /** The family that owns a JMH benchmark name, if any (foreign benchmarks have none). */
    public static Optional<Family> of(String benchmark) {
        return ALL.stream().filter(f -> f.owns(benchmark)).findFirst();
    }

    /**
     * The families a user may select with {@code --patterns}: the model matrix ({@code models}, which brings its
     * probes along) and every SERIES family.
     */
    public static List<Family> patterns() {
        return ALL.stream().filter(f -> f == MODELS || f.layout() == Family.Layout.SERIES).toList();
    }

    public static Family patternFromId(String id) {
        return patterns().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pattern '" + id + "'; known: "
                        + patternIds() + ", or all"));
    }

    public static String patternIds() {
        return patterns().stream().map(Family::id).collect(Collectors.joining(", "));
    }
}
