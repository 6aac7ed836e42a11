package dev.parbench.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code env}: prints (or writes) the machine description that every run stores as env.json. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print the machine description (CPU, cores, caches, memory, OS, JDK, git commit, date) as JSON.")
final class EnvCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> env = RunEnvironment.collect(Map.of());
        if (out == null) {
            System.out.print(RunEnvironment.toJson(env));
        } else {
            RunEnvironment.write(out, env);
        }
        return 0;
    }
}
