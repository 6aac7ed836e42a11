package dev.parbench.cli;

import dev.parbench.bench.CostProfiler;
import dev.parbench.family.Families;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** How {@code run} invokes JMH for one configuration: its options, a silent output, and why an invocation failed. */
final class JmhInvocation {
    private JmhInvocation() {
    }

    /** JMH output that goes nowhere (benchmark lists, forks whose progress is ours to print). */
    static OutputFormat silent() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(java.io.OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
    }

    /**
     * JMH options of one configuration: the run's settings, its parameter values, its forks' flags, and for the model
     * matrix the {@link CostProfiler} (what each operation moved, started and allocated).
     */
    static Options options(RunCommand.Setup s, Configuration c) {
        CommandLineOptions user = s.user();
        ChainedOptionsBuilder b = new OptionsBuilder().parent(user)
                .include("^" + Pattern.quote(c.benchmark()) + "$")
                .forks(c.forks())
                .warmupIterations(s.wi()).warmupTime(s.wt())
                .measurementIterations(user.getMeasurementIterations().hasValue() ? s.mi()
                        : Math.max(s.mi(), c.minMeasurementIterations()))
                .measurementTime(s.mt())
                .shouldFailOnError(true); // JMH then says why; whether the run goes on is ours to decide
        c.params().forEach((k, v) -> b.param(k, v));
        if (Families.MODELS.owns(c.benchmark())) {
            b.addProfiler(CostProfiler.class); // the costs per operation beside the time: read between iterations
        }
        List<String> prepend = new ArrayList<>();
        if (!user.getJvm().hasValue()) { // the forks run on this JVM's java: its version decides the flag
            List<String> inherited = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
            RunCommand.quietJvmArgs(Runtime.version().feature()).stream().filter(f -> !inherited.contains(f))
                    .forEach(prepend::add); // forks inherit this JVM's flags: give each one once
        }
        prepend.addAll(user.getJvmArgsPrepend().orElse(List.of()));
        if (!prepend.isEmpty()) {
            b.jvmArgsPrepend(prepend.toArray(String[]::new));
        }
        if (user.getJvmArgsAppend().hasValue()) {
            b.jvmArgsAppend(forkJvmArgsAppend(c.forkJvmArgsAppend(), user.getJvmArgsAppend().get())
                    .toArray(String[]::new));
        }
        return b.build();
    }

    /**
     * The forks' appended flags when the user gives {@code -jvmArgsAppend}: the benchmark's own (its
     * {@code @Fork(jvmArgsAppend)}: the Vector API module, the heap) first, then the user's. JMH alone would replace
     * the benchmark's with the user's, and every simd fork would then fail without {@code --add-modules}.
     */
    static List<String> forkJvmArgsAppend(Collection<String> benchmarks, Collection<String> users) {
        List<String> all = new ArrayList<>(benchmarks);
        all.addAll(users);
        return all;
    }

    /** The one line that says why JMH failed: the innermost cause (a benchmark's exception, a fork's exit code). */
    static String reason(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 32; depth++) {
            Throwable next = t.getCause() != null ? t.getCause()
                    : t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null;
            if (next == null || next == t) {
                break;
            }
            t = next;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().strip().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
