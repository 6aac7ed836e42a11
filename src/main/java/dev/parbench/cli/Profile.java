package dev.parbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code run --profile} means: how many forks and iterations, and, for the machine it runs on, which sizes,
 * parallelisms and kernels ({@link #grid(int)}). The parallelisms adapt to the core count: the ladder 1, 2, 4, ... up
 * to the cores plus one oversubscribed point (2 x cores), trimmed by a rule that each profile prints in the plan so
 * that its budget holds on any machine (quick <= 5 minutes, standard <= 15; the plan's estimate says how long).
 */
public enum Profile {
    /** CI plumbing only, one fork: never draw conclusions from it. ~1-2 minutes. */
    SMOKE("smoke", 1, 2, 100, 2, 100, List.of("simd"), false, 5,
            "CI plumbing only (1 fork, tiny iterations); never for conclusions"),
    /** A first look at the in-JVM models: 2 forks (ranges, no claims), two sizes. <= 5 minutes. */
    QUICK("quick", 2, 2, 200, 2, 200, List.of("simd"), false, 5,
            "a first look at the in-JVM models: 2 forks (ranges only, no claims), sizes 32k and 32M"),
    /** The default: 3 forks (enough for intervals and claims), fewer configurations, chosen by rule. <= 15 minutes. */
    STANDARD("standard", 3, 2, 200, 3, 200, List.of("simd"), false, 15,
            "the default: 3 forks (intervals and claims), sizes 32k-32M, parallelism by the machine's cores"),
    /** As long as it needs (hours): 3 forks, six sizes a factor 8 apart, the whole parallelism ladder, both kernels. */
    FULL("full", 3, 3, 500, 5, 500, List.of("simd", "scalar"), false, 0,
            "as long as it needs (hours): 3 forks, 6 sizes, the whole parallelism ladder, both kernels");

    static final int K32 = 1 << 15;
    static final int M1 = 1 << 20;
    static final int M32 = 1 << 25;

    private final String id;
    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    final List<String> kernels;
    /** Also run the sequential baselines of the memory-bound workloads with the scalar kernel. */
    final boolean scalarBaseline;
    /** The time the profile must fit in, in minutes (0: none). */
    final int budgetMinutes;
    private final String summary;

    Profile(String id, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
            int measurementMillis, List<String> kernels, boolean scalarBaseline, int budgetMinutes, String summary) {
        this.id = id;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.kernels = kernels;
        this.scalarBaseline = scalarBaseline;
        this.budgetMinutes = budgetMinutes;
        this.summary = summary;
    }

    /**
     * What a profile measures on one machine.
     *
     * @param sizes             sizes of the in-JVM models, all measured at {@code sweepParallelism}
     * @param sweepParallelism  the parallelism of the size sweep (the core count)
     * @param parallelism       every in-JVM parallelism; those other than {@code sweepParallelism} only at the
     *                          largest size
     * @param remoteSizes       sizes of the out-of-process models (empty: none run)
     * @param remoteParallelism parallelisms of the out-of-process models
     * @param probeSizes        array sizes (elements) of the bandwidth probe: the in-JVM sizes, so that each size is
     *                          read against the probe at that size
     * @param rule              the rule in words, as the plan prints it
     * @param remoteForks       forks of the out-of-process models (0: the profile's)
     * @param probeForks        forks of the bandwidth probe (0: {@code RunSpec.PROBE_MIN_FORKS})
     */
    public record Grid(List<Integer> sizes, int sweepParallelism, List<Integer> parallelism, List<Integer> remoteSizes,
            List<Integer> remoteParallelism, List<Integer> probeSizes, List<String> rule, int remoteForks,
            int probeForks) {
        Grid(List<Integer> sizes, int sweepParallelism, List<Integer> parallelism, List<Integer> remoteSizes,
                List<Integer> remoteParallelism, List<Integer> probeSizes, List<String> rule) {
            this(sizes, sweepParallelism, parallelism, remoteSizes, remoteParallelism, probeSizes, rule, 0, 0);
        }

        public int largestSize() {
            return sizes.get(sizes.size() - 1);
        }
    }

    /** 1, 2, 4, ... (powers of two below the cores), the cores, and 2 x cores (one oversubscribed point). */
    public static List<Integer> ladder(int cores) {
        TreeSet<Integer> p = new TreeSet<>();
        for (int x = 1; x < cores; x *= 2) {
            p.add(x);
        }
        p.add(cores);
        p.add(2 * cores);
        return List.copyOf(p);
    }

    /** This profile on a machine with {@code cores} cores. */
    public Grid grid(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        }
        List<Integer> ladder = ladder(cores);
        String ladderText = "parallelism ladder on " + cores + " core" + (cores == 1 ? "" : "s") + ": "
                + join(ladder) + " (1, 2, 4, ... up to the cores, and 2 x cores oversubscribed)";
        return switch (this) {
            case SMOKE -> new Grid(List.of(1 << 16), 2, List.of(2), List.of(1 << 16), List.of(2), List.of(1 << 16),
                    List.of("smoke: one size (64k), p = 2 whatever the machine: it checks the plumbing only"));
            case QUICK -> new Grid(List.of(K32, M32), cores, List.of(cores), List.of(), List.of(), List.of(K32, M32),
                    List.of(ladderText,
                            "quick keeps p = cores (" + cores + ") only, at sizes 32k and 32M: the rest of the ladder "
                                    + "(p = 1, 2 x cores, ...) needs standard or --parallelism",
                            "out-of-process models are left out (each fork starts worker JVMs): name them with "
                                    + "--strategies, or run standard",
                            "the bandwidth probe measures the same two sizes; 2 forks (the probe too): every figure "
                                    + "is a range, no claim rests on it"), 0, 2);
            case STANDARD -> {
                boolean fit = cores >= 4;
                TreeSet<Integer> p = new TreeSet<>(List.of(cores, 2 * cores));
                if (fit) {
                    p.add(cores / 2);
                    p.add(cores / 4);
                }
                List<Integer> sizes = fit ? List.of(K32, M32) : List.of(K32, M1, M32);
                List<Integer> probe = List.of(sizes.get(0), M32);
                yield new Grid(sizes, cores, List.copyOf(p), List.of(M1), List.of(cores), probe, List.of(
                        ladderText,
                        "standard keeps p = cores (" + cores + ") over the sizes " + sizesText(sizes)
                                + ", and at 32M also " + (fit ? "cores/4 and cores/2 (three values <= cores: an "
                                + "Amdahl fit) and " : "") + "2 x cores (oversubscribed), only for the models "
                                + "whose p is their thread count: p = " + join(List.copyOf(p))
                                + (fit ? "; the middle size 1M is dropped to pay for them" : "; p = 1 is left out "
                                + "(on " + cores + " cores no three p values <= cores exist, so no fit needs it)"),
                        "out-of-process models only at 1M and p = cores, with 2 forks: ranges, no claims (each fork "
                                + "starts p worker JVMs, and at 32M an operation moves up to 768 MiB; settle them with "
                                + "--strategies ... --forks 3)",
                        "3 forks, the minimum for a 95% interval; the bandwidth probe measures 32k and 32M (the "
                                + "ends of its curve): a size between is read against the nearest, and a model above "
                                + "it is flagged"), 2, 0);
            }
            case FULL -> new Grid(List.of(1 << 10, 1 << 13, 1 << 16, 1 << 19, 1 << 22, M32), cores, ladder,
                    List.of(1 << 10, K32, 1 << 20, M32), ladder.stream().filter(x -> x <= cores).toList(),
                    List.of(1 << 10, 1 << 13, 1 << 16, 1 << 19, 1 << 22, M32), List.of(ladderText,
                            "full: every size at every p of the ladder; out-of-process models at 4 sizes, p up to "
                                    + "the cores"));
        };
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String sizesText(List<Integer> sizes) {
        List<String> out = new ArrayList<>();
        for (int s : sizes) {
            out.add(s >= 1 << 20 ? (s >> 20) + "M" : s >= 1 << 10 ? (s >> 10) + "k" : String.valueOf(s));
        }
        return String.join(", ", out);
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public static Profile fromId(String id) {
        for (Profile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new UsageException("unknown profile '" + id + "'; known: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
