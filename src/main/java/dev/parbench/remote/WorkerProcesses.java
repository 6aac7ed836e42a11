package dev.parbench.remote;

import dev.parbench.strategy.ChildStreams;
import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.ChildJvmFlags;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping worker JVMs: the same class path as this JVM, {@code dev.parbench.cli.Main worker ...},
 * and the flags of this JVM ({@link #jvmFlags}: a JMH fork's GC, heap ceiling, modules and the user's fork flags).
 * Every worker gets {@code --parent-pid} (it exits when this JVM dies), its stderr is drained by a thread
 * (forwarded with a {@code [worker pid]} prefix), and a shutdown hook destroys any worker still alive.
 */
final class WorkerProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "parbench-worker-reaper"));
    }

    private WorkerProcesses() {
    }

    /** Starts {@code Main worker <args>}; stdin and stdout stay piped to the caller (process streams). */
    static Process start(List<String> workerArgs) throws IOException {
        Process p = new ProcessBuilder(command("dev.parbench.cli.Main", workerCommand(workerArgs))).start();
        return track(p);
    }

    /**
     * Starts {@code Main worker <args>} with its stdin and stdout on {@link Pipes} (named pipes where the platform
     * has them, else the process streams with large writes).
     */
    static Pipes.Piped startPiped(List<String> workerArgs) throws IOException {
        return Pipes.start(new ProcessBuilder(command("dev.parbench.cli.Main", workerCommand(workerArgs))));
    }

    private static List<String> workerCommand(List<String> workerArgs) {
        List<String> args = new ArrayList<>();
        args.add("worker");
        args.addAll(workerArgs);
        return args;
    }

    /** Starts {@code mainClass} of this class path as a child JVM with the worker's flags, its stdio on pipes. */
    static Pipes.Piped startPipedMain(String mainClass, List<String> args) throws IOException {
        return Pipes.start(new ProcessBuilder(command(mainClass, args)));
    }

    /** Registers a started child: its stderr is forwarded, and the shutdown hook kills it if still alive. */
    static Process track(Process p) {
        CostCounters.jvmStarted(); // every worker JVM comes through here, whoever starts it
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        drain(p.getErrorStream(), "[worker " + p.pid() + "] ");
        return p;
    }

    /**
     * The command line of a child JVM: this JVM's java, its {@link #jvmFlags() flags}, this class path, then
     * {@code mainClass args --parent-pid <this pid>}.
     */
    static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        if (mainClass.equals("dev.parbench.cli.Main")) {
            cmd.add("--parent-pid");
            cmd.add(String.valueOf(ProcessHandle.current().pid()));
        }
        return cmd;
    }

    /**
     * The flags of a worker JVM: those of the JVM that starts it ({@code forkFlags}, its input arguments: the JMH
     * fork's GC, {@code -Xmx}, {@code --add-modules} and the user's {@code -jvmArgsAppend}), without what must not
     * be copied ({@link #copied}); then {@code --add-modules=jdk.incubator.vector} if missing,
     * {@code -Dparbench.workerJvmArgs} (last, so it can override), and the wire settings.
     *
     * <p>Heap: {@code -Xmx} is kept (the same ceiling as the fork's), {@code -Xms} is dropped. Up to 8 workers,
     * each committing the fork's {@code -Xms4g} at start, would ask for 32 GiB on a 24 GiB machine while a worker
     * holds at most its slice (a 32M input split p ways); without {@code -Xms} a worker's heap grows to what it uses,
     * under the same GC and the same cap.
     */
    static List<String> jvmFlags(List<String> forkFlags) {
        List<String> cmd = new ArrayList<>();
        boolean vector = false;
        for (String f : forkFlags) {
            if (copied(f)) {
                cmd.add(f);
                vector |= f.startsWith("--add-modules") && f.contains("jdk.incubator.vector");
            }
        }
        if (!vector) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        String extra = System.getProperty("parbench.workerJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-Dparbench.wire.maxFrameBytes=" + WireLimits.fromSystemProperties().maxFrameBytes());
        for (String key : List.of("parbench.worker.authTimeoutSeconds", "parbench.worker.idleTimeoutSeconds",
                "parbench.worker.maxConnections")) {
            String value = System.getProperty(key);
            if (value != null) {
                cmd.add("-D" + key + "=" + value);
            }
        }
        return cmd;
    }

    /** Whether a flag of the starting JVM is passed on to a worker: {@link ChildJvmFlags#copied}. */
    static boolean copied(String f) {
        return ChildJvmFlags.copied(f);
    }

    /** Forwards a stream line by line to stderr on a daemon thread: {@link ChildStreams#drain}. */
    static void drain(InputStream stream, String prefix) {
        ChildStreams.drain(stream, prefix, "parbench-drain");
    }

    /** What became of a child: {@link ChildStreams#describe}. */
    static String describe(Process p) {
        return ChildStreams.describe(p);
    }

    /** Waits up to {@code grace} for the worker to exit by itself, then kills it; returns when it is gone. */
    static void stop(Process p, Duration grace) {
        stopAll(List.of(p), grace);
    }

    /**
     * Waits up to {@code grace} (in all, not each) for the workers to exit by themselves, then kills the rest and
     * waits for them (at most 10 s).
     */
    static void stopAll(List<Process> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Process p : processes) {
                p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            processes.stream().filter(Process::isAlive).forEach(WorkerProcesses::kill);
            long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Process p : processes) {
                p.waitFor(Math.max(0, killDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            processes.forEach(WorkerProcesses::kill);
            Thread.currentThread().interrupt();
        } finally {
            processes.stream().filter(p -> !p.isAlive()).forEach(LIVE::remove); // the rest stay for the reaper
        }
    }

    /** Kills a worker (and anything it started) at once, without waiting. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
