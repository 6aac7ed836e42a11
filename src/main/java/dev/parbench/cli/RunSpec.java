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
    static final int PROBE_MIN_ITERATIONS = 8;

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
        this.profile = profile;
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
        this.sizes = sizes == null || sizes.isEmpty() ? profile.sizes : Sizes.parseList(sizes, "size");
        this.parallelism = parallelism == null || parallelism.isEmpty()
                ? profile.parallelism : Sizes.parseList(parallelism, "parallelism");
        // explicit --sizes / --parallelism apply to every model; profile defaults are lighter out of process
        this.remoteSizes = sizes == null || sizes.isEmpty() ? profile.remoteSizes : this.sizes;
        this.remoteParallelism = parallelism == null || parallelism.isEmpty() ? profile.remoteParallelism
                : this.parallelism;
        this.kernels = kernels == null || kernels.isEmpty() ? profile.kernels
                : distinct(kernels).stream().map(id -> parse(() -> Kernel.fromId(id)).id()).toList();
        if (forks != null && forks < 1) {
            throw new UsageException("--forks must be at least 1, got " + forks);
        }
        this.forks = forks == null ? profile.forks : forks;
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
        }
        for (Family f : families) {
            if (f != Families.MODELS) {
                passes.add(new Pass(f.id(), f.includes(), new LinkedHashMap<>(f.params()), forks, 0));
            }
        }
        return passes;
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
        params.put("parallelism", parallelism.stream().map(String::valueOf).toList());
        params.put("strategy", inJvm.isEmpty() ? List.of(StrategyKind.EXECUTOR.id())
                : inJvm.stream().map(StrategyKind::id).toList());
        passes.add(new Pass("models", includes, params, forks, 0));

        if (!remote.isEmpty()) {
            List<String> parallel = workloads.stream().map(w -> method(w, "parallel")).toList();
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("size", remoteSizes.stream().map(String::valueOf).toList());
            p.put("kernel", kernels);
            p.put("parallelism", remoteParallelism.stream().map(String::valueOf).toList());
            p.put("strategy", remote.stream().map(StrategyKind::id).toList());
            passes.add(new Pass("out of process", parallel, p, forks, 0));
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
            p.put("elements", List.of(String.valueOf(profile.probeElements)));
            p.put("threads", List.of("1", "all"));
            passes.add(new Pass("bandwidth probe", Families.BANDWIDTH.includes(), p, Math.max(forks, PROBE_MIN_FORKS),
                    PROBE_MIN_ITERATIONS));
        }
        return passes;
    }

    public Profile profile() {
        return profile;
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
