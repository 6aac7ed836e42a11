package dev.parbench.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Tracer} that keeps the moments of one operation's tasks: {@link #begin()} before the operation,
 * {@link #finish()} after it. Thread-safe (tasks report from their own threads, worker links from their readers).
 */
public final class TaskRecorder implements Tracer {
    private static final int MARKS = Mark.values().length;

    private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
    private volatile long origin;

    private static final class Task {
        final long[] at = new long[MARKS];
        final boolean[] set = new boolean[MARKS];
        volatile String where;
        volatile long uncertainty;
    }

    /** Forgets the last operation; its moments count from now. */
    public void begin() {
        tasks.clear();
        origin = System.nanoTime();
    }

    @Override
    public void mark(int task, Mark mark) {
        long now = System.nanoTime();
        String where = mark == Mark.STARTED ? Thread.currentThread().getName() : null;
        put(task, mark, now, where, 0);
    }

    @Override
    public void at(int task, Mark mark, long nanos, String where, long uncertaintyNanos) {
        put(task, mark, nanos, where, uncertaintyNanos);
    }

    private void put(int task, Mark mark, long nanos, String where, long uncertainty) {
        Task t = tasks.computeIfAbsent(task, k -> new Task());
        synchronized (t) {
            t.at[mark.ordinal()] = nanos;
            t.set[mark.ordinal()] = true;
        }
        if (where != null && (t.where == null || mark == Mark.STARTED)) {
            t.where = where;
        }
        if (uncertainty > t.uncertainty) {
            t.uncertainty = uncertainty;
        }
    }

    /**
     * The operation's tasks, numbered 0.. in the order of their ids. A moment a model does not have is the one
     * before it (READY without a thread start: CREATED; GOT_DATA and RETURNED in one JVM: STARTED, COMPUTED), so
     * that phase lasts 0.
     *
     * @throws IllegalStateException if a task lacks CREATED, STARTED, COMPUTED or JOINED
     */
    public List<TaskTrace> finish() {
        List<Integer> ids = new ArrayList<>(tasks.keySet());
        ids.sort(null);
        List<TaskTrace> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Task t = tasks.get(ids.get(i));
            long[] at;
            boolean[] set;
            synchronized (t) {
                at = Arrays.copyOf(t.at, MARKS);
                set = Arrays.copyOf(t.set, MARKS);
            }
            for (Mark m : List.of(Mark.CREATED, Mark.STARTED, Mark.COMPUTED, Mark.JOINED)) {
                if (!set[m.ordinal()]) {
                    throw new IllegalStateException("task " + ids.get(i) + " has no " + m + " moment");
                }
            }
            for (int m = 1; m < MARKS; m++) {
                if (!set[m]) {
                    at[m] = at[m - 1];
                }
            }
            long o = origin;
            out.add(new TaskTrace(i, t.where == null ? "?" : t.where, at[0] - o, at[1] - o, at[2] - o, at[3] - o,
                    at[4] - o, at[5] - o, at[6] - o, t.uncertainty));
        }
        return out;
    }
}
