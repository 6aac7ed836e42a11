package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} never deletes what parbench did not write: an existing folder without parbench's marker, a report a
 * file was added to, and a symbolic link are refused with one line and exit 2, with everything left in place; a
 * report parbench wrote is replaced.
 */
class OutFolderRefusalTest {

    private static Path results(Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Files.copy(Path.of(OutFolderRefusalTest.class.getResource("/jmh/parbench-run/results.json").toURI()), json);
        return json;
    }

    /** Runs {@code report JSON --out OUT} and returns {exit code, stderr}. */
    private static Object[] report(Path json, Path out) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute("report", json.toString(), "--out", out.toString());
            return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(old);
        }
    }

    private static void assertRefused(Object[] r, Path out) {
        assertEquals(2, r[0], "exit 2");
        String err = (String) r[1];
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains("refused as --out") && err.contains(out.toString()), err);
    }

    @Test
    void aFolderParbenchDidNotWriteIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path json = results(dir);
        Path out = dir.resolve("mine");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("keep-me.txt"), "precious");
        Files.writeString(out.resolve("sub/also.txt"), "precious too");
        assertRefused(report(json, out), out);
        assertEquals("precious", Files.readString(out.resolve("keep-me.txt")));
        assertEquals("precious too", Files.readString(out.resolve("sub/also.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("mine", "results.json"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary or moved-aside folder left");
        }
    }

    @Test
    void theWorkingFolderIsRefused(@TempDir Path dir) throws Exception {
        Path json = results(dir);
        Path cwd = Path.of(".").toAbsolutePath().normalize();
        Object[] r = report(json, Path.of("."));
        assertEquals(2, r[0]);
        assertEquals(1, ((String) r[1]).lines().count(), (String) r[1]);
        assertTrue(Files.isRegularFile(cwd.resolve("pom.xml")), "the project is still there");
    }

    @Test
    void anEmptyExistingFolderIsRefusedToo(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("empty"));
        assertRefused(report(results(dir), out), out);
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void aReportParbenchWroteIsReplacedButNotOnceAFileWasAddedToIt(@TempDir Path dir) throws Exception {
        Path json = results(dir);
        Path out = dir.resolve("report");
        assertEquals(0, report(json, out)[0]);
        assertTrue(Files.isRegularFile(out.resolve(".parbench-report")), "the marker");
        assertEquals(0, report(json, out)[0], "its own report is replaced");
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertRefused(report(json, out), out);
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "the old report is untouched");
    }

    @Test
    void aSymbolicLinkIsRefusedAndWhatItPointsAtIsKept(@TempDir Path dir) throws Exception {
        Path json = results(dir);
        Path real = dir.resolve("report");
        assertEquals(0, report(json, real)[0]);
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertRefused(report(json, link), link);
        assertTrue(Files.isRegularFile(real.resolve("index.html")));
        // a link planted inside a report parbench wrote
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("keep.txt"), "x");
        Files.delete(real.resolve("index.html"));
        Files.createSymbolicLink(real.resolve("index.html"), other.resolve("keep.txt"));
        assertRefused(report(json, real), real);
        assertEquals("x", Files.readString(other.resolve("keep.txt")));
        assertFalse(Files.exists(dir.resolve("link/../nothing")));
    }
}
