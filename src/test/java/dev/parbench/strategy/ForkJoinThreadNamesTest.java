package dev.parbench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fork-join timeline names the thread that really ran each leaf: p pool threads give p distinct names, and no two
 * leaves compute at the same moment on one name. (The pool's factory once read {@code getPoolIndex()} before the
 * pool had registered the thread, so every thread was called {@code -0}.)
 */
class ForkJoinThreadNamesTest {

    /** The sum workload, whose first {@code p} leaves wait for each other: they must run on p threads at once. */
    @SuppressWarnings("unchecked")
    private static Workload<Object> meetingWorkload(int p) {
        Workload<Object> sum = (Workload<Object>) WorkloadKind.SUM.create(Kernel.SCALAR);
        CyclicBarrier meet = new CyclicBarrier(p);
        AtomicInteger leaves = new AtomicInteger();
        return (Workload<Object>) Proxy.newProxyInstance(Workload.class.getClassLoader(),
                new Class<?>[] {Workload.class}, (proxy, m, args) -> {
                    if (m.getName().equals("run") && leaves.getAndIncrement() < p) {
                        meet.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return m.invoke(sum, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void pThreadsGivePNamesAndNoNameComputesTwoLeavesAtOnce(int p) {
        Workload<Object> w = meetingWorkload(p);
        Object input = w.prepare(64 * 4096, 3);
        TaskRecorder recorder = new TaskRecorder();
        try (Strategy s = StrategyKind.FORK_JOIN.create(p)) {
            assertTrue(s.traceWith(recorder));
            recorder.begin();
            assertEquals(w.oracle(input), s.execute(w, input));
            List<TaskTrace> tasks = recorder.finish();
            List<TaskTrace> met = tasks.stream().sorted(Comparator.comparingLong(TaskTrace::started)).limit(p)
                    .toList();
            assertEquals(p, met.stream().map(TaskTrace::where).distinct().count(),
                    "the " + p + " leaves that ran at the same moment ran on " + p + " names: " + met);
            Map<String, List<TaskTrace>> byThread = tasks.stream().collect(Collectors.groupingBy(TaskTrace::where));
            byThread.forEach((name, list) -> {
                List<TaskTrace> inOrder = list.stream().sorted(Comparator.comparingLong(TaskTrace::started)).toList();
                for (int i = 1; i < inOrder.size(); i++) {
                    assertTrue(inOrder.get(i).started() >= inOrder.get(i - 1).computed(),
                            name + " computes two leaves at once: " + inOrder.get(i - 1) + " and " + inOrder.get(i));
                }
            });
        }
    }
}
