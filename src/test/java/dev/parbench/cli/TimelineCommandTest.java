package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code timeline}: writes a page, a CSV and a PNG and SVG per model; bad input is one line and exit 2. */
class TimelineCommandTest {

    @Test
    void writesPngSvgAndHtmlPerModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tl");
        assertEquals(0, Main.execute("timeline", "--workload", "sum", "--size", "64k", "--parallelism", "2",
                "--strategies", "thread-per-task,fork-join", "--warmup", "1", "--operations", "2", "--out",
                out.toString()));
        for (String m : new String[] {"thread-per-task", "fork-join"}) {
            assertTrue(Files.size(out.resolve("timeline-" + m + ".png")) > 1000, m + " png");
            String svg = Files.readString(out.resolve("timeline-" + m + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("compute"), m + " svg");
        }
        String html = Files.readString(out.resolve("timeline.html"));
        assertTrue(html.contains("id=\"thread-per-task\"") && html.contains("id=\"fork-join\""), "a section each");
        assertTrue(html.contains("<title>task 0 on"), "bars show their times on hover");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "offline page: nothing fetched");
        String csv = Files.readString(out.resolve("timeline.csv"));
        assertEquals(2 * 2, csv.lines().filter(l -> l.startsWith("thread-per-task,")).count(),
                "two operations of two tasks");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) {
        String[][] bad = {
            {"--strategies", "no-such-model"},
            {"--strategies", "parallel-stream"},
            {"--strategies", "sequential"},
            {"--workload", "nope"},
            {"--size", "lots"},
            {"--parallelism", "0"},
            {"--operations", "0"},
            {"--parallelism", "two"},
        };
        PrintStream err = System.err;
        for (String[] b : bad) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int code;
            try {
                String[] args = new String[b.length + 3];
                args[0] = "timeline";
                System.arraycopy(b, 0, args, 1, b.length);
                args[b.length + 1] = "--out";
                args[b.length + 2] = dir.resolve("x").toString();
                code = Main.execute(args);
            } finally {
                System.setErr(err);
            }
            String text = bytes.toString(StandardCharsets.UTF_8).strip();
            assertEquals(2, code, String.join(" ", b));
            assertEquals(1, text.lines().count(), "one line: " + text);
            assertTrue(text.startsWith("parbench: "), text);
        }
        assertFalse(Files.exists(dir.resolve("x")), "nothing written on bad input");
    }

    @Test
    void helpWorks() {
        assertEquals(0, Main.execute("timeline", "--help"));
    }
}
