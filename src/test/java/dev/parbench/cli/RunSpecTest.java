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
        Profile p = spec.profile();
        return Plan.of(spec, BenchmarkList.defaultList(),
                OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                        VerboseMode.SILENT), new Plan.Timing(p.warmupIterations, p.warmupMillis / 1000.0,
                        p.measurementIterations, p.measurementMillis / 1000.0, spec.cores()));
    }

    private static RunSpec profile(Profile p, int cores) {
        return new RunSpec(p, null, null, null, null, null, null, null, true, cores);
    }

    /** The in-JVM parallelisms a run measures, from its passes. */
    private static java.util.Set<Integer> parallelisms(RunSpec spec, String pass) {
        return spec.passes().stream().filter(x -> x.label().equals(pass))
                .flatMap(x -> x.params().get("parallelism").stream()).map(Integer::valueOf)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void theLadderGoesUpToTheCoresAndOneOversubscribedPoint() {
        assertEquals(List.of(1, 2, 4), Profile.ladder(2));
        assertEquals(List.of(1, 2, 4, 8, 16, 32), Profile.ladder(16));
        assertEquals(List.of(1, 2, 4, 6, 12), Profile.ladder(6));
        assertEquals(List.of(1, 2), Profile.ladder(1));
    }

    @Test
    void profilesAdaptToTheCoresAndKeepTheirBudgets() {
        for (int cores : new int[] {2, 16, 64}) {
            RunSpec quick = profile(Profile.QUICK, cores);
            RunSpec standard = profile(Profile.STANDARD, cores);
            // quick: p = cores over its sizes and nothing else; no out-of-process models
            assertEquals(java.util.Set.of(cores), parallelisms(quick, "models"), "quick on " + cores);
            assertTrue(parallelisms(quick, "models, scaling").isEmpty(), "quick on " + cores);
            assertFalse(quick.passes().stream().anyMatch(x -> x.label().equals("out of process")));
            // standard: three p values <= cores (an Amdahl fit) where the cores allow, and 2 x cores
            java.util.Set<Integer> all = new java.util.TreeSet<>(parallelisms(standard, "models"));
            all.addAll(parallelisms(standard, "models, scaling"));
            all.addAll(parallelisms(standard, "models, Amdahl"));
            assertEquals(cores == 2 ? java.util.Set.of(2, 4)
                    : java.util.Set.of(cores / 4, cores / 2, cores, 2 * cores), all, "standard on " + cores);
            assertEquals(java.util.Set.of(cores), parallelisms(standard, "out of process"), "standard on " + cores);
            assertEquals(3, standard.forks());
            for (RunSpec spec : List.of(quick, standard)) {
                Plan plan = plan(spec);
                long minutes = spec.profile().budgetMinutes;
                assertTrue(plan.estimate().compareTo(java.time.Duration.ofMinutes(minutes)) <= 0,
                        spec.profile() + " on " + cores + " cores: " + Plan.format(plan.estimate()) + " > "
                                + minutes + " min");
                String rule = String.join("\n", spec.rule());
                assertTrue(rule.contains("on " + cores + " cores"), rule);
                assertTrue(rule.contains("p = cores (" + cores + ")"), rule);
            }
        }
    }

    @Test
    void thePlanPrintsTheRule() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PrintStream old = System.out;
        try (PrintStream out = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(out);
            new picocli.CommandLine(new Main()).execute("run", "--profile", "quick", "--dry-run");
        } finally {
            System.setOut(old);
        }
        String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.contains("how the sizes and parallelism were chosen:"), printed);
        assertTrue(printed.contains("parallelism ladder on " + Runtime.getRuntime().availableProcessors()
                + " core"), printed);
    }

    @Test
    void weakScalingGrowsTheSizeWithP() {
        RunSpec spec = profile(Profile.QUICK, 4).withWeakScaling(true);
        List<RunSpec.Pass> weak = spec.passes().stream().filter(x -> x.label().equals("weak scaling")).toList();
        assertEquals(List.of(List.of("1048576"), List.of("2097152"), List.of("4194304")),
                weak.stream().map(x -> x.params().get("size")).toList());
        assertEquals(List.of("2"), weak.get(1).params().get("parallelism"));
        assertEquals(List.of("thread-per-task", "executor", "fork-join"), weak.get(1).params().get("strategy"));
        assertTrue(weak.get(0).includes().stream().allMatch(i -> i.contains("sequential")));
        assertTrue(profile(Profile.QUICK, 4).passes().stream().noneMatch(x -> x.label().equals("weak scaling")));
    }

    @Test
    void theProbeMeasuresTheModelSizes() {
        RunSpec spec = profile(Profile.STANDARD, 2);
        RunSpec.Pass probe = spec.passes().stream().filter(x -> x.label().equals("bandwidth probe")).findFirst()
                .orElseThrow();
        assertEquals(List.of("32768", "33554432"), probe.params().get("elements"));
        RunSpec quick = profile(Profile.QUICK, 2);
        assertEquals(quick.passes().get(0).params().get("size"), quick.passes().stream()
                .filter(x -> x.label().equals("bandwidth probe")).findFirst().orElseThrow().params().get("elements"));
    }

    @Test
    void smokeCoversEveryWorkloadAndModelOnce() {
        RunSpec spec = new RunSpec(Profile.SMOKE, null, null, null, null, null, null, true);
        Plan plan = plan(spec);
        // every workload x (5 in-JVM models + sequential) + every workload x each out-of-process model of the
        // default selection + transfer probes (loopback, pipe, worker start) + bandwidth probe (read, add) x (1, all)
        // (one round: no machine reference)
        int w = WorkloadKind.values().length;
        int remote = defaultOutOfProcessModels();
        assertEquals(w * 6 + w * remote + 3 + 4, plan.configurations());
        // one fork each, except the bandwidth probe, which always gets at least three (its figure is the best fork)
        assertEquals(w * 6 + w * remote + 3 + 4 * RunSpec.PROBE_MIN_FORKS, plan.forkRuns());
    }

    @Test
    void explicitSizesAndParallelismMeasureEverySizeAtEveryParallelism() {
        RunSpec spec = new RunSpec(Profile.STANDARD, null, List.of("sum"), List.of("executor"), List.of("1k,1M"),
                List.of("1,2,4"), null, null, false, 16);
        assertEquals(List.of("1", "2", "4"), spec.passes().get(0).params().get("parallelism"));
        assertEquals(List.of("1024", "1048576"), spec.passes().get(0).params().get("size"));
        assertFalse(spec.passes().stream().anyMatch(x -> x.label().equals("models, scaling")));
    }

    @Test
    void filtersNarrowThePlan() {
        RunSpec spec = new RunSpec(Profile.QUICK, List.of("sum"), List.of("fork-join", "executor"),
                List.of("1M"), List.of("1,2,4"), null, 3, false);
        Plan plan = plan(spec);
        // sequential x 1 size + parallel x 2 models x 1 size x 3 parallelisms; no probe; the machine reference (2)
        assertEquals(1 + 2 * 3 + 2, plan.configurations());
        assertEquals(3 * 9, plan.forkRuns());
        assertEquals(List.of("1048576"), spec.passes().get(0).params().get("size"));
    }

    @Test
    void standardHasTheScalingPassAndTheProbe() {
        RunSpec spec = profile(Profile.STANDARD, 2);
        List<String> labels = spec.passes().stream().map(RunSpec.Pass::label).toList();
        assertEquals(List.of("models", "models, scaling", "out of process", "transfer probes", "bandwidth probe",
                "machine reference"), labels);
        // the scaling pass: the largest size only
        assertEquals(List.of("33554432"), spec.passes().get(1).params().get("size"));
        // out-of-process models get the profile's lighter sizes; an explicit --sizes applies to all
        assertEquals(List.of("1048576"), spec.passes().get(2).params().get("size"));
        assertEquals(2, spec.passes().get(2).forks());
        RunSpec explicit = new RunSpec(Profile.STANDARD, null, null, List.of("1k"), null, null, null, true);
        assertEquals(List.of("1024"), explicit.passes().get(1).params().get("size"));
        // quick runs out-of-process models only when named
        RunSpec named = new RunSpec(Profile.QUICK, null, null, List.of("socket"), null, null, null, null, true, 2);
        assertEquals(List.of("33554432"), named.passes().stream().filter(x -> x.label().equals("out of process"))
                .findFirst().orElseThrow().params().get("size"));
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
        List<String> brief = plan.brief();
        assertEquals(last, brief.get(brief.size() - 1), "the brief plan ends with the same total");
        int configs = 0;
        for (String line : brief.subList(0, brief.size() - 1)) {
            configs += Integer.parseInt(line.trim().replaceAll(".*?(\\d+) configurations.*", "$1"));
        }
        assertEquals(plan.configurations(), configs, "the passes add up to the total: " + brief);
        assertTrue(brief.size() < plan.describe().size(), "one line per pass, not per benchmark");
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
