package dev.parbench.cli;

import dev.parbench.bench.CalibrationBench;
import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.Calibration;
import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateResult;
import dev.parbench.report.ReportWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: measures the gate on this machine. One comparison per repetition, through the same code path as
 * {@code compare} (the same {@link Comparison}: single-fork JMH invocations of the built jar, interleaved A B | B A,
 * the references on both sides, then {@link CompareCommand#gate} with its sequential stage and correction): the
 * benchmarks are {@link CalibrationBench} at every planted level (0% = A/A) times {@code --copies}; the candidate's
 * forks run with {@code -Dparbench.calibration.plant=true}, so its work is larger by the planted amount. Prints, per
 * level, how many benchmarks the gate called REGRESSION with a 95% Wilson interval, the work planted and the
 * slowdown measured; the 0% row is the false-alarm rate.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the gate on this machine: plant known slowdowns into a real kernel of this jar "
                + "(CalibrationBench: the sum kernel, more blocks per operation on the candidate side), run baseline "
                + "and candidate through compare's paired machinery, and print the detection rate per planted level "
                + "and the A/A false-alarm rate, each with a 95%% Wilson interval.",
            "The default (2 repetitions x 2 copies of each level) takes about 10 minutes on 2 cores; the ETA is "
                    + "printed first. More repetitions narrow the intervals."},
        footer = {"", "Examples:", "  calibrate", "  calibrate --repetitions 10 --out calibration",
            "  calibrate --levels 5,15 --copies 3"})
final class CalibrateCommand implements Callable<Integer> {
    static final String INCLUDE = "^dev\\.parbench\\.bench\\.CalibrationBench\\.sum$";
    private static final Pattern LEVEL = Pattern.compile("planted=(\\d+)");

    @Option(names = "--levels", split = ",", paramLabel = "PERCENT", defaultValue = "5,10,15,20",
            description = "Planted slowdowns in percent (default: ${DEFAULT-VALUE}); 0 (A/A) is always added.")
    List<Integer> levels;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "2",
            description = "Comparisons to run (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "2",
            description = "Identical benchmarks per level in each comparison (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Paired forks per benchmark (default: compare's, from the config).")
    Integer rounds;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ".ci/gate.json",
            description = "The gate's settings (threshold, α, correction, iteration times, references; default: "
                    + "${DEFAULT-VALUE} if present).")
    Path config;

    @Option(names = "--jar", paramLabel = "JAR",
            description = "The benchmarks.jar to calibrate (default: the jar running this command).")
    Path jar;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write calibration.md and calibration.json here.")
    Path out;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    /** How the forks run; JMH unless a test swaps it. */
    Comparison.ForkRunner runner;

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1 || repetitions > 1000) {
            throw new UsageException("--repetitions must be in [1, 1000], not " + repetitions);
        }
        if (copies < 1 || copies > 20) {
            throw new UsageException("--copies must be in [1, 20], not " + copies);
        }
        TreeSet<Integer> planted = new TreeSet<>(List.of(0));
        for (int l : levels) {
            if (l < 0 || l > 100) {
                throw new UsageException("--levels are percentages in [0, 100], not " + l);
            }
            planted.add(l);
        }
        GateConfig cfg = GateCommand.loadConfig(config);
        GateConfig.Compare gate = cfg.compare() != null ? cfg.compare() : CompareCommand.defaultCompare();
        int n = rounds != null ? rounds : gate.forks() != null ? gate.forks() : 10;
        if (n < 2) {
            throw new UsageException("--rounds must be at least 2");
        }
        Path built = jar != null ? jar : Path.of(System.getProperty("java.class.path"));
        if (runner == null && !Files.isRegularFile(built)) {
            throw new UsageException("jar " + built + " not found; build it (./mvnw -DskipTests package) or give --jar");
        }
        List<String> copyIds = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            copyIds.add(String.valueOf(i));
        }
        GateConfig.Pass pass = new GateConfig.Pass(INCLUDE, Map.of("planted", planted.stream().map(String::valueOf)
                .toList(), "copy", copyIds));
        GateConfig.Compare c = new GateConfig.Compare(n, gate.warmupIterations(), gate.warmupMillis(),
                gate.iterations(), gate.iterationMillis(), gate.reference(), List.of(pass), gate.extraRounds(),
                gate.extraMinutes());
        int benchmarks = planted.size() * copies;
        int references = gate.reference() == null ? 0 : 2;
        double perSide = (1 + (references > 0 ? 1 : 0)) * CompareCommand.HOST_START_SECONDS + (benchmarks
                + references) * (CompareCommand.FORK_SECONDS + (JmhForkRunner.orZero(c.warmupIterations())
                * JmhForkRunner.orZero(c.warmupMillis()) + JmhForkRunner.orZero(c.iterations())
                * JmhForkRunner.orZero(c.iterationMillis())) / 1000.0);
        Duration each = Duration.ofMillis(Math.round(perSide * 2 * n * 1000));
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "parbench calibrate: %s; planted %s%% (0 = A/A) x %d copies = %d benchmarks per "
                + "comparison, %d paired rounds each, %d comparison(s); threshold %.0f%%, %s at α = %s%n", built,
                planted, copies, benchmarks, n, repetitions, 100 * threshold(cfg), cfg.correctionOrDefault()
                        .label(), cfg.familyAlpha());
        o.printf("  estimated %s (%s per comparison, plus the sequential stage for suspects, at most %d min each)%n",
                Plan.format(each.multipliedBy(repetitions)), Plan.format(each), c.extraMinutesOrDefault());
        if (dryRun) {
            return 0;
        }
        Calibration tally = new Calibration();
        planted.forEach(p -> tally.level(p, CalibrationBench.plantedWork(p)));
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("parbench-calibrate-");
        Thread cleanup = new Thread(() -> CompareCommand.cleanUp(null, work), "parbench-calibrate-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (int r = 0; r < repetitions; r++) {
                o.printf("[parbench] calibration comparison %d of %d%n", r + 1, repetitions);
                Path dir = Files.createDirectories(work.resolve("rep" + r));
                Comparison comparison = new Comparison(c, runner != null ? runner : new JmhForkRunner(c), dir, o);
                Comparison.Collected data = comparison.run(built, built, n, CompareCommand.FORK_ARGS,
                        "-D" + CalibrationBench.PLANT_PROPERTY + "=true", each);
                GateResult result = CompareCommand.gate(comparison, data, c, d -> CompareCommand.decidePaired(cfg,
                        c, n, d, "calibration", List.of(), true), o);
                for (BenchmarkVerdict v : result.verdicts()) {
                    Matcher m = LEVEL.matcher(v.key());
                    if (m.find()) {
                        tally.add(Integer.parseInt(m.group(1)), v);
                    }
                }
                ReportWriter.deleteTree(dir);
                if (r + 1 < repetitions) {
                    String partial = table(tally, r + 1, n, cfg, started);
                    o.printf("%n[parbench] after %d of %d comparisons:%n%s%n", r + 1, repetitions, partial);
                    if (out != null) {
                        Files.createDirectories(out);
                        AtomicFiles.writeString(out.resolve("calibration.md"), partial);
                    }
                }
            }
        } finally {
            CompareCommand.cleanUp(null, work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: it does the same, idempotently
            }
        }
        String md = table(tally, repetitions, n, cfg, started);
        o.println();
        o.print(md);
        if (out != null) {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("calibration.md"), md);
            AtomicFiles.writeString(out.resolve("calibration.json"), json(tally.levels()));
            o.println("[parbench] calibration outputs: " + out.resolve("calibration.md") + " (and calibration.json)");
        }
        return 0;
    }

    /** The table so far, headed by what was run, when, how long it took and the load. */
    private String table(Calibration tally, int done, int n, GateConfig cfg, Instant started) {
        Duration took = Duration.between(started, Instant.now());
        String load = loadAverage();
        return "Calibration of the gate on this machine (`calibrate`, " + done + " comparison(s) x " + copies
                + " copies, " + n + " paired rounds, threshold " + Math.round(100 * threshold(cfg)) + "%, "
                + cfg.correctionOrDefault().label() + " at α = " + cfg.familyAlpha() + "), " + Instant.now()
                .toString().substring(0, 16).replace('T', ' ') + " UTC, took " + Plan.format(took)
                + (load != null ? ", load average at the end " + load : "") + ":\n\n"
                + Calibration.markdown(tally.levels());
    }

    static String json(List<Calibration.Level> levels) throws java.io.IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Calibration.Level l : levels) {
            double[] ci = l.interval();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("plantedPercent", l.percent());
            m.put("plantedWork", l.plantedWork());
            m.put("measuredRatio", Double.isFinite(l.measuredRatio()) ? l.measuredRatio() : null);
            m.put("trials", l.trials());
            m.put("regressions", l.regressions());
            m.put("inconclusive", l.inconclusive());
            m.put("rateLow", Double.isFinite(ci[0]) ? ci[0] : null);
            m.put("rateHigh", Double.isFinite(ci[1]) ? ci[1] : null);
            rows.add(m);
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(rows) + "\n";
    }

    private static double threshold(GateConfig cfg) {
        return cfg.threshold() != null ? cfg.threshold() : GateConfig.DEFAULT_THRESHOLD;
    }

    private static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
            String[] f = s.split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return null;
        }
    }
}
