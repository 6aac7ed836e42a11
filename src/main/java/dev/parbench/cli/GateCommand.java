package dev.parbench.cli;

import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateDecision;
import dev.parbench.gate.GateInput;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Sample;
import dev.parbench.report.GateReport;
import dev.parbench.results.JmhJsonReader;
import dev.parbench.results.ResultsFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gate}: stored mode, two JMH JSON files made at different times (or on different machines). */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two stored JMH JSON results and decide: REGRESSION, IMPROVED, PASS or INCONCLUSIVE.",
            "Runs from different times or machines are not comparable in absolute time: by default each run is "
                    + "normalised by the geometric mean of its own benchmarks (relative slowdowns are gated, a "
                    + "uniform slowdown is not), or by --reference; --raw-times gates raw times when you vouch "
                    + "that both runs come from the same machine and conditions.",
            "Exit: 0 pass, 1 regression, 2 bad input, 3 inconclusive (--inconclusive-ok: 0). The baseline file is "
                    + "only read."},
        footer = {"", "Paired runs on one machine (what CI should use): compare --against GIT_REF", "",
            dev.parbench.results.JsonInput.LIMITS})
final class GateCommand implements Callable<Integer> {

    @Option(names = "--baseline", required = true, paramLabel = "BASE.json", description = "The earlier results.")
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "CAND.json", description = "The new results.")
    Path candidate;

    @Option(names = "--raw-times", description = "Gate raw times (both runs from the same machine and conditions).")
    boolean rawTimes;

    @Option(names = "--reference", paramLabel = "REGEX",
            description = "Normalise each run by this benchmark of the same run (must match exactly one).")
    String reference;

    @Mixin
    GateOptions options;



    @Override
    public Integer call() throws Exception {
        if (rawTimes && reference != null) {
            throw new UsageException("--raw-times and --reference exclude each other");
        }
        GateConfig cfg = loadConfig(options.config);
        Map<String, double[]> base;
        Map<String, double[]> cand;
        try {
            List<dev.parbench.results.BenchmarkRecord> br = JmhJsonReader.readFile(baseline);
            List<dev.parbench.results.BenchmarkRecord> cr = JmhJsonReader.readFile(candidate);
            GateInput.checkSameUnits(GateInput.units(br), GateInput.units(cr));
            base = GateInput.costs(br);
            cand = GateInput.costs(cr);
        } catch (ResultsFormatException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        base.keySet().removeIf(k -> cfg.settingsFor(k) == null);
        cand.keySet().removeIf(k -> cfg.settingsFor(k) == null);
        GateInput.Normalisation how = rawTimes ? GateInput.Normalisation.RAW
                : reference != null ? GateInput.Normalisation.REFERENCE : GateInput.Normalisation.GEOMETRIC_MEAN;
        List<String> notes = new ArrayList<>();
        try {
            GateInput.checkSameKeys(base, cand);
            if (how == GateInput.Normalisation.GEOMETRIC_MEAN) {
                cand = GateInput.relativeToOthers(base, cand);
            } else {
                base = GateInput.normalise(base, how, reference);
                cand = GateInput.normalise(cand, how, reference);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String mode = switch (how) {
            case RAW -> "stored mode, raw times (the user vouches both runs are comparable); unpaired Mann-Whitney";
            case REFERENCE -> "stored mode, times relative to " + reference + " of the same run; unpaired Mann-Whitney";
            case GEOMETRIC_MEAN -> "stored mode, each benchmark's change relative to the median change of the "
                    + "other benchmarks (the machine factor, leaving the tested one out); unpaired Mann-Whitney";
        };
        if (how != GateInput.Normalisation.RAW) {
            notes.add("Raw times were NOT gated: the runs may come from different machines or times. Only relative "
                    + "changes are seen; a slowdown of everything alike is invisible here. Use compare --against "
                    + "for paired runs on one machine, or --raw-times if both runs are comparable.");
        }
        String forksLine = storedForksLine(base, cand, cfg);
        if (forksLine != null) {
            System.out.println("parbench gate: " + forksLine);
            notes.add(0, forksLine);
        }
        GateResult r = decide(base, cand, false, cfg, List.of(), mode, notes, options.inconclusiveOk);
        return finish(r, options.out);
    }

    static GateConfig loadConfig(Path config) {
        try {
            return GateConfig.loadOrDefault(config);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Stored mode can decide only if Mann-Whitney with the runs' forks can reach α across the benchmarks: one line
     * saying how many forks per side that takes, or null if the runs have enough.
     */
    static String storedForksLine(Map<String, double[]> base, Map<String, double[]> cand, GateConfig cfg) {
        int m = base.size();
        if (m == 0) {
            return null;
        }
        int have = Integer.MAX_VALUE;
        for (String k : base.keySet()) {
            have = Math.min(have, Math.min(base.get(k).length, cand.get(k).length));
        }
        int need = forksPerSide(m, cfg.familyAlpha());
        if (have >= need) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%d benchmarks need at least %d forks per side to reach α = %.3g "
                + "with Mann-Whitney (these runs have %d): INCONCLUSIVE at best. Make both runs with: "
                + "run --forks %d (or gate a smaller subset)", m, need, cfg.familyAlpha(), have, need);
    }

    /** The fewest forks per side n for which the smallest exact Mann-Whitney p, 1 / C(2n, n), is below α / m. */
    static int forksPerSide(int benchmarks, double alpha) {
        int n = 1;
        while (n < 60 && benchmarks * dev.parbench.gate.RankTests.smallestMannWhitneyP(n, n) >= alpha) {
            n++;
        }
        return n;
    }

    static GateResult decide(Map<String, double[]> base, Map<String, double[]> cand, boolean paired, GateConfig cfg,
            List<String> referenceKeys, String mode, List<String> notes, boolean inconclusiveOk) {
        List<Sample> samples = new ArrayList<>();
        List<GateConfig.Settings> settings = new ArrayList<>();
        List<Sample> refs = new ArrayList<>();
        notes.addAll(cfg.notes());
        if (notes.stream().noneMatch(n -> n.contains("correction across benchmarks"))) {
            notes.add("Correction across benchmarks: " + cfg.correctionOrDefault().label() + " at α = "
                    + cfg.familyAlpha() + ".");
        }
        for (String k : base.keySet()) {
            Sample s;
            try {
                s = new Sample(k, base.get(k), cand.get(k), paired);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (referenceKeys.contains(k)) {
                refs.add(s);
            } else {
                samples.add(s);
                settings.add(cfg.settingsFor(k));
            }
        }
        if (samples.isEmpty()) {
            throw new UsageException("nothing to gate: no benchmark left after exclusions");
        }
        List<BenchmarkVerdict> v = GateDecision.decide(samples, settings, refs,
                refs.isEmpty() ? null : cfg.settingsFor(refs.get(0).key()), cfg.family(), 20261121L, 2000);
        return new GateResult(mode, notes, v, inconclusiveOk);
    }

    static int finish(GateResult r, Path out) throws Exception {
        System.out.print(GateReport.console(r));
        if (out != null) {
            GateReport.write(r, out);
            System.out.println("[parbench] gate outputs: " + out.resolve("gate.html") + " (and gate.md, "
                    + "gate-junit.xml, gate.json)");
        }
        return r.exitCode();
    }
}
