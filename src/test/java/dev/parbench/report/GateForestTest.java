package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.gate.BenchmarkVerdict;
import dev.parbench.gate.GateConfig;
import dev.parbench.gate.GateResult;
import dev.parbench.gate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate page's forest plot: one row per benchmark with a readable label, suspects first, each row's own threshold
 * (a socket rule's 15% beside the global 10%), colour by verdict; gate.md explains the regressions first after its
 * verdicts table.
 */
class GateForestTest {
    static final GateConfig.Settings TEN = new GateConfig.Settings(0.10, 0.02, 0.05);
    static final GateConfig.Settings FIFTEEN = new GateConfig.Settings(0.15, 0.02, 0.05);

    static BenchmarkVerdict v(String key, double ratio, double lo, double hi, double p, Verdict verdict,
            GateConfig.Settings s) {
        return new BenchmarkVerdict(key, 10, 10, 100, 100 * ratio, ratio, lo, hi, p / 20, p, 0.9, 1, verdict,
                verdict == Verdict.REGRESSION ? "slower beyond the threshold" : "", s);
    }

    static GateResult result() {
        String sum = "dev.parbench.bench.SumBench.parallel [kernel=simd, parallelism=2, size=1048576, strategy=";
        return new GateResult("paired mode: HEAD~1 (A) vs the working tree (B)", List.of("a note"), List.of(
                v(sum + "executor]", 1.01, 0.99, 1.03, 1, Verdict.PASS, TEN),
                v(sum + "parallel-stream]", 1.144, 1.077, 1.217, 0.004, Verdict.REGRESSION, TEN),
                v("dev.parbench.bench.SumBench.parallel [kernel=simd, parallelism=2, size=65536, strategy=socket]",
                        1.12, 1.02, 1.25, 0.3, Verdict.PASS, FIFTEEN),
                v("dev.parbench.bench.MandelbrotBench.sequential [size=1048576]", 0.97, 0.95, 0.99, 1,
                        Verdict.PASS, TEN),
                v(sum + "fork-join]", 1.153, 1.13, 1.18, 0.002, Verdict.REGRESSION, TEN)), false);
    }

    @Test
    void oneRowPerBenchmarkWithItsOwnThresholdSuspectsFirst(@TempDir Path dir) throws Exception {
        GateResult r = result();
        GateReport.write(r, dir.resolve("g"));
        Path png = dir.resolve("g/gate-ratio.png");
        assertTrue(Files.size(png) > 1000);
        String keep = System.getProperty("parbench.keepGatePage");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(png, Path.of(keep, "gate-ratio.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<BenchmarkVerdict> order = GateReport.suspectsFirst(r.verdicts());
        assertEquals(Verdict.REGRESSION, order.get(0).verdict());
        assertEquals(1.153, order.get(0).ratio(), 1e-12);
        assertEquals("sum · fork-join · 1M · p=2", GateReport.label(order.get(0).key()));
        assertEquals("random · fork-join · 1M · p=2", GateReport.label("dev.parbench.bench.MonteCarloBench.parallel "
                + "[kernel=simd, parallelism=2, size=1048576, strategy=fork-join]"));
        assertEquals("mandelbrot · sequential · 1M", GateReport.label(
                "dev.parbench.bench.MandelbrotBench.sequential [size=1048576]"));
        String svg = Files.readString(dir.resolve("g/gate-ratio.svg"));
        assertTrue(svg.contains("sum · socket · 64k · p=2 (threshold 15%)"), "the socket row names its threshold");
        String md = Files.readString(dir.resolve("g/gate.md"));
        int regressions = md.indexOf("### Regressions");
        assertTrue(regressions > md.indexOf(GateMarkdown.HEADER) && regressions < md.indexOf("### Every benchmark in full"), md);
        assertTrue(md.contains("- **sum · fork-join · 1M · p=2**: +15.3% [1.13, 1.18], 10 pairs, p = 0.00010 "
                + "(adjusted 0.0020), threshold 10%"), md);
    }

    @Test
    void theForestSpecHasOneLimitPerRow() {
        ChartSpec.Bars forest = ChartSpec.Bars.forest("f", "t", "s", "x", List.of(
                new ChartSpec.Bar("a", 1.1, 1.0, 1.2, java.awt.Color.RED),
                new ChartSpec.Bar("b", 1.0, 0.9, 1.1, java.awt.Color.BLUE)), List.of(1.1, 1.15), List.of());
        assertTrue(forest.forest());
        assertEquals(List.of(1.1, 1.15), forest.limits());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ChartSpec.Bars.forest(
                "f", "t", "s", "x", List.of(new ChartSpec.Bar("a", 1, 1, 1, java.awt.Color.RED)), List.of(1.1, 1.2),
                List.of()));
    }

    @Test
    void anImprovedRowShowsThePOfTheFasterSide() {
        BenchmarkVerdict better = new BenchmarkVerdict("dev.parbench.bench.SumBench.sequential [size=1048576]", 10,
                10, 100, 80, 0.80, 0.75, 0.85, 0.99, 1, 0.0011, 0.0332, Verdict.IMPROVED,
                "faster beyond the threshold, BH-adjusted p 0.0332", TEN);
        GateResult r = new GateResult("paired", List.of(), List.of(better), false);
        String row = GateReport.markdown(r).lines().filter(l -> l.startsWith("| ") && l.contains("IMPROVED"))
                .findFirst().orElseThrow(() -> new AssertionError(GateReport.markdown(r)));
        assertTrue(row.contains("| 0.033 |") && !row.contains("| 1.0 |"), row);
        String line = GateReport.console(r).lines().filter(l -> l.contains("IMPROVED")).findFirst().orElseThrow();
        assertTrue(line.contains("0.0332"), line);
        assertTrue(GateReport.explain(better).contains("adjusted 0.033"), GateReport.explain(better));
    }
}
