package dev.parbench.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The run's progress on the console: a bar, the configuration that runs now, done/total, the elapsed time and an ETA.
 * The ETA starts from the plan's estimate of each configuration and is rescaled as configurations finish by how long
 * they really took against their estimate (a machine twice as slow as the plan assumes doubles what is left).
 * On a terminal the line is redrawn in place with {@code '\r'}; otherwise (a file, a CI log) a line is printed when a
 * new group (a round) starts, and otherwise at most once every {@link #QUIET_SECONDS}. Other messages go through {@link #message} so that they never land in the middle of the line.
 */
final class ProgressLine {
    /** The environment variable that forces the mode: {@code live} (redraw in place) or {@code lines}. */
    static final String MODE_ENV = "PARBENCH_CONSOLE";
    /** Widest line drawn in place: a line that wraps cannot be redrawn. */
    static final int WIDTH = 99;
    /** Width of a terminal that does not say its own ({@code COLUMNS} unset): the classic 80 columns, less one. */
    static final int DEFAULT_WIDTH = 79;
    private static final int BAR = 20;
    /** Without a terminal: within a group, at most one line this often. */
    static final long QUIET_SECONDS = 60;

    private final PrintStream out;
    private final boolean live;
    private final double[] planned;
    private final LongSupplier nanos;
    private final int width;
    private final long start;
    private double plannedDone;
    private double actualDone;
    private int current = -1;
    private String label = "";
    private long currentStart;
    private int drawn; // characters of the live line now on screen (0: none)
    private String group;
    private long lastPrinted = Long.MIN_VALUE;

    /**
     * @param out where the line goes
     * @param live redraw in place (a terminal) rather than one line per configuration
     * @param plannedSeconds the plan's estimate of each configuration to run, in run order
     * @param nanos the clock (System::nanoTime; a test gives its own)
     * @param width the widest line drawn in place (see {@link #width(Map)})
     */
    ProgressLine(PrintStream out, boolean live, List<Double> plannedSeconds, LongSupplier nanos, int width) {
        this.out = out;
        this.width = width;
        this.live = live;
        this.planned = plannedSeconds.stream().mapToDouble(Double::doubleValue).toArray();
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /**
     * Whether the console is a terminal to redraw on: {@value #MODE_ENV} decides when set ({@code live} or
     * {@code lines}); otherwise a terminal is there when the JVM has a console and (JDK 22+) it is a terminal.
     */
    static boolean live(Map<String, String> env, boolean hasConsole, boolean consoleIsTerminal) {
        String forced = env.getOrDefault(MODE_ENV, "").strip().toLowerCase(Locale.ROOT);
        if (forced.equals("live")) {
            return true;
        }
        if (forced.equals("lines")) {
            return false;
        }
        return hasConsole && consoleIsTerminal;
    }

    /** The live line's width: the terminal's {@code COLUMNS} less one, within 40 to {@link #WIDTH}. */
    static int width(Map<String, String> env) {
        try {
            return Math.max(40, Math.min(WIDTH, Integer.parseInt(env.getOrDefault("COLUMNS", "").strip()) - 1));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** {@link #live(Map, boolean, boolean)} for this process. */
    static boolean liveHere() {
        java.io.Console c = System.console();
        boolean terminal = c != null;
        if (c != null) {
            try { // Console.isTerminal() is JDK 22+: from then on System.console() is non-null when redirected too
                terminal = (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
            } catch (ReflectiveOperationException e) {
                terminal = true; // JDK 21: a console is only given to a terminal
            }
        }
        return live(System.getenv(), c != null, terminal);
    }

    /** Step {@code index} (0-based, in the order of the estimates) starts; each step is its own group. */
    synchronized void start(int index, String label) {
        start(index, label, label);
    }

    /**
     * Step {@code index} (0-based, in the order of the estimates) starts, in {@code group} (e.g. its round): without a
     * terminal, a line when the group changes, and otherwise at most one every {@link #QUIET_SECONDS}.
     */
    synchronized void start(int index, String label, String group) {
        current = index;
        this.label = label;
        currentStart = nanos.getAsLong();
        if (live) {
            redraw();
        } else if (!group.equals(this.group) || currentStart - lastPrinted >= QUIET_SECONDS * 1_000_000_000L) {
            out.println(render());
            lastPrinted = currentStart;
        }
        this.group = group;
    }

    /** The configuration that ran finished (or failed): its time now rescales the estimate of what is left. */
    synchronized void finished() {
        if (current >= 0 && current < planned.length) {
            plannedDone += planned[current];
            actualDone += (nanos.getAsLong() - currentStart) / 1e9;
        }
        current = -1;
    }

    /** Redraws the live line (elapsed and ETA move on); nothing when not live. */
    synchronized void tick() {
        if (live && current >= 0) {
            redraw();
        }
    }

    /** Prints one line of its own above the progress line. */
    synchronized void message(PrintStream to, String line) {
        clear();
        out.flush();
        to.println(line);
        to.flush();
        tick();
    }

    /** Leaves the live line where it is and moves below it: what follows starts on a fresh line. */
    synchronized void close() {
        if (drawn > 0) {
            out.println();
            out.flush();
            drawn = 0;
        }
    }

    /** Seconds still to go by the plan, scaled by how the finished configurations compared with their estimate. */
    synchronized double etaSeconds() {
        double scale = plannedDone > 0 && actualDone > 0 ? actualDone / plannedDone : 1;
        double left = -plannedDone; // what is not done: the current configuration and those after it
        for (double p : planned) {
            left += p;
        }
        double inCurrent = current >= 0 ? (nanos.getAsLong() - currentStart) / 1e9 : 0;
        return Math.max(0, left * scale - inCurrent);
    }

    /**
     * The line as it reads now: {@code [#####.....] fork 3/12 SumBench.parallel ... 1m02s, ETA ~4m10s};
     * on a terminal the label is cut to keep the line within the terminal's width.
     */
    synchronized String render() {
        int total = planned.length;
        int done = current >= 0 ? current : total;
        int barWidth = live ? Math.max(5, Math.min(BAR, width - 60)) : BAR; // a narrow terminal: a shorter bar
        int filled = total == 0 ? barWidth : barWidth * done / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(barWidth - filled) + "]";
        String times = String.format(Locale.ROOT, " %s, ETA ~%s", Plan.format(Duration.ofNanos(nanos.getAsLong()
                - start)), Plan.format(Duration.ofMillis(Math.round(etaSeconds() * 1000))));
        String head = "[parbench] " + bar + " fork " + Math.min(done + 1, total) + "/" + total + " ";
        int room = width - head.length() - times.length();
        if (!live) {
            return head + label + times;
        }
        // "~", not an ellipsis: a console without a UTF-8 locale prints "?" for one
        String what = label.length() <= room ? label : label.substring(0, Math.max(0, room - 1)) + "~";
        String line = head + what + times;
        return line.length() <= width ? line : line.substring(0, width); // narrower than the fixed part: cut
    }

    private void redraw() {
        String line = render();
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    private void clear() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }
}
