package dev.parbench.cli;

import dev.parbench.family.Families;
import dev.parbench.family.Family;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one {@code run} will execute, as JMH passes (include patterns + parameter values), derived from a profile and
 * the user's filters. Pure: no JMH calls, so it is unit-tested.
 */
public final class RunSpec {

    /** One JMH invocation: which benchmark methods, with which parameter values. */
    public record Pass(String label, List<String> includes, Map<String, List<String>> params, int forks,
            int minMeasurementIterations) {
    }

    /**
     * The probe is a ceiling (the best fork counts), and memory bandwidth on a shared machine varies from fork to
     * fork: it always gets at least this many forks. Four configurations, so it costs little.
     */
    static final int PROBE_MIN_FORKS = 3;

    /** ... and at least this many measured iterations per fork, so each fork's median is a robust figure. */
    static final int PROBE_MIN_ITERATIONS = 6;

    private final Profile profile;
    private final List<WorkloadKind> workloads;
    private final List<StrategyKind> parallelModels;
    private final boolean sequential;
    private final List<Integer> sizes;
    private final List<Integer> parallelism;
    private final List<Integer> remoteSizes;
    private final List<Integer> remoteParallelism;
    private final List<String> kernels;
    private final boolean probe;
    private final int forks;
    private final List<Family> families;
    private final int cores;
    private final Profile.Grid grid;
    /** The user chose sizes or parallelism: every in-JVM size at every parallelism, no rule. */
    private final boolean explicitGrid;
    private final List<Integer> probeSizes;
    private final boolean userForks;
    private boolean weakScaling;

    /** Weak scaling's base size: sequential at n, each thread-count model at p with p x n (p = 2 ... cores). */
    static final int WEAK_BASE = 1 << 20;
    /** Passes given outright (the gate subset), instead of those the profile and filters make; null: none. */
    private List<Pass> explicit;

    public RunSpec(Profile profile, List<String> workloadIds, List<String> strategyIds, List<String> sizes,
            List<String> parallelism, List<String> kernels, Integer forks, boolean probe) {
        this(profile, null, workloadIds, strategyIds, sizes, parallelism, kernels, forks, probe);
    }

    /**
     * {@code patternIds}: the families to run ({@code --patterns}); null or empty: the model matrix only; "all":
     * every selectable family. The workload, model, size, parallelism and kernel filters apply to the model matrix.
     */
    public RunSpec(Profile profile, List<String> patternIds, List<String> workloadIds, List<String> strategyIds,
            List<String> sizes, List<String> parallelism, List<String> kernels, Integer forks, boolean probe) {
        this(profile, patternIds, workloadIds, strategyIds, sizes, parallelism, kernels, forks, probe,
                Runtime.getRuntime().availableProcessors());
    }

    /** As the CLI's constructor, for a machine of {@code cores} cores (the profile's grid depends on it). */
    public RunSpec(Profile profile, List<String> patternIds, List<String> workloadIds, List<String> strategyIds,
            List<String> sizes, List<String> parallelism, List<String> kernels, Integer forks, boolean probe,
            int cores) {
        this.profile = profile;
        this.cores = cores;
        this.grid = profile.grid(cores);
        this.families = patternIds == null || patternIds.isEmpty() ? List.of(Families.MODELS)
                : distinct(patternIds).contains("all") ? Families.patterns()
                : distinct(patternIds).stream().map(id -> parse(() -> Families.patternFromId(id))).toList();
        boolean filtered = workloadIds != null && !workloadIds.isEmpty() || strategyIds != null
                && !strategyIds.isEmpty() || sizes != null && !sizes.isEmpty() || parallelism != null
                && !parallelism.isEmpty() || kernels != null && !kernels.isEmpty();
        if (filtered && !families.contains(Families.MODELS)) {
            throw new UsageException("--workloads, --strategies, --sizes, --parallelism and --kernels select within "
                    + "the model matrix; add 'models' to --patterns to run it");
        }
        this.workloads = workloadIds == null || workloadIds.isEmpty()
                ? List.of(WorkloadKind.values())
                : distinct(workloadIds).stream().map(id -> parse(() -> WorkloadKind.fromId(id))).toList();
        List<StrategyKind> models = strategyIds == null || strategyIds.isEmpty()
                ? Arrays.stream(StrategyKind.values()).filter(k -> !k.optIn()).toList()
                : distinct(strategyIds).stream().map(id -> parse(() -> StrategyKind.fromId(id))).toList();
        this.parallelModels = models.stream().filter(k -> k != StrategyKind.SEQUENTIAL).toList();
        // The sequential baseline always runs: every speedup needs it from the same run.
        this.sequential = true;
        boolean userSizes = sizes != null && !sizes.isEmpty();
        boolean userParallelism = parallelism != null && !parallelism.isEmpty();
        this.explicitGrid = userSizes || userParallelism;
        this.sizes = userSizes ? Sizes.parseList(sizes, "size") : grid.sizes();
        this.parallelism = userParallelism ? Sizes.parseList(parallelism, "parallelism") : grid.parallelism();
        // explicit --sizes / --parallelism apply to every model; profile defaults are lighter out of process, and a
        // profile without them (quick) runs them only when the user names them
        boolean named = strategyIds != null && !strategyIds.isEmpty();
        List<Integer> largest = List.of(this.sizes.stream().mapToInt(Integer::intValue).max().orElseThrow());
        this.remoteSizes = userSizes ? this.sizes : !grid.remoteSizes().isEmpty() ? grid.remoteSizes()
                : named ? largest : List.of();
        this.remoteParallelism = userParallelism ? this.parallelism : !grid.remoteParallelism().isEmpty()
                ? grid.remoteParallelism() : List.of(grid.sweepParallelism());
        this.probeSizes = userSizes ? this.sizes : grid.probeSizes();
        this.kernels = kernels == null || kernels.isEmpty() ? profile.kernels
                : distinct(kernels).stream().map(id -> parse(() -> Kernel.fromId(id)).id()).toList();
        if (forks != null && forks < 1) {
            throw new UsageException("--forks must be at least 1, got " + forks);
        }
        this.forks = forks == null ? profile.forks : forks;
        this.userForks = forks != null;
        this.probe = probe && this.workloads.stream().anyMatch(w -> w.traffic().memoryBound());
    }

    private static List<String> distinct(List<String> items) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : items) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String method(WorkloadKind kind, String method) {
        return "^" + Pattern.quote(kind.benchClassName() + "." + method) + "$";
    }

    /**
     * A run of exactly {@code passes} (e.g. compare's gate subset, {@code run --gate-subset}) with {@code forks}
     * forks each; the profile gives only the iteration settings, and no probe runs.
     */
    public static RunSpec of(Profile profile, List<Pass> passes, int forks) {
        RunSpec s = new RunSpec(profile, null, null, null, null, null, null, forks, false);
        s.explicit = passes.stream().map(p -> new Pass(p.label(), p.includes(), p.params(), forks,
                p.minMeasurementIterations())).toList();
        return s;
    }

    public List<Pass> passes() {
        if (explicit != null) {
            return explicit;
        }
        List<Pass> passes = new ArrayList<>();
        if (families.contains(Families.MODELS)) {
            passes.addAll(matrixPasses());
            if (forks >= 2) { // the machine's steadiness: fixed ALU and memory work, a fork in every round, over time
                passes.add(new Pass("machine reference", List.of(REFERENCE_LCG, REFERENCE_STREAM), Map.of(), forks,
                        0));
            }
        }
        for (Family f : families) {
            if (f != Families.MODELS) {
                passes.add(new Pass(f.id(), f.includes(), familyParams(f), forks, 0));
            }
        }
        boolean transferProbed = passes.stream().anyMatch(p -> p.label().equals("transfer probes"));
        if (families.contains(Families.CHANNELS) && !transferProbed) {
            // the channels' charts are read against the machine's own bulk transfer ceilings
            Map<String, List<String>> t = new LinkedHashMap<>();
            t.put("megabytes", List.of(profile == Profile.SMOKE ? "16" : "64"));
            passes.add(new Pass("transfer probes", List.of(transferMethod("loopback"), transferMethod("pipe")), t,
                    forks, 0));
        }
        return passes;
    }

    static final String REFERENCE_LCG = "^" + Pattern.quote(Families.BENCH_PACKAGE + ".ReferenceBench.lcg") + "$";
    static final String REFERENCE_STREAM = "^" + Pattern.quote(Families.BENCH_PACKAGE + ".ReferenceBench.stream")
            + "$";

    private static String transferMethod(String method) {
        return "^" + Pattern.quote(Families.BENCH_PACKAGE + ".TransferProbe." + method) + "$";
    }

    /**
     * A pattern family's JMH parameters: its declaration's, with its short pass ({@link Families#shortPass}) in the
     * quick and smoke profiles; a smoke run (plumbing only) also takes the channels' smallest and a middle message
     * size and one item size of the queue between processes.
     */
    private Map<String, List<String>> familyParams(Family f) {
        Map<String, List<String>> p = new LinkedHashMap<>(f.params());
        if (profile == Profile.QUICK || profile == Profile.SMOKE) {
            p.putAll(Families.shortPass(f));
        }
        if (profile == Profile.SMOKE && f == Families.CHANNELS) {
            p.put("size", List.of("8", "65536"));
        } else if (profile == Profile.SMOKE && f == Families.IPC_QUEUE) {
            p.put("size", List.of("4096"));
        }
        return p;
    }

    /** The families this run covers. */
    public List<Family> families() {
        return families;
    }

    private List<Pass> matrixPasses() {
        List<Pass> passes = new ArrayList<>();
        List<StrategyKind> inJvm = parallelModels.stream().filter(k -> !k.outOfProcess()).toList();
        List<StrategyKind> remote = parallelModels.stream().filter(StrategyKind::outOfProcess).toList();
        List<String> includes = new ArrayList<>();
        for (WorkloadKind w : workloads) {
            if (sequential) {
                includes.add(method(w, "sequential"));
            }
            if (!inJvm.isEmpty()) {
                includes.add(method(w, "parallel"));
            }
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("size", sizes.stream().map(String::valueOf).toList());
        params.put("kernel", kernels);
        List<Integer> sweep = explicitGrid ? parallelism : List.of(grid.sweepParallelism());
        params.put("parallelism", sweep.stream().map(String::valueOf).toList());
        params.put("strategy", inJvm.isEmpty() ? List.of(StrategyKind.EXECUTOR.id())
                : inJvm.stream().map(StrategyKind::id).toList());
        passes.add(new Pass("models", includes, params, forks, 0));
        List<Integer> scaling = explicitGrid ? List.of()
                : parallelism.stream().filter(p -> p != grid.sweepParallelism()).toList();
        // the scaling points, above the cores (oversubscription) and below them (the Amdahl points): only the
        // models whose p is their thread count; for virtual threads and parallel streams p counts tasks on a pool
        // of carrier threads as large as the cores, so more tasks than cores is not oversubscription for them
        List<StrategyKind> threadModels = inJvm.stream().filter(StrategyKind::parallelismIsThreads).toList();
        scalingPass(passes, "models, scaling", threadModels, scaling.stream().filter(p -> p > grid.sweepParallelism())
                .toList());
        scalingPass(passes, "models, Amdahl", threadModels, scaling.stream().filter(p -> p < grid.sweepParallelism())
                .toList());

        if (weakScaling) {
            weakScalingPasses(passes, inJvm);
        }
        if (!remote.isEmpty() && !remoteSizes.isEmpty()) {
            List<String> parallel = workloads.stream().map(w -> method(w, "parallel")).toList();
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("size", remoteSizes.stream().map(String::valueOf).toList());
            p.put("kernel", kernels);
            p.put("parallelism", remoteParallelism.stream().map(String::valueOf).toList());
            p.put("strategy", remote.stream().map(StrategyKind::id).toList());
            passes.add(new Pass("out of process", parallel, p, userForks || grid.remoteForks() == 0 ? forks
                    : Math.min(forks, grid.remoteForks()), 0));
            Map<String, List<String>> t = new LinkedHashMap<>();
            t.put("megabytes", List.of("256"));
            passes.add(new Pass("transfer probes", Families.TRANSFER.includes(), t, forks, 0));
        }
        if (profile.scalarBaseline && !kernels.contains(Kernel.SCALAR.id())) {
            List<String> scalar = workloads.stream().filter(w -> w.traffic().memoryBound() && w.hasKernels())
                    .map(w -> method(w, "sequential")).toList();
            if (!scalar.isEmpty()) {
                Map<String, List<String>> p = new LinkedHashMap<>();
                p.put("size", params.get("size"));
                p.put("kernel", List.of(Kernel.SCALAR.id()));
                passes.add(new Pass("scalar baseline", scalar, p, forks, 0));
            }
        }
        if (probe) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("elements", probeSizes.stream().map(String::valueOf).toList());
            p.put("threads", List.of("1", "all"));
            passes.add(new Pass("bandwidth probe", Families.BANDWIDTH.includes(), p, Math.max(forks,
                    userForks || grid.probeForks() == 0 ? PROBE_MIN_FORKS : grid.probeForks()),
                    PROBE_MIN_ITERATIONS));
        }
        return passes;
    }

    /** Adds the weak-scaling study ({@code --weak-scaling}): Gustafson's work-grows-with-p pairs. */
    public RunSpec withWeakScaling(boolean on) {
        this.weakScaling = on;
        return this;
    }

    private void weakScalingPasses(List<Pass> passes, List<StrategyKind> inJvm) {
        List<StrategyKind> models = inJvm.stream().filter(StrategyKind::parallelismIsThreads).toList();
        List<Integer> ps = Profile.ladder(cores).stream().filter(p -> p >= 2 && p <= cores).toList();
        if (models.isEmpty() || ps.isEmpty()) {
            return;
        }
        Map<String, List<String>> base = new LinkedHashMap<>();
        base.put("size", List.of(String.valueOf(WEAK_BASE)));
        base.put("kernel", kernels);
        passes.add(new Pass("weak scaling", workloads.stream().map(w -> method(w, "sequential")).toList(), base,
                forks, 0));
        for (int p : ps) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("size", List.of(String.valueOf((long) WEAK_BASE * p)));
            m.put("kernel", kernels);
            m.put("parallelism", List.of(String.valueOf(p)));
            m.put("strategy", models.stream().map(StrategyKind::id).toList());
            passes.add(new Pass("weak scaling", workloads.stream().map(w -> method(w, "parallel")).toList(), m,
                    forks, 0));
        }
    }

    private void scalingPass(List<Pass> passes, String label, List<StrategyKind> models, List<Integer> ps) {
        if (models.isEmpty() || ps.isEmpty()) {
            return;
        }
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("size", List.of(String.valueOf(grid.largestSize())));
        p.put("kernel", kernels);
        p.put("parallelism", ps.stream().map(String::valueOf).toList());
        p.put("strategy", models.stream().map(StrategyKind::id).toList());
        passes.add(new Pass(label, workloads.stream().map(w -> method(w, "parallel")).toList(), p, forks, 0));
    }

    public Profile profile() {
        return profile;
    }

    /** The cores the profile's grid was chosen for. */
    public int cores() {
        return cores;
    }

    /** The profile's grid on this machine (what the rule chose; the user's --sizes/--parallelism override it). */
    public Profile.Grid grid() {
        return grid;
    }

    /**
     * The rule that chose sizes and parallelism, as the plan prints it; when the user chose them, a line that says
     * so instead.
     */
    public List<String> rule() {
        if (explicitGrid) {
            return List.of("sizes and parallelism as given: every in-JVM size at every parallelism");
        }
        return grid.rule();
    }

    public int forks() {
        return forks;
    }

    public List<WorkloadKind> workloads() {
        return workloads;
    }

    public List<StrategyKind> parallelModels() {
        return parallelModels;
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public List<Integer> parallelism() {
        return parallelism;
    }

    public List<String> kernels() {
        return kernels;
    }
}
