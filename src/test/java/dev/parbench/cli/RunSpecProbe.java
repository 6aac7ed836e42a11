package dev.parbench.cli;

import java.util.List;

/** Test access to the run plan's include patterns (RunSpec's constructor is the CLI's). */
public final class RunSpecProbe {
    private RunSpecProbe() {
    }

    /** Every include pattern of a standard run of one workload. */
    public static List<String> includes(String workload) {
        return new RunSpec(Profile.STANDARD, List.of(workload), null, null, null, null, null, true).passes().stream()
                .flatMap(p -> p.includes().stream()).toList();
    }
}
