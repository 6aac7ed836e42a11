package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --settle picks exactly the configurations behind the provisional rows, and adds rounds the run has not used. */
class SettleTest {
    private static final String SUM = "dev.parbench.bench.SumBench.";

    private static Configuration c(String method, String strategy, String size) {
        Map<String, String> p = new TreeMap<>(Map.of("size", size, "kernel", "simd"));
        if (strategy != null) {
            p.put("strategy", strategy);
            p.put("parallelism", "2");
        }
        return new Configuration("models", SUM + method, new TreeMap<>(p), 3, 0, List.of());
    }

    private static String entry(Configuration c, double... forkUs) {
        StringBuilder raw = new StringBuilder();
        StringBuilder rounds = new StringBuilder();
        for (int i = 0; i < forkUs.length; i++) {
            raw.append(i == 0 ? "" : ",").append("[").append(forkUs[i]).append(",").append(forkUs[i]).append("]");
            rounds.append(i == 0 ? "" : ",").append(i + 1);
        }
        StringBuilder params = new StringBuilder();
        c.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return "{\"benchmark\":\"" + c.benchmark() + "\",\"mode\":\"avgt\",\"forks\":" + forkUs.length
                + ",\"params\":{" + params + "},\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"us/op\",\"rawData\":["
                + raw + "]},\"rounds\":[" + rounds + "]}";
    }

    @Test
    void theOpenRowsAreThePickItsRivalsAndTheirBaselineAndNothingElse(@TempDir Path dir) throws Exception {
        Configuration seqSmall = c("sequential", null, "1024");
        Configuration fjSmall = c("parallel", "fork-join", "1024");
        Configuration seqLarge = c("sequential", null, "1048576");
        Configuration fjLarge = c("parallel", "fork-join", "1048576");
        Configuration exLarge = c("parallel", "executor", "1048576");
        Configuration tptLarge = c("parallel", "thread-per-task", "1048576");
        // 1024: sequential clearly wins with 3 agreeing forks (settled); 1M: fork-join's two forks disagree
        String json = "[" + String.join(",", entry(seqSmall, 10, 10.1, 9.9), entry(fjSmall, 40, 41, 39),
                entry(seqLarge, 1000, 1010, 990), entry(fjLarge, 500, 800, 505), entry(exLarge, 600, 610, 590),
                entry(tptLarge, 2000, 2010, 1990)) + "]";
        Path results = dir.resolve("results.json");
        Files.writeString(results, json);
        List<Configuration> plan = List.of(seqSmall, fjSmall, seqLarge, fjLarge, exLarge, tptLarge);
        List<Configuration> open = Settle.open(results, plan);
        assertEquals(Set.of(seqLarge, fjLarge, exLarge), Set.copyOf(open), open.toString());

        List<Rounds.Step> steps = Settle.steps(open, 4, 2, 1);
        assertEquals(6, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.round() >= 4 && s.round() <= 5 && s.config().forks() == 1));
    }
}
