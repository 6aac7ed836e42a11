package dev.parbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code verify}, after the shaded jar is built: javac 23+ silently skips annotation processors found only
 * on the class path, and then the jar has no META-INF/BenchmarkList and fails only at run time.
 */
class BenchmarkJarIT {
    private static final Path JAR = Path.of(System.getProperty("parbench.jar", "target/benchmarks.jar"));

    @Test
    void jarListsEveryBenchmark() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "no jar at " + JAR);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            ZipEntry list = jar.getEntry("META-INF/BenchmarkList");
            assertNotNull(list, "META-INF/BenchmarkList missing: JMH's annotation processor did not run");
            String text;
            try (InputStream in = jar.getInputStream(list)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> expected = new java.util.ArrayList<>(List.of("BandwidthProbe_read", "BandwidthProbe_add",
                    "TransferProbe_loopback", "TransferProbe_pipe", "TransferProbe_workerStart"));
            for (dev.parbench.workload.WorkloadKind w : dev.parbench.workload.WorkloadKind.values()) {
                expected.add(w.benchClass() + "_sequential");
                expected.add(w.benchClass() + "_parallel");
            }
            for (String b : expected) {
                assertTrue(text.contains("dev.parbench.bench.jmh_generated." + b + "_jmhTest"),
                        b + " not in BenchmarkList");
            }
            assertEquals("org.openjdk.jmh.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void jarRunsTheCliAndPlansTheSmokeProfile() throws Exception {
        // every workload x every model of the default selection (sequential included; the opt-in engine models
        // are not) + 3 transfer probes + 4 bandwidth probes
        long models = java.util.stream.Stream.of(dev.parbench.strategy.StrategyKind.values()).filter(k -> !k.optIn())
                .count();
        long expected = dev.parbench.workload.WorkloadKind.values().length * models + 7;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", JAR.toString(), "dev.parbench.cli.Main", "run",
                "--profile", "smoke", "--dry-run").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("total: " + expected + " configurations"), out);
    }
}
