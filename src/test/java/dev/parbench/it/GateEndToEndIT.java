package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paired gate on real runs (the built jar on both sides, 5 or 6 interleaved rounds of a small subset): the same
 * build against itself passes; a candidate that is genuinely slower without any code change — its forks run with
 * {@code -XX:TieredStopAtLevel=1}, i.e. without the optimising compiler — is caught as a REGRESSION. Its config
 * (gate/e2e.json) uses a 25% threshold and a 10% noise margin: this checks the plumbing end to end on one benchmark,
 * and an A/A pair of one short benchmark did differ by 12% (p 0.04) on a quiet machine once; the C1-only candidate
 * is several times slower. The gate's error rates are the simulation tests' business.
 *
 * <p>Rounds (each is 4 JMH invocations of 2 JVMs: the benchmark and the reference on both sides): with one benchmark
 * the gate can decide from 5 pairs on (the smallest one-sided signed-rank p is 2^-n: 0.031 at 5; at 4, 0.0625, it
 * would be INCONCLUSIVE, exit 3). The A/A comparison runs 5: with no change, the chance that all 5 pairs lean one way
 * past the margin, the only way to p < 0.05 at 5, is at most 1/32, against up to 0.05 with more pairs (the same
 * holds for the reference's "machine moved"). The C1-only comparison runs the config's 6: it is still a REGRESSION
 * if one of its 6 pairs flips, as long as it is one of the two closest (p 2/64 or 3/64 < 0.05). Both ran 10 before:
 * 160 JVMs for the two comparisons, 88 now.
 */
class GateEndToEndIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"));

    private static int compare(Path out, String... extra) throws Exception {
        Path config = Path.of(GateEndToEndIT.class.getResource("/gate/e2e.json").toURI());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), "dev.parbench.cli.Main", "compare", "--baseline-jar", JAR.toString(),
                "--candidate-jar", JAR.toString(), "--config", config.toString(), "--out", out.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling(
                out.getFileName() + ".log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "compare did not finish");
        return p.exitValue();
    }

    @Test
    void sameBuildPassesAndAPlantedSlowdownIsCaught(@TempDir Path dir) throws Exception {
        Path aa = dir.resolve("aa");
        int same = compare(aa, "--rounds", "5");
        String aaLog = Files.readString(dir.resolve("aa.log"), StandardCharsets.UTF_8);
        assertEquals(0, same, "A/A should pass:\n" + aaLog);

        Path slow = dir.resolve("slow");
        int slower = compare(slow, "--candidate-jvm-args", "-XX:TieredStopAtLevel=1");
        String log = Files.readString(dir.resolve("slow.log"), StandardCharsets.UTF_8);
        assertEquals(1, slower, "a C1-only candidate should be a regression:\n" + log);
        JsonNode json = new ObjectMapper().readTree(slow.resolve("gate.json").toFile());
        JsonNode b = json.get("benchmarks").get(0);
        assertEquals("REGRESSION", b.get("verdict").asText(), b.toString());
        assertTrue(b.get("ratio").asDouble() > 1.1, b.toString());
        assertTrue(Files.readString(slow.resolve("gate-junit.xml")).contains("<failure"));
    }
}
