package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The JMH options of one configuration: its own invocation, and fork flags that are added to, never replaced. */
class RunOptionsTest {
    private static final OutputFormat QUIET = OutputFormatFactory.createFormatInstance(
            new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);

    private static RunCommand.Setup setup(RunSpec spec, String... jmhArgs) throws Exception {
        CommandLineOptions user = new CommandLineOptions(jmhArgs);
        List<Configuration> configs = Plan.enumerate(spec, BenchmarkList.defaultList(), QUIET,
                name -> user.getParameter(name).hasValue() ? List.copyOf(user.getParameter(name).get()) : null,
                user.getExcludes());
        return new RunCommand.Setup(spec.profile(), spec, user, 1, TimeValue.milliseconds(100), 1,
                TimeValue.milliseconds(100), configs, Plan.of(spec, BenchmarkList.defaultList(), QUIET,
                        new Plan.Timing(1, 0.1, 1, 0.1, spec.cores())), null);
    }

    /** The configurations but the machine reference's (which has no parameters). */
    private static List<Configuration> matrix(RunCommand.Setup s) {
        return s.configurations().stream().filter(c -> !c.pass().equals("machine reference")).toList();
    }

    private static RunSpec sum() {
        return new RunSpec(Profile.SMOKE, List.of("sum"), List.of("fork-join"), null, null, null, null, false);
    }

    @Test
    void userJvmArgsAppendIsAddedAfterTheBenchmarksOwnFlags() throws Exception {
        RunCommand.Setup s = setup(sum(), "-jvmArgsAppend", "-Dparbench.workers=host:7000 -Xmx6g");
        for (Configuration c : matrix(s)) {
            Options o = JmhInvocation.options(s, c);
            assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g",
                    "-Dparbench.workers=host:7000", "-Xmx6g"), new ArrayList<>(o.getJvmArgsAppend().get()), c.label());
        }
        // without the user's flags JMH takes the benchmark's own @Fork(jvmArgsAppend)
        RunCommand.Setup plain = setup(sum());
        assertFalse(JmhInvocation.options(plain, plain.configurations().get(0)).getJvmArgsAppend().hasValue());
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g"),
                plain.configurations().get(0).forkJvmArgsAppend());
    }

    @Test
    void eachConfigurationIsOneBenchmarkWithOneValuePerParameter() throws Exception {
        RunCommand.Setup s = setup(new RunSpec(Profile.SMOKE, null, null, null, null, null, null, true));
        assertEquals(s.plan().configurations(), s.configurations().size(), "the plan counts what is run");
        Set<String> keys = s.configurations().stream().map(Configuration::key).collect(Collectors.toSet());
        assertEquals(s.configurations().size(), keys.size(), "no configuration twice");
        Configuration c = s.configurations().stream().filter(x -> x.benchmark().endsWith("SumBench.parallel"))
                .findFirst().orElseThrow();
        Options o = JmhInvocation.options(s, c);
        assertEquals(List.of("^\\Q" + c.benchmark() + "\\E$"), o.getIncludes());
        for (Map.Entry<String, String> p : c.params().entrySet()) {
            assertEquals(List.of(p.getValue()), new ArrayList<>(o.getParameter(p.getKey()).get()));
        }
        assertTrue(o.shouldFailOnError().get(), "JMH says why a configuration failed; the run decides to go on");
        assertEquals(RunSpec.PROBE_MIN_FORKS, s.configurations().stream()
                .filter(x -> x.benchmark().contains("BandwidthProbe")).findFirst().orElseThrow().forks());
    }

    @Test
    void userParametersNarrowTheConfigurations() throws Exception {
        RunCommand.Setup s = setup(new RunSpec(Profile.QUICK, List.of("sum"), List.of("executor"), null, null, null,
                null, false), "-p", "size=1024");
        assertTrue(matrix(s).stream().allMatch(c -> c.params().get("size").equals("1024")));
        // sequential + executor at p = cores
        assertEquals(2, matrix(s).size());
    }

    @Test
    void everyModelConfigurationCountsItsCostsAndNothingElseDoes() throws Exception {
        RunCommand.Setup s = setup(new RunSpec(Profile.SMOKE, null, null, null, null, null, null, true), "-prof",
                "gc");
        String cost = dev.parbench.bench.CostProfiler.class.getName();
        int models = 0;
        for (Configuration c : s.configurations()) {
            List<String> profilers = JmhInvocation.options(s, c).getProfilers().stream()
                    .map(org.openjdk.jmh.runner.options.ProfilerConfig::getKlass).toList();
            boolean model = dev.parbench.family.Families.MODELS.owns(c.benchmark());
            models += model ? 1 : 0;
            assertEquals(model, profilers.contains(cost), c.label());
            assertTrue(profilers.contains("gc"), c.label() + ": the user's profilers stay: " + profilers);
        }
        assertTrue(models > 0 && models < s.configurations().size(), "models and probes both planned");
    }

    @Test
    void theReasonIsTheInnermostCause() {
        RunnerException e = new RunnerException("Benchmark caught the exception", new BenchmarkException(
                new IllegalStateException("Forked VM failed with exit code 137\nmore")));
        assertEquals("IllegalStateException: Forked VM failed with exit code 137", JmhInvocation.reason(e));
    }
}
