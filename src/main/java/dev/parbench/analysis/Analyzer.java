package dev.parbench.analysis;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.RunData;
import dev.parbench.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns read records into an {@link Analysis}. Deterministic: every bootstrap is seeded from its configuration. */
public final class Analyzer {
    static final String BENCH_PACKAGE = "dev.parbench.bench.";
    static final String SEQUENTIAL = "sequential";
    private static final Map<String, WorkloadKind> WORKLOAD_CLASSES = Map.of(
            "SumBench", WorkloadKind.SUM, "VectorAddBench", WorkloadKind.VECTOR_ADD,
            "MonteCarloBench", WorkloadKind.RANDOM);
    private static final String PROBE_CLASS = "BandwidthProbe";
    private static final String TRANSFER_CLASS = "TransferProbe";

    private final long seed;

    public Analyzer() {
        this(20261121L);
    }

    public Analyzer(long seed) {
        this.seed = seed;
    }

    private HierarchicalBootstrap bootstrap(String key) {
        return new HierarchicalBootstrap(seed ^ key.hashCode());
    }

    /** Key of one measured configuration. */
    private record Config(WorkloadKind workload, String kernel, String strategy, int parallelism, int size) {
    }

    public Analysis analyze(RunData data) {
        List<String> warnings = new ArrayList<>();
        Map<Config, List<double[]>> times = new LinkedHashMap<>();
        Map<String, List<double[]>> probe = new LinkedHashMap<>();
        int probeElements = 0;
        long loopbackBytes = 0;
        List<BenchmarkRecord> foreign = new ArrayList<>();
        for (BenchmarkRecord r : data.records()) {
            Optional<Config> c = config(r);
            boolean timed = TimeUnits.isTimePerOp(r.primary().unit()) || TimeUnits.isThroughput(r.primary().unit());
            if (c.isPresent() && timed) {
                List<double[]> forks = ForkData.nanosPerOp(r);
                if (forks.isEmpty()) {
                    warnings.add(r.shortName() + " " + r.paramLabel() + ": no finite measurements, skipped");
                    continue;
                }
                List<double[]> old = times.putIfAbsent(c.get(), new ArrayList<>(forks));
                if (old != null) {
                    old.addAll(forks);
                    warnings.add(r.shortName() + " " + r.paramLabel() + " appears in several files: their forks "
                            + "were pooled");
                }
            } else if (timed && r.benchmark().startsWith(BENCH_PACKAGE) && r.className().equals(TRANSFER_CLASS)) {
                probe.computeIfAbsent("transfer/" + r.method(), k -> new ArrayList<>()).addAll(ForkData.nanosPerOp(r));
                if (r.param("megabytes") != null) {
                    loopbackBytes = Long.parseLong(r.param("megabytes")) << 20;
                }
            } else if (isProbe(r) && timed && r.param("threads") != null && r.param("elements") != null) {
                probe.computeIfAbsent(r.method() + "/" + r.param("threads"), k -> new ArrayList<>())
                        .addAll(ForkData.nanosPerOp(r));
                probeElements = Integer.parseInt(r.param("elements"));
            } else {
                foreign.add(r);
            }
        }
        int minForks = times.values().stream().mapToInt(List::size).min().orElse(0);
        if (minForks == 1) {
            warnings.add("some configurations rest on a single fork: their intervals reflect iterations only, not "
                    + "fork-to-fork variation (use --forks 2 or more before drawing conclusions)");
        }
        Analysis.Probe p = probe(probe, probeElements, loopbackBytes);
        List<Analysis.WorkloadResult> workloads = workloads(times, p, warnings);
        List<Analysis.ForeignResult> foreignResults = foreign.stream().map(this::foreign).toList();
        return new Analysis(workloads, p, foreignResults, data.environments(), warnings);
    }

    private static boolean isProbe(BenchmarkRecord r) {
        return r.benchmark().startsWith(BENCH_PACKAGE) && r.className().equals(PROBE_CLASS);
    }

    private static Optional<Config> config(BenchmarkRecord r) {
        if (!r.benchmark().startsWith(BENCH_PACKAGE)) {
            return Optional.empty();
        }
        WorkloadKind w = WORKLOAD_CLASSES.get(r.className());
        String size = r.param("size");
        if (w == null || size == null) {
            return Optional.empty();
        }
        String kernel = Objects.requireNonNullElse(r.param("kernel"), "");
        try {
            if (r.method().equals(SEQUENTIAL)) {
                return Optional.of(new Config(w, kernel, SEQUENTIAL, 1, Integer.parseInt(size)));
            }
            if (r.method().equals("parallel") && r.param("strategy") != null && r.param("parallelism") != null) {
                return Optional.of(new Config(w, kernel, r.param("strategy"), Integer.parseInt(r.param("parallelism")),
                        Integer.parseInt(size)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Analysis.Probe probe(Map<String, List<double[]>> probe, int elements, long loopbackBytes) {
        List<double[]> start = probe.get("transfer/workerStart");
        return new Analysis.Probe(ceiling(probe.get("read/1"), 8L * elements),
                ceiling(probe.get("read/all"), 8L * elements),
                ceiling(probe.get("add/1"), 24L * elements),
                ceiling(probe.get("add/all"), 24L * elements), elements,
                loopbackBytes > 0 ? ceiling(probe.get("transfer/loopback"), loopbackBytes) : null,
                start == null ? null : bootstrap("transfer/workerStart").mean(start));
    }

    /**
     * The probe's ceiling in GB/s (bytes per ns), by STREAM's convention the <em>best</em> rate: the fastest fork's
     * median iteration. A ceiling is what the machine can deliver, and on a shared machine the slower forks measure
     * the neighbours. The interval is the range of the forks' median rates (slowest fork to fastest).
     */
    static Estimate ceiling(List<double[]> nanos, long bytes) {
        if (nanos == null || nanos.isEmpty()) {
            return null;
        }
        double best = Double.POSITIVE_INFINITY;
        double worst = 0;
        for (double[] fork : nanos) {
            double m = HierarchicalBootstrap.median(fork.clone(), fork.length);
            best = Math.min(best, m);
            worst = Math.max(worst, m);
        }
        return new Estimate(bytes / best, bytes / worst, bytes / best, nanos.size());
    }

    private List<Analysis.WorkloadResult> workloads(Map<Config, List<double[]>> times, Analysis.Probe probe,
            List<String> warnings) {
        // group by (workload, kernel)
        Map<String, List<Config>> groups = new TreeMap<>();
        for (Config c : times.keySet()) {
            groups.computeIfAbsent(c.workload().ordinal() + "/" + c.kernel(), k -> new ArrayList<>()).add(c);
        }
        List<Analysis.WorkloadResult> out = new ArrayList<>();
        for (List<Config> group : groups.values()) {
            boolean hasParallel = group.stream().anyMatch(c -> !c.strategy().equals(SEQUENTIAL));
            if (!hasParallel) {
                continue; // a baseline-only kernel (e.g. the scalar baseline): shown inside its workload's section
            }
            out.add(workload(group, times, probe, warnings));
        }
        // baseline-only kernels whose workload has no section get one of their own
        for (List<Config> group : groups.values()) {
            WorkloadKind w = group.get(0).workload();
            boolean shown = out.stream().anyMatch(r -> r.workload().equals(w.id()));
            if (!shown) {
                out.add(workload(group, times, probe, warnings));
            }
        }
        return out;
    }

    private Analysis.WorkloadResult workload(List<Config> group, Map<Config, List<double[]>> times,
            Analysis.Probe probe, List<String> warnings) {
        WorkloadKind w = group.get(0).workload();
        String kernel = group.get(0).kernel();
        int bytes = w.bytesPerElement();
        TreeSet<Integer> sizes = new TreeSet<>();
        TreeSet<Integer> parallelisms = new TreeSet<>();
        List<String> strategies = new ArrayList<>();
        for (Config c : group) {
            sizes.add(c.size());
            if (!c.strategy().equals(SEQUENTIAL)) {
                parallelisms.add(c.parallelism());
                if (!strategies.contains(c.strategy())) {
                    strategies.add(c.strategy());
                }
            }
        }
        strategies.sort(Comparator.comparingInt(Analyzer::strategyOrder).thenComparing(s -> s));
        String label = w.id() + (kernel.isEmpty() ? "" : "/" + kernel);

        Map<Integer, Estimate> baseline = new TreeMap<>();
        Map<Integer, Estimate> baselineRate = new TreeMap<>();
        for (int size : sizes) {
            List<double[]> seq = times.get(new Config(w, kernel, SEQUENTIAL, 1, size));
            if (seq != null) {
                Estimate t = bootstrap(label + "/seq/" + size).mean(seq);
                baseline.put(size, t);
                if (bytes > 0) {
                    baselineRate.put(size, t.inverse(ns -> (double) bytes * size / ns));
                }
            }
        }
        Map<String, Map<Integer, Estimate>> other = new TreeMap<>();
        for (Map.Entry<Config, List<double[]>> e : times.entrySet()) {
            Config c = e.getKey();
            if (c.workload() == w && !c.kernel().equals(kernel) && c.strategy().equals(SEQUENTIAL)) {
                other.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).put(c.size(),
                        bootstrap(w.id() + "/" + c.kernel() + "/seq/" + c.size()).mean(e.getValue()));
            }
        }

        List<Analysis.Point> points = new ArrayList<>();
        for (Config c : group) {
            if (c.strategy().equals(SEQUENTIAL)) {
                continue;
            }
            String key = label + "/" + c.strategy() + "/" + c.parallelism() + "/" + c.size();
            List<double[]> t = times.get(c);
            Estimate time = bootstrap(key).mean(t);
            List<double[]> seq = times.get(new Config(w, kernel, SEQUENTIAL, 1, c.size()));
            Estimate speedup;
            if (seq == null) {
                warnings.add(w.id() + " size " + c.size() + ": no sequential baseline in these results, so no speedup");
                speedup = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
            } else {
                speedup = bootstrap(key + "/speedup").ratio(seq, t);
            }
            double efficiency = speedup.point() / c.parallelism();
            Estimate rate = bytes > 0 ? time.inverse(ns -> (double) bytes * c.size() / ns) : null;
            double pct = Double.NaN;
            if (rate != null) {
                Estimate ceiling = ceiling(w, probe, c.parallelism());
                if (ceiling != null) {
                    pct = 100 * rate.point() / ceiling.point();
                }
            }
            points.add(new Analysis.Point(c.strategy(), c.parallelism(), c.size(), time, speedup, efficiency,
                    AmdahlFit.karpFlatt(c.parallelism(), speedup.point()), rate, pct));
        }
        points.sort(Comparator.comparingInt((Analysis.Point p) -> strategyOrder(p.strategy()))
                .thenComparing(Analysis.Point::strategy).thenComparingInt(Analysis.Point::parallelism)
                .thenComparingInt(Analysis.Point::size));

        Map<String, Analysis.Crossover> crossovers = new LinkedHashMap<>();
        Map<String, AmdahlFit> amdahl = new LinkedHashMap<>();
        int largest = sizes.last();
        for (String s : strategies) {
            Analysis.Crossover cross = new Analysis.Crossover(s, null, null, null);
            outer:
            for (int size : sizes) {
                for (int p : parallelisms.descendingSet()) {
                    Optional<Analysis.Point> pt = points.stream().filter(x -> x.strategy().equals(s)
                            && x.size() == size && x.parallelism() == p).findFirst();
                    if (pt.isPresent() && pt.get().speedup().above(1.0)) {
                        cross = new Analysis.Crossover(s, size, p, pt.get().speedup());
                        break outer;
                    }
                }
            }
            crossovers.put(s, cross);
            List<Analysis.Point> atLargest = points.stream()
                    .filter(x -> x.strategy().equals(s) && x.size() == largest && Double.isFinite(x.speedup().point()))
                    .toList();
            if (!atLargest.isEmpty()) {
                amdahl.put(s, AmdahlFit.fit(atLargest.stream().mapToDouble(Analysis.Point::parallelism).toArray(),
                        atLargest.stream().mapToDouble(x -> x.speedup().point()).toArray()));
            }
        }

        Map<String, Estimate> perTask = new LinkedHashMap<>();
        int smallest = sizes.first();
        for (String s : strategies) {
            for (int p : parallelisms.descendingSet()) {
                Optional<Analysis.Point> pt = points.stream().filter(x -> x.strategy().equals(s)
                        && x.size() == smallest && x.parallelism() == p).findFirst();
                if (pt.isPresent()) {
                    int tasks = Math.min(p, Math.ceilDiv(smallest, w.create(dev.parbench.workload.Kernel.SCALAR)
                            .blockSize()));
                    perTask.put(s, pt.get().time().times(1.0 / tasks));
                    break;
                }
            }
        }

        List<Analysis.Best> best = new ArrayList<>();
        for (int size : sizes) {
            Analysis.Best b = null;
            Estimate seq = baseline.get(size);
            if (seq != null) {
                b = new Analysis.Best(size, SEQUENTIAL, 1, seq, new Estimate(1, 1, 1, seq.forks()));
            }
            for (Analysis.Point p : points) {
                if (p.size() == size && (b == null || p.time().point() < b.time().point())) {
                    b = new Analysis.Best(size, p.strategy(), p.parallelism(), p.time(), p.speedup());
                }
            }
            if (b != null) {
                best.add(b);
            }
        }
        return new Analysis.WorkloadResult(w.id(), kernel, bytes, List.copyOf(sizes), strategies,
                List.copyOf(parallelisms), baseline, baselineRate, other, points, crossovers, amdahl, perTask, best);
    }

    /** The probe figure a point is compared with: one core for parallelism 1, all cores otherwise. */
    private static Estimate ceiling(WorkloadKind w, Analysis.Probe probe, int parallelism) {
        if (w == WorkloadKind.SUM) {
            return parallelism == 1 ? probe.readOneCore() : probe.readAllCores();
        }
        if (w == WorkloadKind.VECTOR_ADD) {
            return parallelism == 1 ? probe.addOneCore() : probe.addAllCores();
        }
        return null;
    }

    /** Known models first, in StrategyKind order (the same order and colours in every chart); others after. */
    static int strategyOrder(String id) {
        for (dev.parbench.strategy.StrategyKind k : dev.parbench.strategy.StrategyKind.values()) {
            if (k.id().equals(id)) {
                return k.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private Analysis.ForeignResult foreign(BenchmarkRecord r) {
        String key = r.benchmark() + "/" + r.paramLabel();
        List<double[]> raw = ForkData.raw(r);
        Estimate score = raw.isEmpty() ? new Estimate(r.primary().score(), Double.NaN, Double.NaN, 0)
                : bootstrap(key).mean(raw);
        Map<String, Estimate> secondary = new LinkedHashMap<>();
        r.secondary().forEach((name, m) -> {
            List<double[]> forks = ForkData.finite(m);
            secondary.put(name, forks.isEmpty() ? new Estimate(m.score(), Double.NaN, Double.NaN, 0)
                    : bootstrap(key + "/" + name).mean(forks));
        });
        return new Analysis.ForeignResult(r.benchmark(), r.mode(), r.primary().unit(), r.params(), score,
                TimeUnits.isThroughput(r.primary().unit()) || r.mode().equals("thrpt"), secondary);
    }
}
