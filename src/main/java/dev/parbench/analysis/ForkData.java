package dev.parbench.analysis;

import dev.parbench.results.BenchmarkRecord;
import dev.parbench.results.Metric;
import java.util.ArrayList;
import java.util.List;

/** A record's per-fork per-iteration data, as written or converted to ns/op. */
final class ForkData {
    private ForkData() {
    }

    /** The primary metric's raw data in its own unit; JMH's score as one fork of one value if it wrote none. */
    static List<double[]> raw(BenchmarkRecord r) {
        Metric m = r.primary();
        List<double[]> forks = finite(m);
        if (forks.isEmpty() && Double.isFinite(m.score())) {
            forks.add(new double[] {m.score()});
        }
        return forks;
    }

    /** A metric's forks with their non-finite iterations dropped; forks left empty are dropped too. */
    static List<double[]> finite(Metric m) {
        List<double[]> forks = new ArrayList<>();
        for (double[] f : m.iterations()) {
            double[] finite = java.util.Arrays.stream(f).filter(Double::isFinite).toArray();
            if (finite.length > 0) {
                forks.add(finite);
            }
        }
        return forks;
    }

    /** The primary metric per fork and iteration in ns/op (throughputs inverted). */
    static List<double[]> nanosPerOp(BenchmarkRecord r) {
        String unit = r.primary().unit();
        List<double[]> out = new ArrayList<>();
        for (double[] f : raw(r)) {
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = TimeUnits.toNanosPerOp(f[i], unit);
            }
            out.add(v);
        }
        return out;
    }
}
