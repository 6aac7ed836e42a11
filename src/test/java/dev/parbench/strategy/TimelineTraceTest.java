package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A traced in-JVM model reports one record per task, its moments in order, and still computes the right answer. */
class TimelineTraceTest {

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"THREAD_PER_TASK", "EXECUTOR", "FORK_JOIN", "VIRTUAL_THREADS"})
    void oneOrderedRecordPerTask(StrategyKind kind) {
        @SuppressWarnings("unchecked")
        Workload<Object> w = (Workload<Object>) WorkloadKind.SUM.create(Kernel.SCALAR);
        Object input = w.prepare(64 * 4096 + 17, 7);
        int parallelism = 3;
        TaskRecorder recorder = new TaskRecorder();
        try (Strategy s = kind.create(parallelism)) {
            assertTrue(s.traceWith(recorder));
            for (int op = 0; op < 2; op++) {
                recorder.begin();
                assertEquals(w.oracle(input), s.execute(w, input));
                List<TaskTrace> tasks = recorder.finish();
                int expected = kind == StrategyKind.FORK_JOIN ? leaves(w.blocks(input), parallelism) : parallelism;
                assertEquals(expected, tasks.size(), kind + ": one record per task");
                for (int k = 0; k < tasks.size(); k++) {
                    TaskTrace t = tasks.get(k);
                    assertEquals(k, t.task());
                    assertTrue(0 <= t.created() && t.created() <= t.ready() && t.ready() <= t.started()
                            && t.started() <= t.gotData() && t.gotData() <= t.computed()
                            && t.computed() <= t.returned() && t.returned() <= t.joined(), kind + ": " + t);
                    assertFalse(t.where().isEmpty());
                    assertEquals(0, t.uncertaintyNanos(), "measured in this JVM");
                }
            }
        }
    }

    /** The leaves of fork-join's halving of {@code blocks} with its leaf rule. */
    private static int leaves(int blocks, int parallelism) {
        int leaf = Math.max(1, Math.ceilDiv(blocks, 4 * parallelism));
        return count(0, blocks, leaf);
    }

    private static int count(int from, int to, int leaf) {
        if (to - from <= leaf) {
            return 1;
        }
        int mid = (from + to) >>> 1;
        return count(from, mid, leaf) + count(mid, to, leaf);
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"SEQUENTIAL", "PARALLEL_STREAM"})
    void untraceableModelsSaySo(StrategyKind kind) {
        try (Strategy s = kind.create(2)) {
            assertFalse(s.traceWith(new TaskRecorder()));
        }
    }
}
