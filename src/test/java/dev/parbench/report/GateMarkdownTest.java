package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gate.md answers first, in a pull-request comment, without scrolling sideways: the overall verdict on the first line,
 * the verdicts table next, and no line of that table longer than {@link GateMarkdown#WIDTH} characters, even for a
 * gate of 17 benchmarks whose keys carry several long parameters; what does not fit is below the table in full.
 */
class GateMarkdownTest {
    private static final String[] VARIANTS = {"array-blocking", "linked-blocking", "linked-transfer", "synchronous",
        "concurrent-linked", "monitor"};

    /** 17 benchmarks, most with four or five parameters, a few with long values; every verdict present. */
    static GateResult longGate() {
        List<BenchmarkVerdict> verdicts = new ArrayList<>();
        String sum = "dev.parbench.bench.SumBench.parallel [kernel=simd, parallelism=2, size=1048576, strategy=";
        for (String s : List.of("executor", "fork-join", "thread-per-task", "virtual-threads", "parallel-stream")) {
            verdicts.add(GateForestTest.v(sum + s + "]", 1.02, 0.99, 1.05, 0.8, Verdict.PASS, GateForestTest.TEN));
        }
        for (int i = 0; i < VARIANTS.length; i++) {
            String key = "dev.parbench.bench.QueueBench.handoffThroughputWithBackpressure [consumers=4, items="
                    + (1 << 20) + ", producers=4, threads=" + (i % 2 == 0 ? "platform" : "virtual") + ", variant="
                    + VARIANTS[i] + "-queue-with-a-rather-long-name]";
            Verdict v = i == 0 ? Verdict.REGRESSION : i == 1 ? Verdict.INCONCLUSIVE : Verdict.PASS;
            verdicts.add(GateForestTest.v(key, i == 0 ? 2.153 : 1.01, i == 0 ? 1.9 : 0.95, i == 0 ? 2.45 : 1.08,
                    i == 0 ? 0.00001 : 0.6, v, GateForestTest.TEN));
        }
        for (String variant : List.of("broadcast-binomial", "exchange-sendrecv", "allreduce")) {
            verdicts.add(new BenchmarkVerdict("dev.parbench.bench.CollectivesBench.collective [bytes=1048576, "
                    + "ranks=8, transport=loopback-tcp-with-authentication, variant=" + variant + "]", 10, 10, 100, 80,
                    0.80, 0.76, 0.84, 0.99, 1, 0.0001, 0.0017, Verdict.IMPROVED, "faster by 20.0%, BH-adjusted p "
                    + "0.0017 < 0.05", GateForestTest.FIFTEEN));
        }
        verdicts.add(GateForestTest.v("dev.parbench.bench.MandelbrotBench.sequential [size=1048576]", 0.97, 0.95,
                0.99, 1, Verdict.PASS, GateForestTest.TEN));
        verdicts.add(GateForestTest.v("dev.parbench.bench.SumBench.parallel [kernel=simd, parallelism=2, size=65536, "
                + "strategy=socket]", 1.12, 1.02, 1.25, 0.3, Verdict.PASS, GateForestTest.FIFTEEN));
        verdicts.add(GateForestTest.v("dev.parbench.bench.VectorAddBench.parallel [kernel=simd, parallelism=2, "
                + "size=1048576, strategy=fork-join]", 1.153, 1.13, 1.18, 0.002, Verdict.REGRESSION,
                GateForestTest.TEN));
        assertEquals(17, verdicts.size());
        return new GateResult("paired mode: the merge base (A) vs the pull request's head (B), 10 rounds",
                List.of("Benjamini-Hochberg across 17 benchmarks at α = 0.05"), verdicts, false);
    }

    private static List<String> tableLines(String md) {
        List<String> lines = md.lines().toList();
        int header = lines.indexOf(GateMarkdown.HEADER);
        List<String> table = new ArrayList<>();
        for (int i = header; i >= 0 && i < lines.size() && lines.get(i).startsWith("|"); i++) {
            table.add(lines.get(i));
        }
        return table;
    }

    @Test
    void theVerdictComesFirstThenTheTable() {
        String md = GateReport.markdown(longGate());
        List<String> lines = md.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).startsWith("## ❌ parbench performance gate: REGRESSION — 2 regressed, 1 inconclusive,"
                + " 3 improved, 11 passed (17 benchmarks)"), lines.get(0));
        assertEquals(GateMarkdown.HEADER, lines.get(1), md);
        assertEquals("|---:|---|---|---:|---:|", lines.get(2), md);
        assertTrue(lines.get(3).startsWith("| 1 | queue · … · threads=platform · varia… |"), lines.get(3));
        assertTrue(lines.get(3).contains("| **REGRESSION** | +115.3% [+90.0%, +145.0%] | 1.0e-05 |"), lines.get(3));
        assertEquals(2 + 17, tableLines(md).size(), md);
    }

    @Test
    void noTableLineIsLongerThanTheLimit() {
        String md = GateReport.markdown(longGate());
        int longest = 0;
        for (String line : tableLines(md)) {
            longest = Math.max(longest, GateMarkdown.width(line));
            assertTrue(GateMarkdown.width(line) <= GateMarkdown.WIDTH, GateMarkdown.width(line) + " characters: "
                    + line);
            assertEquals(6, line.chars().filter(c -> c == '|').count(), "five cells: " + line);
        }
        assertTrue(longest > GateMarkdown.WIDTH - 10, "the long labels are cut to the limit, not far below: "
                + longest);
    }

    @Test
    void whatTheTableCutsIsBelowItInFull() {
        GateResult r = longGate();
        String md = GateReport.markdown(r);
        List<String> table = tableLines(md);
        assertTrue(table.stream().anyMatch(l -> l.contains("…")), "some label was cut:\n" + String.join("\n", table));
        assertTrue(table.stream().anyMatch(l -> l.contains("| sum · executor · 1M · p=2 |")), "a short label is whole");
        String below = md.substring(md.indexOf(table.get(table.size() - 1)));
        for (BenchmarkVerdict b : r.verdicts()) {
            assertTrue(below.contains("` " + b.key() + " `"), "the key in full below the table: " + b.key());
        }
        int full = below.indexOf("### Every benchmark in full");
        assertTrue(full > 0 && below.indexOf("\n1. queue · handoffThroughputWithBackpressure", full) > 0, below);
        assertTrue(below.indexOf("### Regressions") > 0 && below.indexOf("_paired mode") < below.indexOf("### "),
                "the mode, notes and explanations come after the table:\n" + md);
        assertTrue(below.contains("Settings: threshold 10% (15% for 4 benchmarks, by rule), noise margin δ 2%, "
                + "α 0.05 for the family."), below);
    }

    @Test
    void aShortenedLabelKeepsWhatTellsItsRowFromTheOthers() {
        List<String> cells = tableLines(GateReport.markdown(longGate())).stream().skip(2)
                .map(l -> l.split(" \\| ")[1]).toList();
        assertEquals(17, cells.stream().distinct().count(), "two rows read the same: " + cells);
        assertTrue(cells.contains("collectives · … · variant=allreduce"), cells.toString());
        assertEquals("queue · … · threads=virtual · variant=monitor", GateMarkdown.distinct(
                "queue · handoff · consumers=4 · threads=virtual · variant=monitor", List.of(
                        "queue · handoff · consumers=4 · threads=virtual · variant=monitor",
                        "queue · handoff · consumers=4 · threads=platform · variant=synchronous",
                        "sum · fork-join · 1M · p=2")));
        assertEquals("sum · fork-join · 1M · p=2", GateMarkdown.distinct("sum · fork-join · 1M · p=2",
                List.of("sum · fork-join · 1M · p=2")), "a workload's only row keeps its label");
    }

    @Test
    void aCutNeverSplitsAnEscapeAndTheLineStillFits() {
        String label = "a|b*c<d>e&f_g`h[i]j#k!l~m\\n".repeat(6);
        for (int max = 1; max < 80; max++) {
            String cut = GateMarkdown.fit(label, max);
            assertTrue(GateMarkdown.width(cut) <= Math.max(max, 1), max + ": " + cut);
            assertTrue(cut.equals("…") || java.util.stream.IntStream.range(1, label.length()).anyMatch(n -> cut.equals(
                    dev.parbench.report.text.Markdown.text(label.substring(0, n) + "…"))), "an escape cut in two: " + cut);
        }
        assertEquals("sum · fork-join · 1M…", GateMarkdown.fit("sum · fork-join · 1M · p=2", 22));
    }
}
