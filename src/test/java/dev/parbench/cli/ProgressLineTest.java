package dev.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run's progress line: an ETA rescaled by what is done, redrawn in place on a terminal, one line otherwise. */
class ProgressLineTest {
    private static final long S = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1000 * S);
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);

    private ProgressLine line(boolean live, List<Double> planned) {
        return new ProgressLine(out, live, planned, clock::get, ProgressLine.WIDTH);
    }

    private String text() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEtaStartsFromThePlanAndIsRescaledByHowLongTheFinishedConfigurationsTook() {
        ProgressLine p = line(false, List.of(10.0, 10.0, 20.0, 40.0));
        assertEquals(80, p.etaSeconds(), 1e-9, "before anything ran: the plan");
        p.start(0, "a");
        clock.addAndGet(5 * S);
        assertEquals(75, p.etaSeconds(), 1e-9, "5 s into the first: the plan less what it has run");
        clock.addAndGet(15 * S); // the first took 20 s, twice its estimate
        p.finished();
        assertEquals(140, p.etaSeconds(), 1e-9, "70 s of plan left, at the pace of 2x the plan");
        p.start(1, "b");
        clock.addAndGet(10 * S); // the second took 10 s: on plan; 30 s for 20 planned overall
        p.finished();
        assertEquals(60 * 1.5, p.etaSeconds(), 1e-9, "60 s of plan left at 1.5x");
        p.start(2, "c");
        clock.addAndGet(100 * S); // far over its estimate: the ETA is never negative
        assertEquals(0, p.etaSeconds(), 1e-9);
        p.finished();
        p.start(3, "d");
        p.finished();
        assertEquals(0, p.etaSeconds(), 1e-9, "everything done");
    }

    @Test
    void withoutATerminalEachConfigurationGetsOneLineOfItsOwn() {
        ProgressLine p = line(false, List.of(10.0, 10.0, 10.0));
        p.start(0, "SumBench.parallel parallelism=2 size=1024");
        p.tick(); // iterations do not redraw a line that is not live
        clock.addAndGet(20 * S);
        p.finished();
        p.start(1, "SumBench.sequential size=1024");
        p.message(out, "[parbench] warning: something");
        p.finished();
        p.close();
        List<String> lines = text().lines().toList();
        assertFalse(text().contains("\r"), text());
        assertEquals(3, lines.size(), text());
        assertEquals("[parbench] [....................] fork 1/3 SumBench.parallel parallelism=2 size=1024 "
                + "0s, ETA ~30s", lines.get(0));
        assertEquals("[parbench] [######..............] fork 2/3 SumBench.sequential size=1024 20s, ETA ~40s",
                lines.get(1));
        assertEquals("[parbench] warning: something", lines.get(2));
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndMessagesGoAboveIt() {
        ProgressLine p = line(true, List.of(10.0, 10.0));
        p.start(0, "a long label ".repeat(20));
        clock.addAndGet(3 * S);
        p.tick();
        p.message(out, "parbench: configuration failed: x");
        p.finished();
        p.start(1, "b");
        p.close();
        String t = text();
        assertTrue(t.startsWith("\r[parbench] [....................] fork 1/2 a long label"), t);
        assertTrue(t.contains("\r[parbench] [....................] fork 1/2 a long label"), t);
        String[] draws = t.split("\r");
        for (String d : draws) {
            assertTrue(d.strip().length() <= ProgressLine.WIDTH, "wider than a terminal: " + d.length());
        }
        assertTrue(t.contains("3s, ETA ~17s"), "the redraw moved the ETA on: " + t);
        // the message cleared the line first, and sits on a line of its own
        assertTrue(t.contains("\r" + " ".repeat(ProgressLine.WIDTH) + "\rparbench: configuration failed: x\n"), t);
        assertTrue(t.matches("(?s).*fork 2/2 b 3s, ETA ~3s +\n"), "3 s for 10 planned: 0.3x " + t);
        assertEquals(2, t.chars().filter(c -> c == '\n').count(), "the message and the final newline only: " + t);
    }

    @Test
    void theLiveLineFitsTheTerminalsColumns() {
        assertEquals(ProgressLine.DEFAULT_WIDTH, ProgressLine.width(Map.of()));
        assertEquals(ProgressLine.DEFAULT_WIDTH, ProgressLine.width(Map.of("COLUMNS", "wide")));
        assertEquals(ProgressLine.WIDTH, ProgressLine.width(Map.of("COLUMNS", "200")));
        assertEquals(59, ProgressLine.width(Map.of("COLUMNS", "60")));
        assertEquals(40, ProgressLine.width(Map.of("COLUMNS", "10")));
        ProgressLine p = new ProgressLine(out, true, List.of(1.0), clock::get, 60);
        p.start(0, "x".repeat(200));
        assertEquals(60, text().length() - 1, text()); // after the '\r'
    }

    @Test
    void theModeFollowsTheTerminalUnlessTheEnvironmentForcesIt() {
        assertTrue(ProgressLine.live(Map.of(), true, true));
        assertFalse(ProgressLine.live(Map.of(), true, false), "JDK 22+: a console that is not a terminal");
        assertFalse(ProgressLine.live(Map.of(), false, false), "no console: a file or a pipe (CI)");
        assertTrue(ProgressLine.live(Map.of(ProgressLine.MODE_ENV, "live"), false, false));
        assertFalse(ProgressLine.live(Map.of(ProgressLine.MODE_ENV, "LINES"), true, true));
        assertTrue(ProgressLine.live(Map.of(ProgressLine.MODE_ENV, "bogus"), true, true));
    }
}
