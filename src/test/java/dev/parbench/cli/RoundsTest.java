package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The run's rounds: one fork of every configuration per round, a fresh order each round, replayable and resumable. */
class RoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Configuration> plan() {
        List<Configuration> plan = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            plan.add(new Configuration("models", "dev.parbench.bench.SumBench.parallel",
                    new TreeMap<>(Map.of("size", String.valueOf(1024 << i))), 3, 0, List.of()));
        }
        plan.add(new Configuration("out of process", "dev.parbench.bench.SumBench.parallel",
                new TreeMap<>(Map.of("strategy", "process-pool")), 2, 0, List.of()));
        return plan;
    }

    @Test
    void eachRoundRunsOneForkOfEveryConfigurationThatStillNeedsOneInAFreshOrder() {
        List<Rounds.Step> steps = Rounds.schedule(plan(), Map.of(), 42);
        assertEquals(20 * 3 + 2, steps.size(), "one step per planned fork");
        assertTrue(steps.stream().allMatch(s -> s.config().forks() == 1 && s.rounds() == 3));
        List<List<String>> orders = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            int round = r;
            List<String> keys = steps.stream().filter(s -> s.round() == round).map(Rounds.Step::key).toList();
            assertEquals(keys.size(), Set.copyOf(keys).size(), "a configuration once per round");
            assertEquals(r <= 2 ? 21 : 20, keys.size(), "the 2-fork configuration in rounds 1 and 2 only");
            orders.add(keys.stream().filter(k -> !k.contains("process-pool")).toList());
        }
        assertNotEquals(orders.get(0), orders.get(1), "a fresh order each round");
        assertNotEquals(orders.get(1), orders.get(2));
        int[] rounds = steps.stream().mapToInt(Rounds.Step::round).toArray();
        assertTrue(IntStream.range(1, rounds.length).allMatch(i -> rounds[i] >= rounds[i - 1]), "round by round");
    }

    @Test
    void theSeedReplaysTheOrderAndAResumedRunSkipsTheRoundsDone() {
        List<Rounds.Step> a = Rounds.schedule(plan(), Map.of(), 7);
        assertEquals(a, Rounds.schedule(plan(), Map.of(), 7));
        assertNotEquals(a, Rounds.schedule(plan(), Map.of(), 8));
        String first = a.get(0).key();
        List<Rounds.Step> rest = Rounds.schedule(plan(), Map.of(first, Set.of(1, 2)), 7);
        assertEquals(a.size() - 2, rest.size());
        assertTrue(rest.stream().noneMatch(s -> s.key().equals(first) && s.round() <= 2));
        assertEquals(a.stream().filter(s -> !(s.key().equals(first) && s.round() <= 2)).toList(), rest,
                "the rounds it finishes keep their order");
    }

    @Test
    void aResumedConfigurationKeepsItsEarlierForksAndTheirRounds() throws Exception {
        JsonNode earlier = JSON.readTree("{\"benchmark\":\"b.X.m\",\"mode\":\"avgt\",\"forks\":1,\"primaryMetric\":{"
                + "\"score\":2,\"scoreError\":\"NaN\",\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"0.0\":1,\"100.0\":3},"
                + "\"rawData\":[[1,2,3]]},\"rounds\":[1],\"forkStarted\":[1000]}");
        JsonNode later = JSON.readTree("{\"benchmark\":\"b.X.m\",\"mode\":\"avgt\",\"forks\":1,\"primaryMetric\":{"
                + "\"score\":5,\"scoreError\":\"NaN\",\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"0.0\":4,\"100.0\":6},"
                + "\"rawData\":[[4,5,6]]},\"rounds\":[2],\"forkStarted\":[2000]}");
        JsonNode m = ForkMerge.merge(earlier, later);
        assertEquals(2, m.get("forks").asInt());
        assertEquals("[[1,2,3],[4,5,6]]", m.at("/primaryMetric/rawData").toString());
        assertEquals(3.5, m.at("/primaryMetric/score").asDouble(), 1e-12, "the mean of every iteration, as JMH's");
        assertEquals(1, m.at("/primaryMetric/scorePercentiles/0.0").asDouble());
        assertEquals(6, m.at("/primaryMetric/scorePercentiles/100.0").asDouble());
        assertTrue(m.at("/primaryMetric/scoreError").asDouble() > 0);
        assertEquals("[1,2]", m.get("rounds").toString());
        assertEquals("[1000,2000]", m.get("forkStarted").toString());
        assertEquals(1, earlier.at("/primaryMetric/rawData").size(), "the earlier entry is not changed");
    }
}
