package dev.parbench.cli;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C (SIGINT, or SIGTERM) does to a run: a JVM shutdown hook that stops the JMH forks and their worker JVMs
 * (every descendant process: first asked to stop, so that a fork closes its own workers, then killed; every wait
 * bounded), lists the configuration under way as interrupted in failures.json (results.json already holds every
 * finished configuration) and prints how to resume. While it runs, {@link #stopping()} tells the run to start
 * nothing more. {@link #close()} removes the hook when the run ends by itself.
 */
final class RunGuard implements AutoCloseable {
    static final long GRACE_MILLIS = 3000;
    static final long KILL_WAIT_MILLIS = 2000;
    static final long STORE_WAIT_SECONDS = 10;

    private final Thread hook;
    private volatile boolean stopping;

    RunGuard(RunStore store, String resumeCommand, PrintStream err) {
        this.hook = new Thread(() -> {
            stopping = true;
            stopDescendants(GRACE_MILLIS, KILL_WAIT_MILLIS);
            boolean saved = store.interrupted(STORE_WAIT_SECONDS);
            err.println("\nparbench: interrupted; " + store.forkCount() + " finished fork(s) kept ("
                    + store.finishedCount() + " configuration(s) with all their rounds) in "
                    + store.dir().resolve(RunStore.RESULTS) + (saved ? "" : " (failures.json not updated)")
                    + "; resume with " + resumeCommand);
            err.flush();
        }, "parbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM is shutting down (Ctrl-C): start no other configuration, record no failure. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Stops every descendant of this JVM: SIGTERM to all (a JMH fork's own hooks then close its worker JVMs), wait
     * up to {@code graceMillis}; then SIGKILL to whatever is left, including grandchildren already orphaned, and sweep
     * again until no descendant has appeared for {@value #QUIET_MILLIS} ms (a fork the run was just starting), for at
     * most {@code killWaitMillis}. Returns the processes still alive.
     */
    static List<ProcessHandle> stopDescendants(long graceMillis, long killWaitMillis) {
        Set<ProcessHandle> all = new LinkedHashSet<>(ProcessHandle.current().descendants().toList());
        all.forEach(ProcessHandle::destroy);
        waitFor(all, graceMillis);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killWaitMillis);
        while (true) {
            List<ProcessHandle> now = ProcessHandle.current().descendants().toList();
            all.addAll(now);
            List<ProcessHandle> alive = all.stream().filter(ProcessHandle::isAlive).toList();
            alive.forEach(ProcessHandle::destroyForcibly);
            long left = deadline - System.nanoTime();
            if (left <= 0 || alive.isEmpty() && now.isEmpty() && quiet()) {
                break;
            }
            waitFor(new LinkedHashSet<>(alive), Math.min(TimeUnit.NANOSECONDS.toMillis(left), QUIET_MILLIS));
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    static final long QUIET_MILLIS = 250;

    /** True if no descendant appears within {@link #QUIET_MILLIS}. */
    private static boolean quiet() {
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return ProcessHandle.current().descendants().findAny().isEmpty();
    }

    private static void waitFor(Set<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // cannot watch it: the kill below handles it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
