package dev.parbench.engine;

import dev.parbench.strategy.ChildStreams;
import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.ChildJvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Member JVMs: the same class path as this JVM and its flags ({@link #jvmFlags}: the fork's GC and heap ceiling),
 * {@code dev.parbench.cli.Main worker --hazelcast ...}, bound to
 * loopback, with {@code --parent-pid} (a member exits when this JVM dies). Their stdout is read for the announcement
 * line and then drained; stderr is forwarded with a {@code [member pid]} prefix. A shutdown hook kills any member
 * still alive, so none outlives the run.
 */
final class MemberProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /** What Hazelcast needs opened on JDK 17+ to run at full speed (it only warns without them). */
    private static final List<String> OPENS = List.of("--add-modules=java.se",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.management/sun.management=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");
    private static final String UNSAFE = "--sun-misc-unsafe-memory-access=";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(MemberProcesses::kill),
                "parbench-member-reaper"));
    }

    private MemberProcesses() {
    }

    /** Starts one member of {@code cluster} on {@code 127.0.0.1:port}, joining {@code members}. */
    static Process start(String cluster, int port, List<String> members) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.add("-Dhazelcast.logging.type=" + EngineConfigs.loggingType());
        if (EngineConfigs.verbose()) {
            cmd.add("-Dparbench.hazelcast.verbose=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.parbench.cli.Main");
        cmd.addAll(List.of("worker", "--hazelcast", "--cluster", cluster, "--bind", "127.0.0.1",
                "--port", String.valueOf(port), "--members", String.join(",", members),
                "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        Process p = new ProcessBuilder(cmd).start();
        CostCounters.jvmStarted();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        drain(p.getErrorStream(), "[member " + p.pid() + "] ");
        return p;
    }

    /**
     * The flags of a member JVM: those of the JVM that starts it ({@code forkFlags}, its input arguments), filtered as
     * the workers' are ({@link ChildJvmFlags#copied}: the JMH fork's GC and {@code -Xmx}, its modules and the user's
     * {@code -jvmArgsAppend}; no {@code -Xms}, no agents or recorders), so that a member computes under the fork's
     * runtime as a {@code socket} worker does; then the vector module and the opens Hazelcast wants if missing, and
     * {@code -Dparbench.workerJvmArgs} last (it can override). Before, members ran {@code -XX:+UseSerialGC} with the
     * default heap: each task's 128 MiB slice went straight to the old generation, which grew by 128 MiB steps.
     */
    static List<String> jvmFlags(List<String> forkFlags) {
        List<String> cmd = new ArrayList<>(ChildJvmFlags.inherited(forkFlags));
        if (cmd.stream().noneMatch(f -> f.startsWith("--add-modules") && f.contains("jdk.incubator.vector"))) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        for (String f : OPENS) {
            if (!cmd.contains(f)) {
                cmd.add(f);
            }
        }
        if (Runtime.version().feature() >= 23 && cmd.stream().noneMatch(f -> f.startsWith(UNSAFE))) {
            cmd.add(UNSAFE + "allow"); // Hazelcast's shaded JCTools: no warning per member
        }
        String extra = System.getProperty("parbench.workerJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        return cmd;
    }

    /** Waits (bounded) for the member's announcement line and returns its {@code host:port}; keeps draining stdout. */
    static String awaitAnnouncement(Process p, Duration timeout) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("parbench-member-out").start(() -> {
            try {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(HazelcastMember.ANNOUNCEMENT)) {
                        first.complete(line.substring(HazelcastMember.ANNOUNCEMENT.length()).trim());
                    } else if (EngineConfigs.verbose()) {
                        System.err.println("[member " + p.pid() + "] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the member is gone
            }
            first.complete(null);
        });
        String address;
        try {
            address = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill(p);
            address = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for member pid " + p.pid());
        }
        if (address == null) {
            throw new IOException("member pid " + p.pid() + " did not announce itself within " + timeout.toSeconds()
                    + " s (" + describe(p) + ")");
        }
        return address;
    }

    /** Forwards a stream line by line to stderr on a daemon thread: {@link ChildStreams#drain}. */
    static void drain(InputStream stream, String prefix) {
        ChildStreams.drain(stream, prefix, "parbench-member-err");
    }

    /** What became of a child: {@link ChildStreams#describe}. */
    static String describe(Process p) {
        return ChildStreams.describe(p);
    }

    /** SIGTERM to every member, up to {@code grace} in all for them to exit, then SIGKILL and up to 10 s more. */
    static void stopAll(List<Process> processes, Duration grace) {
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Process p : processes) {
                p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            processes.stream().filter(Process::isAlive).forEach(MemberProcesses::kill);
            long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Process p : processes) {
                p.waitFor(Math.max(0, killDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            processes.forEach(MemberProcesses::kill);
            Thread.currentThread().interrupt();
        } finally {
            processes.stream().filter(p -> !p.isAlive()).forEach(LIVE::remove); // the rest stay for the reaper
        }
    }

    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
