package dev.parbench.cli;

import dev.parbench.analysis.Analyzer;
import dev.parbench.report.ReportWriter;
import dev.parbench.results.JmhJsonReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run}: JMH over the selected workloads x models, by profile; prints the plan and an ETA; writes
 * {@code results/<timestamp>/results.json} (JMH's own JSON) and {@code env.json}, and points {@code results/latest}
 * at that folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the benchmarks: every workload under every concurrency model, JMH underneath.",
            "Writes results/<timestamp>/results.json (JMH JSON) and env.json; results/latest points at the newest;",
            "then the report: charts/<timestamp>/index.html (speedup charts, tables, summary.md, summary.csv).",
            "The sequential baseline always runs (every speedup needs it from the same run)."},
        footer = {"", "Profiles:",
            "  smoke     ~1 min, CI plumbing only (1 fork)",
            "  quick     ~6 min, a first look (2 forks, sizes 32k and 32M)",
            "  standard  default, ~13 min on 2 cores (2 forks, 4 sizes, parallelism 1-2; out-of-process models: "
                    + "32k and 32M)",
            "  full      hours (3 forks, 6 sizes, parallelism 1-8, both kernels)",
            "", "Examples:",
            "  run --profile quick",
            "  run --workloads sum --strategies fork-join,executor --sizes 1M,2^25 --parallelism 1,2",
            "  run --profile quick -- -prof gc        (anything after -- goes to JMH)"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "standard", paramLabel = "NAME",
            description = "smoke, quick, standard or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--patterns", split = ",", paramLabel = "ID", completionCandidates = Ids.Patterns.class,
            description = "Benchmark families to run (default: models, the workload x model matrix): "
                    + "${COMPLETION-CANDIDATES}. 'all' runs every family of the suite.")
    List<String> patterns;

    @Option(names = "--workloads", split = ",", paramLabel = "ID", completionCandidates = Ids.Workloads.class,
            description = "Workloads to run (default all): ${COMPLETION-CANDIDATES}.")
    List<String> workloads;

    @Option(names = "--strategies", split = ",", paramLabel = "ID", completionCandidates = Ids.Models.class,
            description = "Models to run (default all): ${COMPLETION-CANDIDATES}.")
    List<String> strategies;

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "Problem sizes in elements (e.g. 1024, 32k, 16M, 2^25); default from the profile.")
    List<String> sizes;

    @Option(names = "--parallelism", split = ",", paramLabel = "P",
            description = "Numbers of tasks/workers; default from the profile.")
    List<String> parallelism;

    @Option(names = "--kernels", split = ",", paramLabel = "K", completionCandidates = Ids.Kernels.class,
            description = "Kernels of the workloads that have two loops: ${COMPLETION-CANDIDATES} (default simd).")
    List<String> kernels;

    @Option(names = "--forks", paramLabel = "N", description = "JMH forks per configuration (default from profile).")
    Integer forks;

    @Option(names = "--no-probe", description = "Skip the memory-bandwidth probe.")
    boolean noProbe;

    @Option(names = "--results-dir", defaultValue = "results", paramLabel = "DIR",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--charts-dir", defaultValue = "charts", paramLabel = "DIR",
            description = "Where the report of this run goes, as DIR/<timestamp>/index.html (default: ${DEFAULT-VALUE}).")
    Path chartsDir;

    @Option(names = "--no-report", description = "Write results only; make no report.")
    boolean noReport;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    @Parameters(paramLabel = "JMH_ARG", description = "After --: passed to JMH as is (e.g. -- -prof gc).")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!jmhArgs.isEmpty() && !spec.commandLine().getParseResult().originalArgs().contains("--")) {
            throw new UsageException("unexpected argument '" + jmhArgs.get(0)
                    + "'; options start with --, and JMH arguments go after a lone --");
        }
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageException("bad JMH argument after --: " + e.getMessage());
        }
        Profile prof = Profile.fromId(profile);
        RunSpec runSpec = new RunSpec(prof, patterns, workloads, strategies, sizes, parallelism, kernels,
                user.getForkCount().hasValue() ? user.getForkCount().get() : forks, !noProbe);

        int wi = user.getWarmupIterations().orElse(prof.warmupIterations);
        TimeValue wt = user.getWarmupTime().orElse(TimeValue.milliseconds(prof.warmupMillis));
        int mi = user.getMeasurementIterations().orElse(prof.measurementIterations);
        TimeValue mt = user.getMeasurementTime().orElse(TimeValue.milliseconds(prof.measurementMillis));
        double iterationSeconds = (wi * wt.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                + mi * mt.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)) / 1000.0;

        OutputFormat quiet = OutputFormatFactory.createFormatInstance(
                new PrintStream(java.io.OutputStream.nullOutputStream()), VerboseMode.SILENT);
        Plan plan = Plan.of(runSpec, BenchmarkList.defaultList(), quiet, iterationSeconds,
                mt.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0);
        out.printf("parbench: profile %s (%s)%n", prof.id(), prof.summary());
        out.printf("  warm-up %d x %s, measurement %d x %s, %d fork(s) per configuration%n", wi, wt, mi, mt,
                runSpec.forks());
        plan.describe().forEach(out::println);
        if (plan.configurations() == 0) {
            throw new UsageException("nothing to run: the filters select no benchmark");
        }
        if (dryRun) {
            return 0;
        }

        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path runDir = resultsDir.resolve(stamp);
        if (Files.exists(runDir)) {
            throw new UsageException("run folder " + runDir + " already exists; wait a second and retry");
        }

        long start = System.nanoTime();
        List<RunResult> all = new ArrayList<>();
        OutputFormat jmhOut = OutputFormatFactory.createFormatInstance(new PrintStream(new OncePerRun(out), true,
                java.nio.charset.StandardCharsets.UTF_8), user.verbosity().orElse(VerboseMode.NORMAL));
        List<String> prepend = new ArrayList<>();
        if (!user.getJvm().hasValue()) { // the forks run on this JVM's java: its version decides the flag
            List<String> inherited = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
            quietJvmArgs(Runtime.version().feature()).stream().filter(f -> !inherited.contains(f))
                    .forEach(prepend::add); // forks inherit this JVM's flags: give each one once
        }
        prepend.addAll(user.getJvmArgsPrepend().orElse(List.of()));
        int done = 0;
        for (RunSpec.Pass pass : runSpec.passes()) {
            ChainedOptionsBuilder b = new OptionsBuilder().parent(user)
                    .forks(pass.forks())
                    .warmupIterations(wi).warmupTime(wt)
                    .measurementIterations(user.getMeasurementIterations().hasValue() ? mi
                            : Math.max(mi, pass.minMeasurementIterations()))
                    .measurementTime(mt)
                    .shouldFailOnError(user.shouldFailOnError().orElse(true));
            if (!prepend.isEmpty()) {
                b.jvmArgsPrepend(prepend.toArray(String[]::new));
            }
            for (String include : pass.includes()) {
                b.include(include);
            }
            for (Map.Entry<String, List<String>> p : pass.params().entrySet()) {
                if (!user.getParameter(p.getKey()).hasValue()) {
                    b.param(p.getKey(), p.getValue().toArray(String[]::new));
                }
            }
            out.printf("%n[parbench] pass: %s%n", pass.label());
            ProgressFormat progress = new ProgressFormat(jmhOut, out, plan.configurations(), plan.estimate(),
                    start, done);
            Collection<RunResult> results;
            try {
                results = new Runner(b.build(), progress).run();
            } catch (RunnerException e) {
                out.flush();
                System.err.println("parbench: the benchmark run failed: " + e.getMessage()
                        + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
                return 1;
            }
            done = progress.started();
            all.addAll(results);
        }

        Files.createDirectories(runDir);
        Path json = runDir.resolve("results.json");
        AtomicFiles.write(json, tmp -> {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(tmp), false,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(all);
            }
        });
        RunEnvironment.write(runDir.resolve("env.json"), RunEnvironment.collect(settings(runSpec, wi, wt, mi, mt, all)));
        AtomicFiles.pointLink(resultsDir.resolve("latest"), Path.of(stamp));
        out.printf("%n[parbench] %d configurations in %s%n", all.size(),
                Plan.format(java.time.Duration.ofNanos(System.nanoTime() - start)));
        out.printf("[parbench] results: %s%n", json);
        out.printf("[parbench] environment: %s%n", runDir.resolve("env.json"));
        if (!noReport) {
            Path index = ReportWriter.write(new Analyzer().analyze(JmhJsonReader.read(List.of(json))),
                    chartsDir.resolve(stamp));
            out.printf("[parbench] report: %s%n", index);
        }
        return 0;
    }

    /** Lets JMH use {@code sun.misc.Unsafe} without its four warnings per fork (JEP 471/498); JDK 23+ only. */
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";

    /** The flags that keep a JVM of this feature release quiet: JDK 21 and 22 reject {@link #UNSAFE_ALLOW}. */
    static List<String> quietJvmArgs(int feature) {
        return feature >= 23 ? List.of(UNSAFE_ALLOW) : List.of();
    }

    /**
     * The forks' console output, with the incubator-module warning that every fork prints shown once per run. Lines
     * pass through as they come; only a line that may still become that warning is held until it is decided.
     */
    static final class OncePerRun extends java.io.OutputStream {
        static final byte[] INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final java.io.OutputStream out;
        private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
        private boolean holding = true; // at the start of a line
        private boolean seen;

        OncePerRun(java.io.OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            if (!holding) {
                out.write(b);
                holding = b == '\n';
                return;
            }
            int i = held.size();
            if (b == '\n') {
                boolean warning = i >= INCUBATOR.length; // held bytes always match the warning (and maybe a \r)
                if (!warning || !seen) {
                    held.writeTo(out);
                    out.write(b);
                }
                seen |= warning;
                held.reset();
                return;
            }
            if (i < INCUBATOR.length && INCUBATOR[i] == b || i == INCUBATOR.length && b == '\r') {
                held.write(b);
                return;
            }
            held.writeTo(out);
            held.reset();
            out.write(b);
            holding = false;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            out.flush();
        }
    }

    private Map<String, Object> settings(RunSpec s, int wi, TimeValue wt, int mi, TimeValue mt,
            List<RunResult> results) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("profile", s.profile().id());
        run.put("forks", s.forks());
        run.put("warmup", wi + " x " + wt);
        run.put("measurement", mi + " x " + mt);
        run.put("mode", "avgt");
        run.put("forkJvmArgs", results.isEmpty() ? List.of() : results.get(0).getParams().getJvmArgs());
        run.put("extraJmhArgs", jmhArgs);
        List<Map<String, Object>> passes = new ArrayList<>();
        for (RunSpec.Pass p : s.passes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("includes", p.includes());
            m.put("params", p.params());
            passes.add(m);
        }
        run.put("passes", passes);
        run.put("commandLine", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        return run;
    }
}
