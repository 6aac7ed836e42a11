package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.workload.WorkloadKind;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class RunSpecTest {

    /** The out-of-process models a run selects when none are named (the opt-in engine models are not among them). */
    static int defaultOutOfProcessModels() {
        return (int) java.util.Arrays.stream(dev.parbench.strategy.StrategyKind.values())
                .filter(k -> k.outOfProcess() && !k.optIn()).count();
    }

    private static Plan plan(RunSpec spec) {
        return Plan.of(spec, BenchmarkList.defaultList(),
                OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                        VerboseMode.SILENT), 1.0);
    }

    @Test
    void smokeCoversEveryWorkloadAndModelOnce() {
        RunSpec spec = new RunSpec(Profile.SMOKE, null, null, null, null, null, null, true);
        Plan plan = plan(spec);
        // every workload x (5 in-JVM models + sequential) + every workload x each out-of-process model of the
        // default selection + transfer probes (loopback, pipe, worker start) + bandwidth probe (read, add) x (1, all)
        int w = WorkloadKind.values().length;
        int remote = defaultOutOfProcessModels();
        assertEquals(w * 6 + w * remote + 3 + 4, plan.configurations());
        // one fork each, except the bandwidth probe, which always gets at least three (its figure is the best fork)
        assertEquals(w * 6 + w * remote + 3 + 4 * RunSpec.PROBE_MIN_FORKS, plan.forkRuns());
    }

    @Test
    void filtersNarrowThePlan() {
        RunSpec spec = new RunSpec(Profile.QUICK, List.of("sum"), List.of("fork-join", "executor"),
                List.of("1M"), List.of("1,2,4"), null, 3, false);
        Plan plan = plan(spec);
        // sequential x 1 size + parallel x 2 models x 1 size x 3 parallelisms; no probe
        assertEquals(1 + 2 * 3, plan.configurations());
        assertEquals(3 * 7, plan.forkRuns());
        assertEquals(List.of("1048576"), spec.passes().get(0).params().get("size"));
    }

    @Test
    void standardAddsTheScalarBaselineAndTheProbe() {
        RunSpec spec = new RunSpec(Profile.STANDARD, null, null, null, null, null, null, true);
        List<String> labels = spec.passes().stream().map(RunSpec.Pass::label).toList();
        assertEquals(List.of("models", "out of process", "transfer probes", "scalar baseline", "bandwidth probe"),
                labels);
        assertEquals(List.of("scalar"), spec.passes().get(3).params().get("kernel"));
        // out-of-process models get the profile's lighter sizes; an explicit --sizes applies to all
        assertEquals(List.of("32768", "33554432"), spec.passes().get(1).params().get("size"));
        RunSpec explicit = new RunSpec(Profile.STANDARD, null, null, List.of("1k"), null, null, null, true);
        assertEquals(List.of("1024"), explicit.passes().get(1).params().get("size"));
    }

    @Test
    void monteCarloAloneNeedsNoProbe() {
        RunSpec spec = new RunSpec(Profile.QUICK, List.of("random"), null, null, null, null, null, true);
        assertFalse(spec.passes().stream().anyMatch(p -> p.label().equals("bandwidth probe")));
        RunSpec inJvmOnly = new RunSpec(Profile.QUICK, null, List.of("fork-join"), null, null, null, null, true);
        assertFalse(inJvmOnly.passes().stream().anyMatch(p -> p.label().equals("transfer probes")));
    }

    @Test
    void badFiltersAreUsageErrors() {
        assertThrows(UsageException.class,
                () -> new RunSpec(Profile.QUICK, List.of("pi"), null, null, null, null, null, true));
        assertThrows(UsageException.class,
                () -> new RunSpec(Profile.QUICK, null, List.of("gpu"), null, null, null, null, true));
        assertThrows(UsageException.class,
                () -> new RunSpec(Profile.QUICK, null, null, List.of("0"), null, null, null, true));
        assertThrows(UsageException.class,
                () -> new RunSpec(Profile.QUICK, null, null, null, null, List.of("avx"), null, true));
        assertThrows(UsageException.class,
                () -> new RunSpec(Profile.QUICK, null, null, null, null, null, 0, true));
        assertThrows(UsageException.class, () -> Profile.fromId("huge"));
    }

    @Test
    void planPrintsTotalsAndAnEstimate() {
        Plan plan = plan(new RunSpec(Profile.SMOKE, null, null, null, null, null, null, true));
        String last = plan.describe().get(plan.describe().size() - 1);
        int w = WorkloadKind.values().length;
        int models = 6 + defaultOutOfProcessModels();
        assertTrue(last.contains("total: " + (w * models + 7) + " configurations, "
                + (w * models + 3 + 4 * RunSpec.PROBE_MIN_FORKS)
                + " JVM runs (forks), estimated"), last);
    }

    @Test
    void channelsBringTheTransferProbesAndSmokeTakesFewerSizes() {
        RunSpec quick = new RunSpec(Profile.QUICK, List.of("channels", "ipc-queue"), null, null, null, null, null,
                null, true);
        assertEquals(List.of("channels", "ipc-queue", "transfer probes"),
                quick.passes().stream().map(RunSpec.Pass::label).toList());
        assertEquals(5, quick.passes().get(0).params().get("size").size());
        assertEquals(List.of("pipe", "unix-socket", "tcp", "shared-memory-ring", "in-jvm"),
                quick.passes().get(0).params().get("variant"));
        RunSpec smoke = new RunSpec(Profile.SMOKE, List.of("channels", "ipc-queue"), null, null, null, null, null,
                null, true);
        assertEquals(List.of("8", "65536"), smoke.passes().get(0).params().get("size"));
        assertEquals(List.of("4096"), smoke.passes().get(1).params().get("size"));
        RunSpec all = new RunSpec(Profile.QUICK, List.of("all"), null, null, null, null, null, null, true);
        assertTrue(all.families().contains(dev.parbench.family.Families.CHANNELS)
                && all.families().contains(dev.parbench.family.Families.IPC_QUEUE), "all runs them");
        assertEquals(1, all.passes().stream().filter(p -> p.label().equals("transfer probes")).count(),
                "one transfer probe pass, the model matrix's");
    }

    @Test
    void killIsAPatternOfItsOwnAndPartOfAll() {
        RunSpec kill = new RunSpec(Profile.QUICK, List.of("kill"), null, null, null, null, null, null, true);
        assertEquals(List.of(dev.parbench.family.Families.KILL), kill.families());
        assertEquals(1, kill.passes().size(), "one short pass, no model matrix");
        assertEquals(6, plan(kill).items().stream().mapToInt(Plan.Item::configurations).sum(),
                "3 stop variants x 2 worker states");
        RunSpec all = new RunSpec(Profile.QUICK, List.of("all"), null, null, null, null, null, null, true);
        assertTrue(all.families().contains(dev.parbench.family.Families.KILL));
        assertTrue(all.families().contains(dev.parbench.family.Families.MODELS));
    }
}
