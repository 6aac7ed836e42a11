package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.gate.GateConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code run --gate-subset}: the plan of compare's subset with the forks the stored gate needs, said up front. */
class GateSubsetRunTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = System.out;
        PrintStream e = System.err;
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = Main.execute(args);
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theRepositorySubsetGetsTheForksItsSizeNeeds() {
        String[] r = run("run", "--gate-subset", "--dry-run");
        assertEquals("0", r[0], r[1] + r[2]);
        GateConfig cfg = GateConfig.loadOrDefault(java.nio.file.Path.of(".ci/gate.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("gate subset: (\\d+) benchmarks; .* needs at "
                + "least (\\d+) forks per side to decide; this run makes (\\d+)\n").matcher(r[1]);
        assertTrue(m.find(), r[1]);
        int benchmarks = Integer.parseInt(m.group(1));
        assertEquals(GateCommand.forksPerSide(benchmarks, cfg.familyAlpha()), Integer.parseInt(m.group(2)));
        assertEquals(m.group(2), m.group(3));
        // the decisive property: the smallest Mann-Whitney p with that many forks clears α / benchmarks
        int n = Integer.parseInt(m.group(2));
        assertTrue(benchmarks * dev.parbench.gate.RankTests.smallestMannWhitneyP(n, n) < cfg.familyAlpha());
        assertTrue(benchmarks * dev.parbench.gate.RankTests.smallestMannWhitneyP(n - 1, n - 1) >= cfg.familyAlpha());
    }

    @Test
    void theFirstWorkloadShellIsWorkloadKindsFirst() {
        GateConfig.Pass p = new GateConfig.Pass("x\\.{first-workload-shell}\\.parallel$", java.util.Map.of());
        assertEquals("x\\." + dev.parbench.workload.WorkloadKind.values()[0].benchClass() + "\\.parallel$",
                p.includeRegex());
    }

    @Test
    void tooFewForksAreSaidUpFront() {
        String[] r = run("run", "--gate-subset", "--forks", "2", "--dry-run");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("this run makes 2 (too few: its gate can only be INCONCLUSIVE)"), r[1]);
    }

    @Test
    void theSubsetTakesNoMatrixFilters() {
        String[] r = run("run", "--gate-subset", "--workloads", "sum", "--dry-run");
        assertEquals("2", r[0], r[1] + r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("--gate-subset runs the subset"), r[2]);
    }
}
