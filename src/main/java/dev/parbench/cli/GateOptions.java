package dev.parbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code gate} and {@code compare} share: settings file, output folder, and what exit 3 becomes. */
final class GateOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = ".ci/gate.json",
            description = "Thresholds, noise margin, alpha, per-benchmark rules and the compare subset "
                    + "(default: ${DEFAULT-VALUE} if present).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write gate.md, gate-junit.xml, gate.json, gate.html (and charts) here.")
    Path out;

    @Option(names = "--inconclusive-ok", description = "Exit 0 instead of 3 when the result is inconclusive.")
    boolean inconclusiveOk;
}
