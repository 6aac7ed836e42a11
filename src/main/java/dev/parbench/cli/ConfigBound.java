package dev.parbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The wall-clock bound of one configuration. By default {@link #DEFAULT_FACTOR} times its planned time, at least
 * {@link #DEFAULT_FLOOR}; {@code --config-timeout} sets one bound for all. A configuration past its bound has its
 * process tree (its JMH fork and anything the fork started) killed, again every second until JMH gives up on it, and
 * {@link #run} then throws {@link Exceeded}: the run records it failed and goes on.
 */
final class ConfigBound {
    static final Duration DEFAULT_FLOOR = Duration.ofMinutes(5);
    static final int DEFAULT_FACTOR = 5;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private final Duration fixed;
    private final Supplier<Stream<ProcessHandle>> tree;

    /**
     * @param fixed the bound of every configuration (--config-timeout), or null for the default from the plan
     * @param tree the processes to kill when a configuration is over its bound (the run: this JVM's descendants)
     */
    ConfigBound(Duration fixed, Supplier<Stream<ProcessHandle>> tree) {
        this.fixed = fixed;
        this.tree = tree;
    }

    /** A configuration over its bound: what it was and what was done. */
    static final class Exceeded extends Exception {
        Exceeded(Duration bound, double plannedSeconds) {
            super(String.format(Locale.ROOT, "over its wall-clock bound of %s (planned ~%s): its JMH fork was killed",
                    format(bound), Plan.format(Duration.ofMillis(Math.round(plannedSeconds * 1000)))));
        }
    }

    /** As {@link Plan#format}, with tenths of a second for a bound under a minute that is not whole seconds. */
    static String format(Duration d) {
        return d.toMillis() < 60_000 && d.toMillis() % 1000 != 0
                ? String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0) : Plan.format(d);
    }

    /** The bound of a configuration planned to take {@code plannedSeconds}. */
    Duration of(double plannedSeconds) {
        if (fixed != null) {
            return fixed;
        }
        Duration scaled = Duration.ofMillis(Math.round(Math.max(0, plannedSeconds) * 1000 * DEFAULT_FACTOR));
        return scaled.compareTo(DEFAULT_FLOOR) > 0 ? scaled : DEFAULT_FLOOR;
    }

    /**
     * Runs {@code work} (one configuration's JMH invocation) under the bound of {@code plannedSeconds}; the timer
     * lives on {@code timer}, whose threads the run owns.
     */
    <T> T run(double plannedSeconds, ScheduledExecutorService timer, Callable<T> work) throws Exception {
        Duration bound = of(plannedSeconds);
        AtomicBoolean over = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer.scheduleWithFixedDelay(() -> {
            synchronized (done) { // never kills once the configuration is over: the next one's fork may be up
                if (!done.get()) {
                    over.set(true);
                    tree.get().forEach(ProcessHandle::destroyForcibly);
                }
            }
        }, bound.toMillis(), 1000, TimeUnit.MILLISECONDS);
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            if (stop(alarm, done, over)) {
                throw new Exceeded(bound, plannedSeconds);
            }
            throw e;
        }
        if (stop(alarm, done, over)) {
            throw new Exceeded(bound, plannedSeconds);
        }
        return result;
    }

    private static boolean stop(ScheduledFuture<?> alarm, AtomicBoolean done, AtomicBoolean over) {
        alarm.cancel(false);
        synchronized (done) {
            done.set(true);
        }
        return over.get();
    }

    /** {@code --config-timeout}'s value: {@code 90s}, {@code 10m}, {@code 1.5h}, {@code 500ms}, plain seconds. */
    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--config-timeout '" + text + "' is not a duration (use e.g. 90s, 10m, 1h)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = v * switch (unit) {
            case "ms" -> 1;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        };
        if (!(millis >= 100 && millis <= 7 * 24 * 3_600_000.0)) {
            throw new UsageException("--config-timeout must be between 100ms and a week, got " + text);
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
