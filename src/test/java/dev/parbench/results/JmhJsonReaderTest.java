package dev.parbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Golden fixtures: real JMH 1.37 runs (avgt with -prof gc, thrpt, sample, ss) and hand-written edge cases. */
class JmhJsonReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(JmhJsonReaderTest.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    @Test
    void averageTimeWithGcProfiler() {
        List<BenchmarkRecord> r = JmhJsonReader.readFile(fixture("avgt-gc.json"));
        assertEquals(1, r.size());
        BenchmarkRecord b = r.get(0);
        assertEquals("dev.parbench.bench.SumBench.sequential", b.benchmark());
        assertEquals("avgt", b.mode());
        assertEquals("1024", b.param("size"));
        assertEquals("us/op", b.primary().unit());
        assertEquals(2, b.primary().forks());
        assertEquals(2, b.primary().iterations().get(0).length);
        assertTrue(b.secondary().containsKey("gc.alloc.rate"), b.secondary().keySet().toString());
        assertEquals("MB/sec", b.secondary().get("gc.alloc.rate").unit());
        assertEquals(2, b.secondary().get("gc.alloc.rate").forks());
        assertTrue(b.jvm().get("jdkVersion").startsWith("25"), b.jvm().toString());
        assertTrue(b.jvmArgs().contains("--add-modules=jdk.incubator.vector"));
        assertFalse(b.primary().percentiles().isEmpty());
    }

    @Test
    void throughput() {
        BenchmarkRecord b = JmhJsonReader.readFile(fixture("thrpt.json")).get(0);
        assertEquals("thrpt", b.mode());
        assertEquals("ops/us", b.primary().unit());
        assertTrue(b.primary().iterations().get(0)[0] > 0);
    }

    @Test
    void sampleModeHistogramsBecomePerIterationMeans() {
        BenchmarkRecord b = JmhJsonReader.readFile(fixture("sample.json")).get(0);
        assertEquals("sample", b.mode());
        assertEquals(2, b.primary().forks());
        double[] it = b.primary().iterations().get(0);
        assertEquals(2, it.length);
        assertTrue(it[0] > 0 && Double.isFinite(it[0]));
        assertTrue(b.primary().percentiles().containsKey(99.0));
    }

    @Test
    void singleShot() {
        BenchmarkRecord b = JmhJsonReader.readFile(fixture("ss.json")).get(0);
        assertEquals("ss", b.mode());
        assertEquals(3, b.primary().iterations().get(0).length);
    }

    @Test
    void nonFiniteNumbersAsJmhWritesThem() {
        List<BenchmarkRecord> r = JmhJsonReader.readFile(fixture("nan-inf.json"));
        BenchmarkRecord b = r.get(0);
        assertTrue(Double.isNaN(b.primary().scoreError()));
        assertEquals(Double.POSITIVE_INFINITY, b.primary().iterations().get(0)[1]);
        assertEquals(Double.NEGATIVE_INFINITY, b.secondary().get("·custom").score());
        assertTrue(Double.isNaN(b.primary().percentiles().get(100.0)));
    }

    @Test
    void olderFilesWithoutParamsOrJvmFields() {
        BenchmarkRecord b = JmhJsonReader.readFile(fixture("foreign-old.json")).get(0);
        assertEquals("org.example.StringBench.concat", b.benchmark());
        assertTrue(b.params().isEmpty());
        assertTrue(b.jvm().isEmpty());
        assertTrue(b.jvmArgs().isEmpty());
        assertEquals("", b.paramLabel());
    }

    @Test
    void severalFilesMergeAndCarryTheirEnvironments() {
        RunData d = JmhJsonReader.read(List.of(fixture("avgt-gc.json"), fixture("thrpt.json")));
        assertEquals(2, d.records().size());
    }

    @ParameterizedTest
    @CsvSource({
        "empty.json, the file is empty",
        "truncated.json, malformed or truncated JSON at line",
        "not-jmh.json, not JMH JSON",
        "empty-array.json, holds no benchmark results",
        "bad-mode.json, unknown mode",
        "bad-number.json, is not a number",
    })
    void badInputIsOneClearLine(String file, String expected) {
        ResultsFormatException e = assertThrows(ResultsFormatException.class,
                () -> JmhJsonReader.readFile(fixture(file)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file), "names the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void missingFile() {
        ResultsFormatException e = assertThrows(ResultsFormatException.class,
                () -> JmhJsonReader.readFile(Path.of("no/such/results.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
