package dev.parbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The JMH parameter defaults are a contract with StrategyKind and the CLI; keep them in step. */
class BenchParamsTest {

    private static List<String> defaults(Class<?> state, String field) throws NoSuchFieldException {
        return Arrays.asList(state.getField(field).getAnnotation(Param.class).value());
    }

    @Test
    void strategyParamListsEveryParallelModel() throws Exception {
        assertEquals(StrategyKind.parallelModels().stream().map(StrategyKind::id).toList(),
                defaults(ModelState.class, "strategy"));
    }

    @Test
    void workloadSizesAreTheSameInEveryClassAndReachTwoToThe25() throws Exception {
        List<String> sum = defaults(SumBench.Data.class, "size");
        for (WorkloadKind w : WorkloadKind.values()) {
            assertEquals(sum, defaults(Class.forName(w.benchClassName() + "$Data"), "size"), w.benchClass());
        }
        assertTrue(sum.contains(String.valueOf(1 << 25)), sum.toString());
    }

    @Test
    void modelStateBuildsAndClosesTheNamedModel() {
        ModelState s = new ModelState();
        s.strategy = "fork-join";
        s.parallelism = 2;
        s.start();
        assertEquals(StrategyKind.FORK_JOIN, s.model.kind());
        assertEquals(2, s.model.parallelism());
        s.stop();
    }
}
