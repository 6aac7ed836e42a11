package dev.parbench.cli;

import dev.parbench.gate.GateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One single-fork JMH invocation of a comparison: {@code java -jar JAR INCLUDE -f 1 ... -rf json}, with the compare
 * config's iteration times and the pass's parameters. The wait is bounded; a hung invocation is killed with its
 * forks.
 */
record JmhForkRunner(GateConfig.Compare config) implements Comparison.ForkRunner {
    static final long INVOCATION_MINUTES = 15;

    @Override
    public void run(Path jar, GateConfig.Pass pass, Path json, String jvmArgs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(RunCommand.quietJvmArgs(Runtime.version().feature()));
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            cmd.add("-Djmh.ignoreLock=true"); // passed on when parbench itself was started with it
        }
        cmd.addAll(List.of("-jar", jar.toString(), pass.includeRegex(), "-f", "1", "-wi", String.valueOf(orZero(
                        config.warmupIterations())), "-w", config.warmupMillis() + "ms", "-i",
                String.valueOf(orZero(config.iterations())), "-r", config.iterationMillis() + "ms", "-foe", "true",
                "-rf", "json", "-rff", json.toString(), "-jvmArgsAppend", jvmArgs));
        if (pass.params() != null) {
            pass.params().forEach((k, v) -> {
                cmd.add("-p");
                cmd.add(k + "=" + String.join(",", v));
            });
        }
        Path log = json.resolveSibling(json.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(INVOCATION_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new UsageException("JMH on " + jar + " did not finish within " + INVOCATION_MINUTES
                    + " minutes; killed");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(json)) {
            throw new UsageException(failure(jar, p.exitValue(), Files.readAllLines(log)));
        }
    }

    /** One line for a failed JMH invocation: the first error-looking line of its log, else its last line. */
    static String failure(Path jar, int exit, List<String> log) {
        String line = log.stream().map(String::strip).filter(l -> l.startsWith("Exception") || l.contains("Error")
                || l.startsWith("<failure>") || l.contains("ERROR")).findFirst()
                .orElse(log.isEmpty() ? "no output" : log.get(log.size() - 1).strip());
        if (line.length() > 200) {
            // "~", not an ellipsis: a console without a UTF-8 locale prints "?" for one
            line = line.substring(0, 199) + "~";
        }
        return "JMH failed on " + jar + " (exit " + exit + "): " + line;
    }

    static long orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
