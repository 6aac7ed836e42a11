package dev.parbench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping worker JVMs: the same class path as this JVM, {@code dev.parbench.cli.Main worker ...}.
 * Every worker gets {@code --parent-pid} (it exits when this JVM dies), its stderr is drained by a thread
 * (forwarded with a {@code [worker pid]} prefix), and a shutdown hook destroys any worker still alive.
 */
final class WorkerProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final String NOISE = "WARNING: Using incubator modules";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "parbench-worker-reaper"));
    }

    private WorkerProcesses() {
    }

    /** Starts {@code Main worker <args>}; stdin and stdout stay piped to the caller. */
    static Process start(List<String> workerArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("-XX:+UseSerialGC"); // one GC thread: the workers share the cores with everything else
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
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.parbench.cli.Main");
        cmd.add("worker");
        cmd.addAll(workerArgs);
        cmd.add("--parent-pid");
        cmd.add(String.valueOf(ProcessHandle.current().pid()));
        Process p = new ProcessBuilder(cmd).start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        drain(p.getErrorStream(), "[worker " + p.pid() + "] ");
        return p;
    }

    /** Forwards a stream line by line to stderr on a daemon thread, so the pipe never fills. */
    static void drain(InputStream stream, String prefix) {
        Thread.ofPlatform().daemon(true).name("parbench-drain").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith(NOISE)) {
                        System.err.println(prefix + line);
                    }
                }
            } catch (IOException ignored) {
                // the worker is gone
            }
        });
    }

    /** What became of a worker: "pid N exited with code X" or "pid N". */
    static String describe(Process p) {
        try {
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                int code = p.exitValue();
                return "pid " + p.pid() + " exited with code " + code + (code == 137 || code == 9 ? " (killed)" : "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "pid " + p.pid() + " still running";
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
