package dev.parbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Two JMH JSON entries of one configuration as one, for a resumed run whose configuration has forks from an earlier
 * session: the forks of both (rawData, and parbench's {@code rounds} and {@code forkStarted}), with the score, error
 * and percentiles recomputed over all iterations as JMH computes them (mean of the iteration scores, Student t at
 * 99.9%). A metric without raw data keeps the earlier entry's figures.
 */
final class ForkMerge {
    private ForkMerge() {
    }

    static JsonNode merge(JsonNode earlier, JsonNode later) {
        ObjectNode out = earlier.deepCopy();
        metric((ObjectNode) out.get("primaryMetric"), later.get("primaryMetric"));
        JsonNode sec = out.get("secondaryMetrics");
        if (sec instanceof ObjectNode s && later.get("secondaryMetrics") instanceof ObjectNode ls) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ObjectNode m && ls.get(e.getKey()) != null) {
                    metric(m, ls.get(e.getKey()));
                }
            }
        }
        for (String marks : List.of("rounds", "forkStarted")) {
            if (out.get(marks) instanceof ArrayNode a && later.get(marks) instanceof ArrayNode b) {
                a.addAll(b);
            } else {
                out.remove(marks); // marks for some forks only would not fit the forks: none
            }
        }
        out.put("forks", out.path("primaryMetric").path("rawData").size());
        return out;
    }

    private static void metric(ObjectNode m, JsonNode later) {
        if (!(m.get("rawData") instanceof ArrayNode raw) || !(later.get("rawData") instanceof ArrayNode more)) {
            return;
        }
        raw.addAll(more);
        List<Double> all = new ArrayList<>();
        raw.forEach(fork -> fork.forEach(v -> all.add(v.asDouble())));
        DescriptiveStatistics d = new DescriptiveStatistics(all.stream().mapToDouble(Double::doubleValue).toArray());
        double mean = d.getMean();
        double error = all.size() < 2 ? Double.NaN : new TDistribution(all.size() - 1)
                .inverseCumulativeProbability(1 - 0.001 / 2) * d.getStandardDeviation() / Math.sqrt(all.size());
        m.put("score", mean);
        m.put("scoreError", error);
        ArrayNode confidence = m.putArray("scoreConfidence");
        confidence.add(mean - error);
        confidence.add(mean + error);
        if (m.get("scorePercentiles") instanceof ObjectNode p) {
            for (Iterator<String> it = p.fieldNames(); it.hasNext();) {
                String k = it.next();
                double q = Double.parseDouble(k);
                p.put(k, q <= 0 ? d.getMin() : d.getPercentile(Math.min(100, q)));
            }
        }
    }
}
