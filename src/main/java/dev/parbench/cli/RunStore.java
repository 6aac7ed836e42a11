package dev.parbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.JsonInput;
import dev.parbench.results.ResultsFormatException;
import dev.parbench.results.RunFailures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * A run folder as the run goes: {@code results.json} (JMH's JSON of every finished configuration, rewritten
 * atomically as each one finishes), {@code env.json} (the machine and the run's settings, including the command line
 * {@code --resume} needs) and {@code failures.json} (status, failed configurations with the reason, those not run).
 * Thread-safe: the shutdown hook of an interrupted run writes through the same lock as the run, and after
 * {@link #interrupted} nothing more is written.
 */
final class RunStore {
    static final String RESULTS = "results.json";
    static final String ENV = "env.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Map<String, Object> env;
    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    /** Entries results.json held when the run was resumed: this session's forks of them are merged in. */
    private final Map<String, JsonNode> prior = new LinkedHashMap<>();
    private final Map<String, RunFailures.Entry> failed = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private List<Configuration> planned = List.of();
    private Configuration current;
    private String resumeCommand = "";
    private boolean closed;
    private volatile int finishedCount;
    private volatile int forkCount;

    private RunStore(Path dir, Map<String, Object> env) {
        this.dir = dir;
        this.env = env;
    }

    /** A new run folder (which must not exist yet): writes env.json at once, so that even a run stopped before its
     *  first result can be resumed. */
    static RunStore create(Path dir, Map<String, Object> env) throws IOException {
        Files.createDirectories(dir.getParent() == null ? Path.of(".") : dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UsageException("run folder " + dir + " already exists; wait a second and retry");
        }
        RunStore store = new RunStore(dir, env);
        store.run().put("status", "running");
        RunEnvironment.write(dir.resolve(ENV), env);
        return store;
    }

    /** An existing run folder, for {@code --resume}; one clear line (exit 2) if it is not one. */
    @SuppressWarnings("unchecked")
    static RunStore open(Path dir) {
        Path envFile = dir.resolve(ENV);
        if (!Files.isDirectory(dir) || !Files.isRegularFile(envFile)) {
            throw new UsageException(dir + " is not a parbench run folder (no " + ENV + "); give a folder like "
                    + "results/<timestamp>");
        }
        Map<String, Object> env;
        try {
            env = JmhJsonReader.readEnv(envFile);
        } catch (ResultsFormatException e) {
            throw new UsageException(e.getMessage() + "; " + dir + " is not a parbench run folder");
        }
        if (!(env.get("run") instanceof Map<?, ?> run) || !(run.get("args") instanceof List<?>
                || run.get("commandLine") instanceof String)) {
            throw new UsageException(dir + " is not a parbench run folder (its " + ENV + " has no run settings)");
        }
        RunStore store = new RunStore(dir, env);
        Path json = dir.resolve(RESULTS);
        if (Files.isRegularFile(json)) {
            try {
                JsonNode root = JsonInput.readTree(json);
                JmhJsonReader.parse(root, json.toString()); // the same checks as the report's
                for (JsonNode n : root) {
                    store.results.put(key(n), n);
                }
                store.prior.putAll(store.results);
            } catch (ResultsFormatException e) {
                throw new UsageException(e.getMessage() + "; cannot resume into it");
            }
        }
        return store;
    }

    /** The run's original arguments, after the command name (for --resume). */
    List<String> args() {
        Object stored = run().get("args");
        List<String> args;
        if (stored instanceof List<?> l) {
            args = l.stream().map(String::valueOf).toList();
        } else {
            String line = String.valueOf(run().get("commandLine")).strip(); // runs made before "args" was stored
            args = line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
        }
        return !args.isEmpty() && args.get(0).equals("run") ? args.subList(1, args.size()) : args;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> run() {
        return (Map<String, Object>) env.computeIfAbsent("run", k -> new LinkedHashMap<String, Object>());
    }

    Map<String, Object> env() {
        return env;
    }

    Path dir() {
        return dir;
    }

    static String key(JsonNode entry) {
        Map<String, String> params = new TreeMap<>();
        entry.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return Configuration.key(entry.path("benchmark").asText(), params);
    }

    /** Keys of the configurations in results.json with every planned fork (all of them before a plan is set). */
    Set<String> finishedKeys() {
        return withLock(() -> new LinkedHashSet<>(results.keySet().stream().filter(this::complete).toList()));
    }

    /**
     * The rounds each configuration in results.json has measured (key -> rounds): its {@code rounds} marks, or
     * rounds 1 ... its fork count for an entry without them (a run made before rounds: its forks count as done).
     */
    Map<String, Set<Integer>> doneRounds() {
        return withLock(() -> {
            Map<String, Set<Integer>> out = new LinkedHashMap<>();
            results.forEach((k, n) -> out.put(k, rounds(n)));
            return out;
        });
    }

    private static Set<Integer> rounds(JsonNode n) {
        Set<Integer> r = new java.util.TreeSet<>();
        if (n.get("rounds") instanceof ArrayNode a) {
            a.forEach(v -> r.add(v.asInt()));
        } else {
            for (int i = 1; i <= n.path("primaryMetric").path("rawData").size(); i++) {
                r.add(i);
            }
        }
        return r;
    }

    /** Without the lock: the shutdown hook reads it even if the run holds the lock. */
    int finishedCount() {
        return finishedCount;
    }

    /** The forks results.json holds; without the lock, as {@link #finishedCount}. */
    int forkCount() {
        return forkCount;
    }

    /** The configurations of {@code plan} not in results.json: what a resumed run still has to do. */
    static List<Configuration> missing(List<Configuration> plan, Set<String> finished) {
        return plan.stream().filter(c -> !finished.contains(c.key())).toList();
    }

    /** The entry holds every fork the plan gives its configuration (any entry, before a plan is set). */
    private boolean complete(String key) {
        JsonNode n = results.get(key);
        if (n == null) {
            return false;
        }
        return planned.stream().filter(c -> c.key().equals(key)).findFirst()
                .map(c -> n.path("primaryMetric").path("rawData").size() >= c.forks()
                        || !n.path("primaryMetric").has("rawData"))
                .orElse(true);
    }

    private int completeCount() {
        return (int) results.keySet().stream().filter(this::complete).count();
    }

    /** The whole plan of the run (for the list of configurations not run), and the command that resumes it. */
    void plan(List<Configuration> plan, String resumeCommand) {
        withLock(() -> {
            this.planned = List.copyOf(plan);
            this.resumeCommand = resumeCommand;
            finishedCount = completeCount();
            return null;
        });
    }

    void started(Configuration c) {
        withLock(() -> current = c);
    }

    /**
     * A fork of {@code c} finished: this session's forks of it ({@code m}, with their rounds and start times), merged
     * with what results.json held of it before the run was resumed, go into results.json at once.
     */
    void finished(Configuration c, Measured m) throws IOException {
        ObjectNode entry = (ObjectNode) toJson(m.result());
        ArrayNode rounds = entry.putArray("rounds");
        m.rounds().forEach(rounds::add);
        ArrayNode started = entry.putArray("forkStarted");
        m.started().forEach(started::add);
        if (!run().containsKey("forkJvmArgs")) {
            forkFlags(List.copyOf(m.result().getParams().getJvmArgs()));
        }
        JsonNode before = prior.get(key(entry));
        finished(c, List.of(before == null ? entry : ForkMerge.merge(before, entry)));
    }

    /** {@code c} finished: its results go into results.json, at once. */
    void finished(Configuration c, Collection<RunResult> runResults) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (RunResult r : runResults) {
            entries.add(toJson(r));
        }
        if (!runResults.isEmpty() && !run().containsKey("forkJvmArgs")) {
            forkFlags(List.copyOf(runResults.iterator().next().getParams().getJvmArgs()));
        }
        finished(c, entries);
    }

    /**
     * The forks' flags, known from the first result: recorded, and when they name a real Hazelcast cluster
     * ({@code -Dparbench.hazelcast.members}) env.json describes that cluster, asked of it once, instead of the
     * embedded members it assumed at the start.
     */
    void forkFlags(List<String> jvmArgs) {
        run().put("forkJvmArgs", jvmArgs);
        if (dev.parbench.engine.ClusterDescription.namesRealCluster(jvmArgs)) {
            env.put("hazelcast", dev.parbench.engine.ClusterDescription.forRun(jvmArgs));
        }
    }

    /** As {@link #finished(Configuration, Collection)}, with JMH's JSON entries. */
    void finished(Configuration c, List<JsonNode> entries) throws IOException {
        ioWithLock(() -> {
            if (closed) {
                return;
            }
            for (JsonNode n : entries) {
                results.put(key(n), n);
            }
            failed.remove(c.key());
            current = null;
            writeResults();
            finishedCount = completeCount();
        });
    }

    /** {@code c} failed: recorded in failures.json with the reason; the run may go on. */
    void failed(Configuration c, String reason) throws IOException {
        ioWithLock(() -> {
            if (closed) {
                return;
            }
            failed.put(c.key(), entry(c, reason));
            current = null;
            writeStatus("running");
        });
    }

    /**
     * The run ends (normally, or stopped): failures.json and env.json get the final status. {@code status}:
     * complete, incomplete (failures), stopped (--fail-fast or JMH itself failed).
     */
    void end(String status) throws IOException {
        ioWithLock(() -> {
            if (closed) {
                return;
            }
            writeStatus(status);
            closed = true;
        });
    }

    /**
     * Ctrl-C (or a signal): the configuration under way is listed as interrupted, failures.json and env.json say
     * so, and nothing more is written. Bounded: gives up after {@code waitSeconds} if the run holds the lock.
     * Returns false if it could not.
     */
    boolean interrupted(long waitSeconds) {
        try {
            if (!lock.tryLock(waitSeconds, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (closed) {
                return true;
            }
            if (current != null) {
                failed.put(current.key(), entry(current, "interrupted (Ctrl-C or a signal) before it finished"));
            }
            writeStatus("interrupted");
            closed = true;
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The failures.json this store writes now (also handed to the report). */
    RunFailures failures(String status) {
        return withLock(() -> {
            List<RunFailures.Entry> notRun = new ArrayList<>();
            for (Configuration c : planned) {
                if (!complete(c.key()) && !failed.containsKey(c.key())) {
                    notRun.add(new RunFailures.Entry(c.benchmark(), c.params(), ""));
                }
            }
            List<RunFailures.Entry> f = new ArrayList<>(failed.values());
            boolean missing = !f.isEmpty() || !notRun.isEmpty();
            return new RunFailures(status, planned.size(), completeCount(), f, notRun, missing ? resumeCommand : "");
        });
    }

    private static RunFailures.Entry entry(Configuration c, String reason) {
        return new RunFailures.Entry(c.benchmark(), c.params(), reason);
    }

    static JsonNode toJson(RunResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(List.of(r));
        }
        JsonNode entry = JSON.readTree(bytes.toByteArray()).get(0);
        // JMH writes the forks it was asked for; a result with forks added (--adaptive) has more
        ((ObjectNode) entry).put("forks", r.getBenchmarkResults().size());
        return entry;
    }

    private void writeResults() throws IOException {
        ArrayNode array = JSON.createArrayNode();
        results.values().forEach(array::add);
        AtomicFiles.write(dir.resolve(RESULTS), tmp -> JSON.writeValue(tmp.toFile(), array));
        forkCount = results.values().stream().mapToInt(n -> n.path("primaryMetric").path("rawData").size()).sum();
    }

    private void writeStatus(String status) throws IOException {
        RunFailures f = failures(status);
        ObjectNode root = JSON.createObjectNode();
        root.put("status", f.status());
        root.put("planned", f.planned());
        root.put("finished", f.finished());
        root.set("failed", entries(f.failed(), true));
        root.set("notRun", entries(f.notRun(), false));
        root.put("resume", f.resume());
        AtomicFiles.writeString(dir.resolve(RunFailures.FILE), JSON.writeValueAsString(root) + System.lineSeparator());
        Map<String, Object> run = run();
        run.put("status", status);
        run.put("configurations", f.planned());
        run.put("finished", f.finished());
        run.put("updated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        RunEnvironment.write(dir.resolve(ENV), env);
    }

    private static ArrayNode entries(List<RunFailures.Entry> list, boolean withReason) {
        ArrayNode a = JSON.createArrayNode();
        for (RunFailures.Entry e : list) {
            ObjectNode n = a.addObject();
            n.put("benchmark", e.benchmark());
            ObjectNode p = n.putObject("params");
            e.params().forEach(p::put);
            if (withReason) {
                n.put("reason", e.reason());
            }
        }
        return a;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void ioWithLock(IoAction action) throws IOException {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T withLock(java.util.function.Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }
}
