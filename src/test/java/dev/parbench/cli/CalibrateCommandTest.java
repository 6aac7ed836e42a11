package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.bench.CalibrationBench;
import dev.parbench.gate.GateConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The calibrate command's plumbing with a fake fork runner (no JMH): the candidate side is recognised by the plant
 * property, the planted work comes from CalibrationBench, the verdicts are tallied per level into the table.
 */
class CalibrateCommandTest {

    /** Writes JMH JSON for every configuration of a pass: 100 us/op times the planted work on the candidate side. */
    static final class PlantingRunner implements Comparison.ForkRunner {
        final List<String> calls = new ArrayList<>();
        final SplittableRandom noise = new SplittableRandom(7);

        @Override
        public void run(Path jar, GateConfig.Pass pass, Path json, String jvmArgs) throws IOException {
            boolean plant = jvmArgs.contains("-D" + CalibrationBench.PLANT_PROPERTY + "=true");
            calls.add((plant ? "B " : "A ") + pass.include());
            StringBuilder s = new StringBuilder("[");
            if (pass.include().contains("ReferenceBench")) {
                for (String m : List.of("lcg", "stream")) {
                    s.append(s.length() > 1 ? "," : "").append(record("dev.parbench.bench.ReferenceBench." + m,
                            "{}", 50 * (1 + 0.005 * noise.nextGaussian())));
                }
            } else {
                for (String planted : pass.params().get("planted")) {
                    for (String copy : pass.params().get("copy")) {
                        double work = plant ? CalibrationBench.plantedWork(Integer.parseInt(planted)) : 1;
                        s.append(s.length() > 1 ? "," : "").append(record("dev.parbench.bench.CalibrationBench.sum",
                                "{\"copy\": \"" + copy + "\", \"planted\": \"" + planted + "\"}",
                                100 * work * (1 + 0.005 * noise.nextGaussian())));
                    }
                }
            }
            Files.writeString(json, s.append("]").toString());
        }

        private static String record(String bench, String params, double score) {
            return String.format(Locale.ROOT, """
                    {"benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, "params": %s,
                     "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "us/op",
                                       "rawData": [[%s, %s, %s]]}, "secondaryMetrics": {}}
                    """, bench, params, score, score, score, score);
        }
    }

    @Test
    void plantsOnTheCandidateSideOnlyAndTalliesEveryLevel(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gate.json");
        Files.writeString(config, """
                {"threshold": 0.10, "delta": 0.02, "alpha": 0.05,
                 "compare": {"forks": 8, "warmupIterations": 1, "warmupMillis": 10, "iterations": 1,
                   "iterationMillis": 10, "reference": "dev\\\\.parbench\\\\.bench\\\\.ReferenceBench\\\\.(lcg|stream)$",
                   "extraRounds": 0, "passes": []}}
                """);
        CalibrateCommand cmd = new CalibrateCommand();
        PlantingRunner runner = new PlantingRunner();
        cmd.runner = runner;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int exit;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(cmd).execute("--config", config.toString(), "--jar", dir.resolve("x.jar")
                    .toString(), "--repetitions", "2", "--out", dir.resolve("out").toString());
        } finally {
            System.setOut(before);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        assertTrue(text.contains("estimated"), text);
        // 2 repetitions x 8 rounds x 2 sides x (the calibration pass + the references)
        assertEquals(2 * 8 * 2 * 2, runner.calls.size());
        assertTrue(text.contains("| 0% (A/A: false alarms) | +0.0% |"), text);
        assertTrue(text.contains("0 of 4 |"), text); // A/A: 2 repetitions x 2 copies, no false alarm
        // the measured slowdown is the planted work (0.5% noise per fork)
        assertTrue(text.matches("(?s).*\\| 20% \\| \\+19\\.9% \\| \\+(19\\.[6-9]|20\\.[0-2])% \\| 4 of 4 \\|.*"), text);
        // below the 10% threshold: never a REGRESSION
        assertTrue(text.matches("(?s).*\\| 5% \\| \\+5\\.1% \\| \\+(4\\.[8-9]|5\\.[0-4])% \\| 0 of 4 \\|.*"), text);
        assertTrue(Files.readString(dir.resolve("out/calibration.json")).contains("\"plantedPercent\" : 15"));
        assertTrue(Files.readString(dir.resolve("out/calibration.md")).contains("| 15% |"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"calibrate", "--repetitions", "0"},
                new String[] {"calibrate", "--levels", "5,200"}, new String[] {"calibrate", "--copies", "x"},
                new String[] {"calibrate", "--jar", "/nonexistent/benchmarks.jar"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            int exit;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = Main.execute(args);
            } finally {
                System.setErr(before);
            }
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, exit, String.join(" ", args) + ": " + text);
            assertEquals(1, text.strip().lines().count(), text);
        }
    }

    @Test
    void helpAndDryRunSayTheEstimate() {
        assertEquals(0, Main.execute("calibrate", "--help"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int exit;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            exit = Main.execute("calibrate", "--dry-run", "--jar", "pom.xml", "--config", "/nonexistent.json");
        } finally {
            System.setOut(before);
        }
        assertEquals(0, exit);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("estimated"), buf.toString(StandardCharsets.UTF_8));
    }
}
