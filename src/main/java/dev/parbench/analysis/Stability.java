package dev.parbench.analysis;

import dev.parbench.family.Families;
import dev.parbench.results.BenchmarkRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Whether the machine kept its speed while the models ran. {@code run} measures in rounds and starts one fork of the
 * gate's references ({@code ReferenceBench}: fixed ALU and memory work) in every round; each such fork's median time,
 * over that benchmark's median fork of the run, is 1.0 on a typical minute and above 1 on a slow one. Without the
 * references, the sequential baselines of each workload at its largest size (also one fork per round) stand in.
 * Only forks whose start time the run wrote ({@code forkStarted}) take part; their minute is counted from the first
 * fork of the same file.
 *
 * @param basis what the lines come from
 * @param lines one per benchmark and parameters, each with at least two forks; empty: nothing to show
 */
public record Stability(Basis basis, List<Line> lines) {

    /** A fork within this fraction of its benchmark's median fork ran at the machine's typical speed. */
    public static final double BAND = 0.05;

    /** The full name of the references' JMH class, with the dot before the method. */
    static final String REFERENCE_CLASS = "dev.parbench.bench.ReferenceBench.";

    /** No fork has a start time. */
    public static final Stability NONE = new Stability(Basis.REFERENCE, List.of());

    public Stability {
        lines = List.copyOf(lines);
    }

    /** Where the lines come from. */
    public enum Basis {
        /** The gate's references ({@code ReferenceBench}), one fork per round. */
        REFERENCE,
        /** No reference ran: the sequential baselines of each workload at its largest size. */
        BASELINES
    }

    /**
     * One fork.
     *
     * @param fork     1, 2, ...: its place in the line, by start time
     * @param round    the round it ran in; 0 when the run did not say
     * @param minutes  when it started, in minutes since the first fork of its file
     * @param nanos    its median time, ns/op
     * @param relative {@code nanos} over the line's typical time: 1.0 = typical, 1.18 = 18% slow
     */
    public record Sample(int fork, int round, double minutes, double nanos, double relative) {
        /** {@code relative - 1}: +0.18 for 18% slow, -0.1 for 10% fast. */
        public double deviation() {
            return relative - 1;
        }

        public boolean outsideBand() {
            return Math.abs(deviation()) > BAND + 1e-12;
        }
    }

    /**
     * One benchmark's forks over the run.
     *
     * @param benchmark    its short name, e.g. {@code ReferenceBench.stream}
     * @param params       its parameters (empty for the references)
     * @param typicalNanos the median of its fork medians, ns/op: the 1.0 of its line
     * @param samples      its forks by start time
     */
    public record Line(String benchmark, SortedMap<String, String> params, double typicalNanos,
            List<Sample> samples) {
        public Line {
            params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
            samples = List.copyOf(samples);
        }
    }

    /** One fork of one line, with its line. */
    public record Deviation(Line line, Sample sample) {
    }

    public boolean present() {
        return !lines.isEmpty();
    }

    /** Every fork said in which round it ran. */
    public boolean rounds() {
        return present() && lines.stream().flatMap(l -> l.samples().stream()).allMatch(s -> s.round() > 0);
    }

    /** The fork furthest from its line's typical time (the earlier one on a tie); empty without lines. */
    public Optional<Deviation> largest() {
        return all().stream().max(Comparator.comparingDouble((Deviation d) -> Math.abs(d.sample().deviation()))
                .thenComparing(d -> -d.sample().minutes()));
    }

    /** The forks more than {@link #BAND} from typical, by start time. */
    public List<Deviation> outside() {
        return all().stream().filter(d -> d.sample().outsideBand())
                .sorted(Comparator.comparingDouble(d -> d.sample().minutes())).toList();
    }

    /** How many forks the lines hold. */
    public int forks() {
        return lines.stream().mapToInt(l -> l.samples().size()).sum();
    }

    private List<Deviation> all() {
        List<Deviation> out = new ArrayList<>();
        lines.forEach(l -> l.samples().forEach(s -> out.add(new Deviation(l, s))));
        return out;
    }

    /** The stability of a run from its records; {@link #NONE} when no reference or baseline has fork start times. */
    static Stability of(List<BenchmarkRecord> records) {
        List<BenchmarkRecord> marked = records.stream().filter(r -> !r.forkStarted().isEmpty()
                && (TimeUnits.isTimePerOp(r.primary().unit()) || TimeUnits.isThroughput(r.primary().unit())))
                .toList();
        Map<String, Long> first = new HashMap<>();
        for (BenchmarkRecord r : marked) {
            long start = r.forkStarted().stream().mapToLong(Long::longValue).min().orElseThrow();
            first.merge(String.valueOf(r.source()), start, Math::min);
        }
        List<Line> references = lines(marked.stream().filter(r -> r.benchmark().startsWith(REFERENCE_CLASS))
                .toList(), first);
        if (!references.isEmpty()) {
            return new Stability(Basis.REFERENCE, references);
        }
        List<Line> baselines = lines(largestBaselines(marked), first);
        return baselines.isEmpty() ? NONE : new Stability(Basis.BASELINES, baselines);
    }

    /** The sequential records of the model matrix at the largest size of their workload and kernel. */
    private static List<BenchmarkRecord> largestBaselines(List<BenchmarkRecord> records) {
        List<BenchmarkRecord> sequential = new ArrayList<>();
        List<MatrixConfig> configs = new ArrayList<>();
        Map<String, Integer> largest = new HashMap<>();
        for (BenchmarkRecord r : records) {
            Optional<MatrixConfig> c = Families.of(r.benchmark()).orElse(null) == Families.MODELS
                    ? RecordSorter.matrixConfig(r).filter(MatrixConfig::sequential) : Optional.empty();
            if (c.isPresent()) {
                sequential.add(r);
                configs.add(c.get());
                largest.merge(c.get().workload().id() + "/" + c.get().kernel(), c.get().size(), Math::max);
            }
        }
        List<BenchmarkRecord> out = new ArrayList<>();
        for (int i = 0; i < sequential.size(); i++) {
            MatrixConfig c = configs.get(i);
            if (c.size() == largest.get(c.workload().id() + "/" + c.kernel())) {
                out.add(sequential.get(i));
            }
        }
        return out;
    }

    /** One line per benchmark, parameters and file, with at least two forks that have a finite median. */
    private static List<Line> lines(List<BenchmarkRecord> records, Map<String, Long> first) {
        Map<String, List<BenchmarkRecord>> byLine = new LinkedHashMap<>();
        for (BenchmarkRecord r : records) {
            byLine.computeIfAbsent(r.benchmark() + "|" + r.paramLabel() + "|" + r.source(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Line> out = new ArrayList<>();
        for (List<BenchmarkRecord> same : byLine.values()) {
            List<double[]> forks = new ArrayList<>(); // {start ms, round, median ns}
            for (BenchmarkRecord r : same) {
                List<double[]> raw = r.primary().iterations();
                for (int i = 0; i < raw.size() && i < r.forkStarted().size(); i++) {
                    double[] ns = java.util.Arrays.stream(raw.get(i)).filter(Double::isFinite)
                            .map(v -> TimeUnits.toNanosPerOp(v, r.primary().unit())).filter(v -> v > 0).toArray();
                    if (ns.length > 0) {
                        int round = r.rounds().size() == raw.size() ? r.rounds().get(i) : 0;
                        forks.add(new double[] {r.forkStarted().get(i), round, Stats.median(ns)});
                    }
                }
            }
            if (forks.size() < 2) {
                continue;
            }
            forks.sort(Comparator.comparingDouble(f -> f[0]));
            double typical = Stats.median(forks.stream().mapToDouble(f -> f[2]).toArray());
            long origin = first.get(String.valueOf(same.get(0).source()));
            List<Sample> samples = new ArrayList<>();
            for (double[] f : forks) {
                samples.add(new Sample(samples.size() + 1, (int) f[1], (f[0] - origin) / 60_000.0, f[2],
                        f[2] / typical));
            }
            BenchmarkRecord r = same.get(0);
            out.add(new Line(r.shortName(), r.params(), typical, samples));
        }
        return out;
    }
}
