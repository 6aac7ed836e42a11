package dev.parbench.cli;

import dev.parbench.analysis.Analyzer;
import dev.parbench.analysis.ForkIntervals;
import dev.parbench.gate.GateConfig;
import dev.parbench.report.ReportWriter;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.RunFailures;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
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
            "The sequential baseline always runs (every speedup needs it from the same run).",
            "Each configuration is saved as it finishes; a failed one is listed in failures.json and the others go "
                    + "on (--fail-fast stops); Ctrl-C keeps what finished; --resume RUN_DIR runs what is missing."},
        footer = {"", "Profiles:",
            "  smoke     ~1 min, CI plumbing only (1 fork)",
            "  quick     <= 5 min, a first look (2 forks, 32k and 32M at p = cores, in-JVM models only)",
            "  standard  default, <= 15 min (3 forks; 32k-32M at p = cores, 2 x cores at 32M, more p from 4 cores "
                    + "on; out-of-process models at 1M)",
            "  The parallelisms follow the machine's cores; the plan prints the rule.",
            "  full      hours (3 forks, 6 sizes, parallelism 1, 2, 4, ... 2 x cores, both kernels)",
            "", "Examples:",
            "  run --profile quick",
            "  run --patterns counter,queue --profile quick     (coordination families; --patterns all: everything)",
            "  run --workloads sum --strategies fork-join,executor --sizes 1M,2^25 --parallelism 1,2",
            "  run --profile quick -- -prof gc        (anything after -- goes to JMH)",
            "  run --resume results/2026-01-02T03-04-05   (finish an interrupted run into the same results.json)"})
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
            description = "Models to run (default: all but the opt-in engine models hazelcast and "
                    + "hazelcast-resident): ${COMPLETION-CANDIDATES}.")
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

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the rounds' random order (default: a new "
            + "one, printed with the plan; the same seed replays a run's order).")
    Long seed;

    @Option(names = "--adaptive", description = "After the planned rounds, add rounds (2 at a time: a fork of the model "
            + "and one of its baseline, paired) to the headline speedups (every model at the largest size of its "
            + "workload) until each speedup's 95%% interval is within --adaptive-width, the model has "
            + "--adaptive-max-forks, or --adaptive-minutes are spent.")
    boolean adaptive;

    @Option(names = "--adaptive-width", paramLabel = "PCT", defaultValue = "5",
            description = "Half-width of a settled speedup's interval, in %% of the speedup "
                    + "(default: ${DEFAULT-VALUE}).")
    double adaptiveWidth;

    @Option(names = "--adaptive-max-forks", paramLabel = "N", defaultValue = "10",
            description = "At most this many forks per configuration (default: ${DEFAULT-VALUE}).")
    int adaptiveMaxForks;

    @Option(names = "--adaptive-minutes", paramLabel = "M", defaultValue = "5",
            description = "Time budget of the added forks (default: ${DEFAULT-VALUE}); no step starts past it.")
    double adaptiveMinutes;

    @Option(names = "--gate-subset", description = "Run compare's gate subset (the passes of --gate-config) instead "
            + "of a profile's matrix, with compare's iteration times and, unless --forks says otherwise, the fewest "
            + "forks with which the stored gate (gate --baseline A --candidate B) can decide for that many "
            + "benchmarks.")
    boolean gateSubset;

    @Option(names = "--gate-config", paramLabel = "FILE", defaultValue = ".ci/gate.json",
            description = "The gate settings whose subset --gate-subset runs (default: ${DEFAULT-VALUE} if present).")
    Path gateConfig;

    @Option(names = "--no-probe", description = "Skip the memory-bandwidth probe.")
    boolean noProbe;

    @Option(names = "--weak-scaling", description = "Add the weak-scaling study (Gustafson: the work grows with p): "
            + "sequential at 1M elements and each thread-count model at p = 2 ... cores with p x 1M; the report gives "
            + "the scaled efficiency T(1, n) / T(p, p n).")
    boolean weakScaling;

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

    @Option(names = "--fail-fast", description = "Stop the run at the first failed configuration (default: list it "
            + "in failures.json and go on with the others).")
    boolean failFast;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Finish an interrupted or partly failed run: "
            + "run only the configurations missing from RUN_DIR/results.json, with RUN_DIR's settings, into the "
            + "same results.json; then the report.")
    Path resume;

    @Option(names = "--settle", paramLabel = "RUN_DIR", description = "Settle a finished run's open rows: more rounds "
            + "(--settle-rounds) of exactly the configurations behind its provisional decision rows (the pick, the "
            + "models that tie or run up to it, the sequential baseline), merged into RUN_DIR/results.json; then "
            + "the report.")
    Path settle;

    @Option(names = "--settle-rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds --settle adds (default: ${DEFAULT-VALUE}).")
    int settleRounds;

    @Option(names = "--verbose", description = "Show JMH's full log on the console as it comes (by default it goes "
            + "only to jmh.log in the run's results folder, and the console shows the plan, one progress line, "
            + "warnings and failures in one line each, and the decision table).")
    boolean verbose;

    @Option(names = "--config-timeout", paramLabel = "DURATION", description = "Wall-clock bound of each "
            + "configuration (e.g. 90s, 10m, 1h; default: 5 x its planned time, at least 5m). A configuration over "
            + "it has its JMH fork killed, is listed in failures.json, and the run goes on.")
    String configTimeout;

    @Parameters(paramLabel = "JMH_ARG", description = "After --: passed to JMH as is (e.g. -- -prof gc).")
    List<String> jmhArgs = new ArrayList<>();

    /** Options that --resume accepts besides its folder (the rest come from the run folder). */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--settle", "--settle-rounds",
            "--results-dir", "--charts-dir", "--no-report", "--fail-fast", "--dry-run", "--verbose", "--config-timeout");

    /** What the options of one run command line select: the profile, the JMH settings, every configuration. */
    record Setup(Profile profile, RunSpec spec, CommandLineOptions user, int wi, TimeValue wt, int mi, TimeValue mt,
            List<Configuration> configurations, Plan plan, AdaptiveForks.Target adaptive) {
        Plan.Timing timing() {
            return timing(wi, wt, mi, mt, spec.cores());
        }

        static Plan.Timing timing(int wi, TimeValue wt, int mi, TimeValue mt, int cores) {
            return new Plan.Timing(wi, wt.convertTo(TimeUnit.MICROSECONDS) / 1e6, mi,
                    mt.convertTo(TimeUnit.MICROSECONDS) / 1e6, cores);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (configTimeout != null) {
            ConfigBound.parse(configTimeout); // a bad value is one line and exit 2 before anything runs
        }
        dev.parbench.remote.Leftovers.sweep(); // files of parbench JVMs killed earlier
        if (resume != null && settle != null) {
            throw new UsageException("--resume and --settle take one run folder each: give one of them");
        }
        if (resume != null || settle != null) {
            return resumeRun();
        }
        Setup setup = setup();
        printPlan(setup, System.out);
        if (dryRun) {
            return 0;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path runDir = resultsDir.resolve(stamp);
        if (Files.exists(runDir)) {
            throw new UsageException("run folder " + runDir + " already exists; wait a second and retry");
        }
        RunStore store = RunStore.create(runDir, RunEnvironment.collect(settings(setup)));
        return execute(setup, store, Rounds.schedule(setup.configurations(), Map.of(), seed()), stamp, true);
    }

    /** The rounds' seed: --seed, or one drawn now (and kept, so that the plan and the run say the same). */
    long seed() {
        if (seed == null) {
            seed = new java.security.SecureRandom().nextLong() >>> 16; // short enough to type
        }
        return seed;
    }

    /** Parses this command's options into a plan; usage errors are one line, exit 2. */
    Setup setup() {
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
        if (!user.getIncludes().isEmpty()) {
            throw new UsageException("benchmark names after -- are not supported ('" + user.getIncludes().get(0)
                    + "'); select with --patterns, --workloads, --strategies, --sizes, --parallelism");
        }
        if (user.getResult().hasValue() || user.getResultFormat().hasValue()) {
            throw new UsageException("-rf/-rff after -- are not supported: the run writes "
                    + "results/<timestamp>/results.json (JMH JSON) itself");
        }
        Profile prof = Profile.fromId(profile);
        Integer userForks = user.getForkCount().hasValue() ? user.getForkCount().get() : forks;
        OutputFormat quiet = JmhInvocation.silent();
        BenchmarkList list = BenchmarkList.defaultList();
        RunSpec runSpec;
        int wi;
        TimeValue wt;
        int mi;
        TimeValue mt;
        if (gateSubset) {
            GateSubset g = gateSubset(list, quiet, userForks);
            gateForksLine = g.forksLine();
            runSpec = g.spec();
            wi = user.getWarmupIterations().orElse((int) JmhForkRunner.orZero(g.compare().warmupIterations()));
            wt = user.getWarmupTime().orElse(TimeValue.milliseconds(JmhForkRunner.orZero(g.compare().warmupMillis())));
            mi = user.getMeasurementIterations().orElse((int) JmhForkRunner.orZero(g.compare().iterations()));
            mt = user.getMeasurementTime().orElse(TimeValue.milliseconds(
                    JmhForkRunner.orZero(g.compare().iterationMillis())));
        } else {
            runSpec = new RunSpec(prof, patterns, workloads, strategies, sizes, parallelism, kernels, userForks,
                    !noProbe).withWeakScaling(weakScaling);
            wi = user.getWarmupIterations().orElse(prof.warmupIterations);
            wt = user.getWarmupTime().orElse(TimeValue.milliseconds(prof.warmupMillis));
            mi = user.getMeasurementIterations().orElse(prof.measurementIterations);
            mt = user.getMeasurementTime().orElse(TimeValue.milliseconds(prof.measurementMillis));
        }
        double iterationSeconds = (wi * wt.convertTo(TimeUnit.MILLISECONDS)
                + mi * mt.convertTo(TimeUnit.MILLISECONDS)) / 1000.0;
        List<Configuration> configurations = Plan.enumerate(runSpec, list, quiet,
                name -> user.getParameter(name).hasValue() ? List.copyOf(user.getParameter(name).get()) : null,
                user.getExcludes());
        if (configurations.isEmpty()) {
            throw new UsageException("nothing to run: the filters select no benchmark");
        }
        Plan plan = Plan.of(configurations, Setup.timing(wi, wt, mi, mt, runSpec.cores()));
        AdaptiveForks.Target target = adaptiveTarget();
        if (target != null && target.maxForks() < runSpec.forks()) {
            throw new UsageException("--adaptive-max-forks " + target.maxForks() + " is below the run's "
                    + runSpec.forks() + " forks: nothing could be added");
        }
        return new Setup(prof, runSpec, user, wi, wt, mi, mt, configurations, plan, target);
    }

    /** The adaptive phase's target from the options (null without --adaptive); bad values are exit 2. */
    AdaptiveForks.Target adaptiveTarget() {
        if (!adaptive) {
            for (String o : List.of("--adaptive-width", "--adaptive-max-forks", "--adaptive-minutes")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new UsageException(o + " only applies with --adaptive");
                }
            }
            return null;
        }
        if (!(adaptiveWidth > 0 && adaptiveWidth < 100)) {
            throw new UsageException("--adaptive-width must be a percentage between 0 and 100, got " + adaptiveWidth);
        }
        if (adaptiveMaxForks < ForkIntervals.MIN_FORKS || adaptiveMaxForks > 100) {
            throw new UsageException("--adaptive-max-forks must be between " + ForkIntervals.MIN_FORKS
                    + " (the fewest forks an interval needs) and 100, got " + adaptiveMaxForks);
        }
        if (!(adaptiveMinutes > 0 && adaptiveMinutes <= 24 * 60)) {
            throw new UsageException("--adaptive-minutes must be above 0 and at most a day, got " + adaptiveMinutes);
        }
        return new AdaptiveForks.Target(adaptiveWidth / 100, adaptiveMaxForks,
                java.time.Duration.ofMillis(Math.round(adaptiveMinutes * 60_000)));
    }

    /** Set by {@link #setup()} for --gate-subset: how many forks the stored gate needs, in one line. */
    private String gateForksLine;

    /** The gate subset as a run: its spec, the compare settings it came from, and the one-line forks verdict. */
    record GateSubset(RunSpec spec, GateConfig.Compare compare, String forksLine) {
    }

    /**
     * The passes of compare's gate subset (from --gate-config), with --forks forks or, by default, the fewest with
     * which Mann-Whitney can reach the family's α after the correction for that many benchmarks; says so in one line.
     */
    GateSubset gateSubset(BenchmarkList list, OutputFormat quiet, Integer userForks) {
        if (patterns != null || workloads != null || strategies != null || sizes != null || parallelism != null
                || kernels != null) {
            throw new UsageException("--gate-subset runs the subset of " + gateConfig + "; it takes no --patterns, "
                    + "--workloads, --strategies, --sizes, --parallelism or --kernels");
        }
        GateConfig cfg = GateCommand.loadConfig(gateConfig);
        GateConfig.Compare c = cfg.compare() != null ? cfg.compare() : CompareCommand.defaultCompare();
        List<RunSpec.Pass> passes = new ArrayList<>();
        for (GateConfig.Pass p : c.passes()) {
            passes.add(new RunSpec.Pass("gate subset", List.of(p.includeRegex()), p.params() == null ? Map.of()
                    : p.params(), 1, 0));
        }
        int benchmarks = Plan.enumerate(RunSpec.of(Profile.fromId(profile), passes, 1), list, quiet, n -> null,
                List.of()).size();
        int need = GateCommand.forksPerSide(Math.max(1, benchmarks), cfg.familyAlpha());
        int forks = userForks != null ? userForks : need;
        String line = String.format(java.util.Locale.ROOT, "gate subset: %d benchmarks; the stored gate "
                + "(Mann-Whitney, %s at α = %s) needs at least %d forks per side to decide; this run makes %d%s",
                benchmarks, cfg.correctionOrDefault().label(), cfg.familyAlpha(), need, forks,
                forks < need ? " (too few: its gate can only be INCONCLUSIVE)" : "");
        return new GateSubset(RunSpec.of(Profile.fromId(profile), passes, forks), c, line);
    }

    private void printPlan(Setup s, PrintStream out) {
        if (gateForksLine != null) {
            out.println("parbench: " + gateForksLine);
            out.printf("parbench: compare's gate subset from %s, with compare's iteration times%n", gateConfig);
        } else {
            out.printf("parbench: profile %s (%s)%n", s.profile().id(), s.profile().summary());
        }
        out.printf("  warm-up %d x %s, measurement %d x %s, %d fork(s) per configuration%n", s.wi(), s.wt(), s.mi(),
                s.mt(), s.spec().forks());
        out.printf("  in %d rounds: each round runs one fork of every configuration, in a random order (seed %d; "
                + "--seed %d replays it)%n", Rounds.count(s.configurations()), seed(), seed());
        if (verbose || dryRun) {
            out.println("  how the sizes and parallelism were chosen:");
            s.spec().rule().forEach(r -> out.println("    - " + r));
            s.plan().describe().forEach(out::println);
        } else { // a quiet console: the plan by pass; --dry-run or --verbose give each benchmark and the rules
            s.plan().brief().forEach(out::println);
            out.println("  (each benchmark and how the sizes were chosen: --dry-run; JMH's log: jmh.log or --verbose)");
        }
        if (s.adaptive() != null) {
            out.printf("  then --adaptive: %d headline speedups (each model at its workload's largest size), %s; "
                    + "the run may take that much longer%n", AdaptiveForks.headline(s.configurations()).size(),
                    s.adaptive().describe());
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (busy(load, s.spec().cores())) {
            out.printf(java.util.Locale.ROOT, "  note: this machine is busy (load average %.1f on %d cores): the "
                    + "estimate assumes it to itself, so expect the run to take longer; the progress line re-estimates "
                    + "from what is done%n", load, s.spec().cores());
        }
        if (s.profile().budgetMinutes > 0 && s.plan().estimate().toMinutes() >= s.profile().budgetMinutes) {
            out.printf("  note: the estimate is above the profile's %d-minute budget (your filters or JMH "
                    + "arguments, or a slower machine than the estimate assumes)%n", s.profile().budgetMinutes);
        }
    }

    /** More runnable work than cores, by the 1-minute load average (negative: unknown, not busy). */
    static boolean busy(double loadAverage, int cores) {
        return loadAverage > cores + 0.5;
    }

    /** --resume or --settle: a run folder's own settings, and only what is missing (or open) run. */
    private Integer resumeRun() throws Exception {
        String how = resume != null ? "--resume" : "--settle";
        Path folder = resume != null ? resume : settle;
        for (var o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(o.longestName()) || o.longestName().equals("--settle-rounds")
                    && resume != null) {
                throw new UsageException(how + " takes the run's settings from RUN_DIR/env.json; "
                        + o.longestName() + " cannot be changed (allowed with it: --charts-dir, --no-report, "
                        + "--fail-fast, --dry-run, --verbose, --config-timeout" + (settle != null
                                ? ", --settle-rounds" : "") + ")");
            }
        }
        if (!jmhArgs.isEmpty()) {
            throw new UsageException(how + " takes the run's JMH arguments from RUN_DIR/env.json; give none "
                    + "after --");
        }
        if (settle != null && (settleRounds < 1 || settleRounds > 50)) {
            throw new UsageException("--settle-rounds must be between 1 and 50, got " + settleRounds);
        }
        RunStore store = RunStore.open(folder);
        if (settle != null) {
            return settleRun(store);
        }
        RunCommand original = original(store);
        Setup setup = original.setup();
        store.plan(setup.configurations(), resumeCommand(resume));
        List<Rounds.Step> missing = Rounds.schedule(setup.configurations(), store.doneRounds(), original.seed());
        long configs = missing.stream().map(Rounds.Step::key).distinct().count();
        PrintStream out = System.out;
        out.printf("parbench: resuming %s: %d of %d configurations finished, %d fork(s) of %d to run (estimated "
                + "%s)%n", resume, store.finishedKeys().size(), setup.configurations().size(), missing.size(),
                configs, Plan.format(Plan.estimate(missing.stream().map(Rounds.Step::config).toList(),
                        setup.timing())));
        missing.stream().limit(10).forEach(step -> out.println("  " + step.label()));
        if (missing.size() > 10) {
            out.printf("  ... and %d more fork(s), in round order%n", missing.size() - 10);
        }
        warnIfDifferentMachine(store.env(), out);
        if (dryRun) {
            return 0;
        }
        Map<String, Object> resumes = new LinkedHashMap<>();
        resumes.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        resumes.put("missing", missing.size());
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) store.run().computeIfAbsent("resumed", k -> new ArrayList<>());
        list.add(resumes);
        return execute(setup, store, missing, resume.toAbsolutePath().normalize().getFileName().toString(), false);
    }

    /** --settle: more rounds of the open rows' configurations, into the same results.json. */
    private Integer settleRun(RunStore store) throws Exception {
        RunCommand original = original(store);
        Setup setup = original.setup();
        store.plan(setup.configurations(), resumeCommand(settle));
        Path json = settle.resolve(RunStore.RESULTS);
        if (!Files.isRegularFile(json)) {
            throw new UsageException(settle + " has no results yet: nothing to settle (--resume runs what is missing)");
        }
        List<Configuration> open = Settle.open(json, setup.configurations());
        PrintStream out = System.out;
        if (open.isEmpty()) {
            out.printf("parbench: %s has no provisional decision row: nothing to settle%n", settle);
            return 0;
        }
        int first = store.doneRounds().values().stream().flatMap(Set::stream).mapToInt(Integer::intValue).max()
                .orElse(0) + 1;
        List<Rounds.Step> steps = Settle.steps(open, first, settleRounds, original.seed());
        out.printf("parbench: settling %s: %d configuration(s) behind its provisional rows, %d more round(s) each "
                + "(rounds %d-%d; estimated %s)%n", settle, open.size(), settleRounds, first, first + settleRounds - 1,
                Plan.format(Plan.estimate(steps.stream().map(Rounds.Step::config).toList(), setup.timing())));
        open.stream().limit(12).forEach(c -> out.println("  " + c.label()));
        if (open.size() > 12) {
            out.printf("  ... and %d more%n", open.size() - 12);
        }
        warnIfDifferentMachine(store.env(), out);
        if (dryRun) {
            return 0;
        }
        return execute(setup, store, steps, settle.toAbsolutePath().normalize().getFileName().toString(), false);
    }

    /** The run command a run folder was started with (its stored arguments), its seed kept. */
    private static RunCommand original(RunStore store) {
        RunCommand original = new RunCommand();
        CommandLine cl = new CommandLine(original);
        try {
            cl.parseArgs(store.args().toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(store.dir() + ": the run's stored arguments no longer parse (" + e.getMessage()
                    + ")");
        }
        original.resume = null;
        original.settle = null;
        if (original.seed == null && store.run().get("seed") instanceof Number n) {
            original.seed = n.longValue(); // the rounds it finishes keep their order
        }
        return original;
    }

    @SuppressWarnings("unchecked")
    private static void warnIfDifferentMachine(Map<String, Object> before, PrintStream out) {
        Map<String, Object> now = RunEnvironment.collect(Map.of());
        for (String key : List.of("host", "git", "jdk")) {
            Object a = before.get(key);
            Object b = now.get(key);
            if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n) {
                a = ((Map<String, Object>) m).get(key.equals("git") ? "commit" : "version");
                b = ((Map<String, Object>) n).get(key.equals("git") ? "commit" : "version");
            }
            if (a != null && !a.equals(b)) {
                out.printf("[parbench] warning: the run was started with %s %s, this is %s; the results will mix "
                        + "them%n", key, a, b);
            }
        }
    }

    /** The command that resumes {@code runDir}, as the user would type it. */
    static String resumeCommand(Path runDir) {
        Path abs = runDir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return "./run-benchmarks.sh --resume " + shown;
    }

    /**
     * Runs {@code todo}, one JMH invocation per configuration, saving each result as it comes ({@link RunLoop});
     * the console shows the plan, one progress line and, at the end, the decision table and the paths; JMH's own
     * output goes to jmh.log in the run folder (and to the console too with --verbose).
     */
    private Integer execute(Setup s, RunStore store, List<Rounds.Step> todo, String stamp, boolean newRun)
            throws Exception {
        PrintStream out = System.out;
        Path runDir = store.dir();
        String resumeHint = resumeCommand(runDir);
        store.plan(s.configurations(), resumeHint);
        long start = System.nanoTime();
        List<Double> planned = todo.stream().map(step -> Plan.seconds(step.config(), s.timing())).toList();
        ProgressLine progress = new ProgressLine(out, !verbose && ProgressLine.liveHere(), planned, System::nanoTime,
                ProgressLine.width(System.getenv()));
        Path logFile = runDir.resolve(JmhLog.FILE);
        JmhLog log = new JmhLog(Files.newOutputStream(logFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND), verbose ? out : null,
                w -> progress.message(out, "[parbench] warning: " + w + " (details: " + logFile + ")"));
        ProgressFormat jmhOut = new ProgressFormat(OutputFormatFactory.createFormatInstance(new PrintStream(log, true,
                java.nio.charset.StandardCharsets.UTF_8), s.user().verbosity().orElse(VerboseMode.NORMAL)), progress);
        out.printf("[parbench] JMH's log: %s%s%n", logFile, verbose ? " (and below, --verbose)" : "");
        boolean failFast = this.failFast || s.user().shouldFailOnError().orElse(false);
        ConfigBound bound = new ConfigBound(configTimeout == null ? null : ConfigBound.parse(configTimeout),
                () -> ProcessHandle.current().descendants());
        RunLoop.Outcome done;
        try (log; RunGuard guard = new RunGuard(store, resumeHint, System.err)) {
            boolean[] linked = {!newRun}; // results/latest: the newest run, pointed at once it has a result
            done = new RunLoop(store, guard, progress, bound, failFast, System.err, logFile).run(todo, planned,
                    c -> new Runner(JmhInvocation.options(s, c), jmhOut).run(), () -> {
                        if (!linked[0]) {
                            AtomicFiles.pointLink(runDir.toAbsolutePath().getParent().resolve("latest"),
                                    Path.of(stamp));
                            linked[0] = true;
                        }
                    });
            if (s.adaptive() != null && done.stoppedBy() == null && !guard.stopping()) {
                adaptivePhase(s, store, guard, done.session(), out, bound);
            }
            if (guard.stopping()) {
                return 130; // the shutdown hook has saved the state and says how to resume
            }
            jmhOut.finish(done.session().values().stream().map(Measured::result).toList()); // into jmh.log
            store.end(status(done));
        }
        RunFailures f = store.failures(status(done));
        Path json = runDir.resolve(RunStore.RESULTS);
        out.printf("%n[parbench] %d configurations in %s%s%n", done.session().size(),
                Plan.format(java.time.Duration.ofNanos(System.nanoTime() - start)),
                done.failures() == 0 ? "" : ", " + done.failures() + " failed");
        Path index = null;
        if (!noReport && f.finished() > 0) {
            dev.parbench.analysis.Analysis analysis = new Analyzer().analyze(JmhJsonReader.read(List.of(json)));
            List<String> table = ConsoleDecisionTable.lines(analysis);
            table.forEach(out::println);
            long open = table.stream().filter(l -> l.endsWith("  " + dev.parbench.report.Advice.PROVISIONAL)).count();
            if (open > 0) {
                out.printf("[parbench] to settle the %d provisional row(s): %s%n", open,
                        resumeHint.replace(" --resume ", " --settle "));
            }
            index = ReportWriter.write(analysis, chartsDir.resolve(stamp), List.of(f));
        }
        out.printf("[parbench] results: %s (%d of %d configurations)%n", json, f.finished(), f.planned());
        out.printf("[parbench] environment: %s%n", runDir.resolve(RunStore.ENV));
        out.printf("[parbench] JMH's log: %s%n", logFile);
        if (!f.isEmpty()) {
            out.printf("[parbench] failures: %s (%d failed, %d not run)%s%n", runDir.resolve(RunFailures.FILE),
                    f.failed().size(), f.notRun().size(), done.stoppedBy() != null ? "; stopped by "
                            + done.stoppedBy() : "");
            out.printf("[parbench] to run what is missing: %s%n", resumeHint);
        }
        if (index != null) {
            out.printf("[parbench] report: %s%n", index);
        }
        return f.isEmpty() ? 0 : 1;
    }

    private static String status(RunLoop.Outcome done) {
        return done.stoppedBy() != null ? "stopped" : done.failures() > 0 ? "incomplete" : "complete";
    }

    /** --adaptive: more forks for the unsettled headline speedups, merged into results.json as they come. */
    private void adaptivePhase(Setup s, RunStore store, RunGuard guard, Map<String, Measured> measured,
            PrintStream out, ConfigBound bound) throws Exception {
        List<AdaptiveForks.Pair> pairs = AdaptiveForks.headline(s.configurations());
        out.printf("%n[parbench] adaptive: %d headline speedups, %s%n", pairs.size(), s.adaptive().describe());
        OutputFormat silent = JmhInvocation.silent();
        AdaptiveForks.Measure measure = (c, forks) -> {
            Configuration more = c.withForks(forks);
            java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor();
            try { // the added forks are bounded as a configuration of their number of forks is
                Collection<RunResult> r = bound.run(Plan.seconds(more, s.timing()), timer,
                        () -> new Runner(JmhInvocation.options(s, more), silent).run());
                return r.stream().findFirst();
            } catch (RunnerException | ConfigBound.Exceeded e) {
                if (!guard.stopping()) {
                    System.err.println("parbench: adaptive forks failed: " + c.label() + ": "
                            + (e instanceof ConfigBound.Exceeded ? e.getMessage() : JmhInvocation.reason(e)));
                }
                return java.util.Optional.empty();
            } finally {
                timer.shutdownNow();
            }
        };
        AdaptiveForks.Sink sink = new AdaptiveForks.Sink() {
            @Override
            public void finished(Configuration c, Measured merged) throws Exception {
                store.finished(c, merged);
            }

            @Override
            public boolean stopping() {
                return guard.stopping();
            }
        };
        List<String> summary = AdaptiveForks.run(pairs, measured, s.adaptive(), measure, sink, out, seed());
        summary.forEach(line -> out.println("[parbench] adaptive: " + line));
    }

    /** Lets JMH use {@code sun.misc.Unsafe} without its four warnings per fork (JEP 471/498); JDK 23+ only. */
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";

    /**
     * Lets the pipes be sized through the Foreign Function API ({@code remote/PipeSize}, JDK 22+) without JDK 24's
     * "restricted method" warning in every fork.
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The flags that keep a JVM of this feature release quiet: JDK 21 and 22 reject {@link #UNSAFE_ALLOW}. */
    static List<String> quietJvmArgs(int feature) {
        return feature >= 23 ? List.of(UNSAFE_ALLOW, NATIVE_ACCESS) : feature == 22 ? List.of(NATIVE_ACCESS)
                : List.of();
    }

    private Map<String, Object> settings(Setup s) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("profile", s.spec().profile().id());
        run.put("forks", s.spec().forks());
        run.put("warmup", s.wi() + " x " + s.wt());
        run.put("measurement", s.mi() + " x " + s.mt());
        run.put("mode", "avgt");
        run.put("extraJmhArgs", jmhArgs);
        run.put("seed", seed());
        run.put("rounds", Rounds.count(s.configurations()));
        List<Map<String, Object>> passes = new ArrayList<>();
        for (RunSpec.Pass p : s.spec().passes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("includes", p.includes());
            m.put("params", p.params());
            passes.add(m);
        }
        run.put("passes", passes);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        run.put("commandLine", String.join(" ", args));
        // what --resume re-plans from: the arguments after the command's name
        run.put("args", !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args);
        return run;
    }
}
