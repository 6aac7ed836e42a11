import dev.parbench.analysis.*;
import dev.parbench.results.*;
import java.nio.file.*;
import java.util.*;

/** The decision rows of two runs side by side: the pick and its tie set, and whether the sets share a model. */
public class Agree {
    public static void main(String[] a) {
        Analysis x = new Analyzer().analyze(JmhJsonReader.read(List.of(Path.of(a[0]))));
        Analysis y = new Analyzer().analyze(JmhJsonReader.read(List.of(Path.of(a[1]))));
        int same = 0, overlap = 0, n = 0;
        for (Analysis.WorkloadResult w : x.workloads()) {
            if (w.points().isEmpty()) continue;
            Analysis.WorkloadResult v = y.workloads().stream().filter(o -> o.workload().equals(w.workload()) && o.kernel().equals(w.kernel())).findFirst().orElseThrow();
            for (Analysis.Best b : w.best()) {
                Analysis.Best c = v.best().stream().filter(o -> o.size() == b.size()).findFirst().orElseThrow();
                Set<String> s1 = set(b), s2 = set(c);
                boolean eq = s1.equals(s2);
                boolean ov = !Collections.disjoint(s1, s2);
                n++; if (eq) same++; if (ov) overlap++;
                System.out.printf("| %s %d | %s | %s | %s |%n", w.workload(), b.size(), s1, s2, eq ? "same" : ov ? "overlap" : "differ");
            }
        }
        System.out.printf("%d rows: same pick or tie set %d, sets overlapping %d%n", n, same, overlap);
    }
    static Set<String> set(Analysis.Best b) {
        Set<String> s = new TreeSet<>();
        s.add(b.strategy().equals("sequential") ? "sequential" : b.strategy() + " p=" + b.parallelism());
        for (Analysis.Tie t : b.ties()) s.add(t.strategy() + " p=" + t.parallelism());
        return s;
    }
}
