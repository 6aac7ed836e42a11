import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.WorkloadKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CI check of one run folder: results.json holds every strategy x workload with a finite score (the opt-in
 * engine models only if the run selected them), and env.json is there. Usage: java -cp target/benchmarks.jar .ci/CheckRun.java results/latest
 */
public class CheckRun {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        if (!Files.isRegularFile(dir.resolve("env.json"))) {
            fail("no env.json in " + dir);
        }
        Set<String> seen = new TreeSet<>();
        for (JsonNode r : results) {
            String[] parts = r.get("benchmark").asText().split("\\.");
            WorkloadKind w = WorkloadKind.ofBenchClass(parts[parts.length - 2]).orElse(null);
            double score = r.get("primaryMetric").get("score").asDouble(Double.NaN);
            if (!(score > 0) || Double.isInfinite(score)) {
                fail("bad score " + score + " for " + r.get("benchmark").asText() + " " + r.get("params"));
            }
            if (w == null) {
                continue;
            }
            String method = parts[parts.length - 1];
            String strategy = method.equals("sequential") ? "sequential" : r.get("params").get("strategy").asText();
            seen.add(w.id() + " x " + strategy);
        }
        List<String> missing = new ArrayList<>();
        for (WorkloadKind w : WorkloadKind.values()) {
            for (StrategyKind s : StrategyKind.values()) {
                if (!s.optIn() && !seen.contains(w.id() + " x " + s.id())) {
                    missing.add(w.id() + " x " + s.id());
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("results.json lacks " + missing);
        }
        System.out.println("CheckRun: " + seen.size() + " strategy x workload pairs present in " + dir);
    }

    static void fail(String message) {
        System.err.println("CheckRun: " + message);
        System.exit(1);
    }
}
