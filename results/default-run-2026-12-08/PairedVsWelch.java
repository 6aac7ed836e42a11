import dev.parbench.analysis.*;
import dev.parbench.results.*;
import java.nio.file.*;
import java.util.*;

/** For every model configuration of a run: its speedup's half-width paired by round and by Welch, from the same forks. */
public class PairedVsWelch {
    static double median(double[] v) { double[] c = v.clone(); Arrays.sort(c); int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2; }
    public static void main(String[] a) throws Exception {
        List<BenchmarkRecord> recs = JmhJsonReader.readFile(Path.of(a[0]));
        Map<String, BenchmarkRecord> seq = new HashMap<>();
        for (BenchmarkRecord r : recs) if (r.method().equals("sequential") && r.param("size") != null)
            seq.put(r.className() + "/" + r.param("size") + "/" + r.param("kernel"), r);
        List<Double> pw = new ArrayList<>(), ww = new ArrayList<>();
        int n = 0, pairedNarrower = 0;
        StringBuilder rows = new StringBuilder();
        for (BenchmarkRecord r : recs) {
            if (!r.method().equals("parallel")) continue;
            BenchmarkRecord s = seq.get(r.className() + "/" + r.param("size") + "/" + r.param("kernel"));
            if (s == null || r.primary().iterations().size() < 3) continue;
            RoundForks rm = rf(r), sm = rf(s);
            Optional<Estimate> p = ForkIntervals.paired(sm, rm);
            Estimate w = ForkIntervals.ratio(s.primary().iterations(), r.primary().iterations());
            if (p.isEmpty()) continue;
            double hp = Math.sqrt(p.get().high() / p.get().low()) - 1, hw = Math.sqrt(w.high() / w.low()) - 1;
            pw.add(hp); ww.add(hw); n++; if (hp < hw) pairedNarrower++;
            rows.append(String.format(Locale.ROOT, "| %s %s p=%s %s | %.2fx | +/-%.1f%% | +/-%.1f%% |%n", r.className(),
                r.param("strategy"), r.param("parallelism"), r.param("size"), p.get().point(), 100 * hp, 100 * hw));
        }
        Collections.sort(pw); Collections.sort(ww);
        System.out.println("| configuration | speedup (paired) | half-width paired | half-width Welch |");
        System.out.println("|---|---|---|---|");
        System.out.print(rows);
        System.out.printf(Locale.ROOT, "%n%d speedups with >= 3 shared rounds; median half-width paired +/-%.1f%%, Welch +/-%.1f%%; paired narrower in %d of %d%n",
            n, 100 * pw.get(n / 2), 100 * ww.get(n / 2), pairedNarrower, n);
    }
    static RoundForks rf(BenchmarkRecord r) {
        TreeMap<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < r.rounds().size(); i++) m.put(r.rounds().get(i), median(r.primary().iterations().get(i)));
        return new RoundForks(r.source(), m);
    }
}
