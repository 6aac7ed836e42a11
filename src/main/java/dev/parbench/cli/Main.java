package dev.parbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The parbench command line: {@code java -cp target/benchmarks.jar dev.parbench.cli.Main COMMAND ...}. */
@Command(name = "parbench", mixinStandardHelpOptions = true, version = "parbench 0.1",
        description = "Which concurrency model wins for this work on this machine, and from what size on?",
        subcommands = {RunCommand.class, ReportCommand.class, GateCommand.class, CompareCommand.class,
            CalibrateCommand.class, HistoryCommand.class, TimelineCommand.class, WorkerCommand.class, EnvCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad input or usage). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UsageException || e instanceof dev.parbench.results.ResultsFormatException) {
                // bad input found past a command's own checks (e.g. while analysing) is still one line and exit 2
                cmd.getErr().println("parbench: " + e.getMessage());
                return 2;
            }
            if (e instanceof java.nio.file.FileSystemException f) {
                // a path the user gave cannot be read or written: bad input, not a bug
                cmd.getErr().println("parbench: cannot use " + f.getFile()
                        + (f.getReason() != null ? ": " + f.getReason() : " (" + e.getClass().getSimpleName() + ")"));
                return 2;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("parbench: " + e.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName()
                    + " --help)");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
