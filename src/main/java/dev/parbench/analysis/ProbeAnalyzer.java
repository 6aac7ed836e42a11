package dev.parbench.analysis;

import dev.parbench.workload.Ceiling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The machine's ceilings from the probe families: memory bandwidth (best fork, STREAM's convention) and transfer. */
final class ProbeAnalyzer {
    private ProbeAnalyzer() {
    }

    static Analysis.Probe analyze(RecordSorter.Sorted s) {
        Map<String, List<double[]>> probe = s.probes();
        Map<Ceiling, Estimate> one = new EnumMap<>(Ceiling.class);
        Map<Ceiling, Estimate> all = new EnumMap<>(Ceiling.class);
        List<Analysis.ProbeLevel> sweep = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : probe.entrySet()) {
            String[] key = e.getKey().split("/");
            Ceiling c = Ceiling.ofProbeMethod(key[0]);
            if (key.length != 3 || c == Ceiling.NONE) {
                continue;
            }
            int elements = Integer.parseInt(key[2]);
            long bytes = (long) c.probeBytesPerElement() * elements;
            Estimate best = ceiling(e.getValue(), bytes);
            Estimate central = ForkIntervals.level(e.getValue()).inverse(ns -> bytes / ns);
            sweep.add(new Analysis.ProbeLevel(c, key[1].equals("all"), elements, best, central));
            if (elements == s.probeElements()) {
                (key[1].equals("all") ? all : one).put(c, best);
            }
        }
        sweep.sort(Comparator.comparing(Analysis.ProbeLevel::ceiling).thenComparing(Analysis.ProbeLevel::allCores)
                .thenComparingInt(Analysis.ProbeLevel::elements));
        List<double[]> start = probe.get("transfer/workerStart");
        return new Analysis.Probe(one, all, s.probeElements(),
                s.loopbackBytes() > 0 ? ceiling(probe.get("transfer/loopback"), s.loopbackBytes()) : null,
                s.loopbackBytes() > 0 ? ceiling(probe.get("transfer/pipe"), s.loopbackBytes()) : null,
                start == null ? null : ForkIntervals.level(start), sweep);
    }

    /**
     * The probe's ceiling in GB/s (bytes per ns), by STREAM's convention the <em>best</em> rate: the fastest fork's
     * median iteration. A ceiling is what the machine can deliver, and on a shared machine the slower forks measure
     * the neighbours. [low, high] is the range of the forks' median rates (slowest fork to fastest): a
     * {@link Estimate.Kind#RANGE}, not a confidence interval, whatever the fork count.
     */
    static Estimate ceiling(List<double[]> nanos, long bytes) {
        if (nanos == null || nanos.isEmpty()) {
            return null;
        }
        double best = Double.POSITIVE_INFINITY;
        double worst = 0;
        for (double m : Stats.forkMedians(nanos)) {
            best = Math.min(best, m);
            worst = Math.max(worst, m);
        }
        return new Estimate(bytes / best, bytes / worst, bytes / best, nanos.size(), Estimate.Kind.RANGE);
    }
}
