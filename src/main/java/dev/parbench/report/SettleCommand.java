package dev.parbench.report;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.ForkIntervals;
import java.util.List;

/**
 * The command that would measure a workload's configurations with enough forks for a claim
 * ({@link ForkIntervals#SETTLE_FORKS}): what a provisional figure's sentence quotes and what the decision table's
 * "how to settle" block lists.
 */
final class SettleCommand {
    private SettleCommand() {
    }

    /**
     * The run folder the results come from, when they are one parbench run's (one results file, its env.json with the
     * run's settings beside it): {@code run --settle} can then add rounds to it.
     */
    static java.util.Optional<String> runFolder(java.util.Map<String, java.util.Map<String, Object>> environments) {
        if (environments.size() != 1) {
            return java.util.Optional.empty();
        }
        var e = environments.entrySet().iterator().next();
        java.nio.file.Path parent = java.nio.file.Path.of(e.getKey()).toAbsolutePath().normalize().getParent();
        if (parent == null || !(e.getValue().get("run") instanceof java.util.Map<?, ?> run) || !run.containsKey("args")) {
            return java.util.Optional.empty();
        }
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return java.util.Optional.of((parent.startsWith(cwd) ? cwd.relativize(parent) : parent).toString());
    }

    /** {@code ./run-benchmarks.sh --settle FOLDER}, the folder quoted for a POSIX shell when it needs it. */
    static String settle(String folder) {
        String quoted = folder.matches("[A-Za-z0-9_./:=+-]+") ? folder : "'" + folder.replace("'", "'\\''") + "'";
        return "./run-benchmarks.sh --settle " + quoted;
    }

    /** {@code ./run-benchmarks.sh --workloads sum --kernels simd --strategies ... --forks 5}, without quotes. */
    static String of(Analysis.WorkloadResult w, List<String> strategies, List<Integer> sizes,
            List<Integer> parallelisms) {
        StringBuilder b = new StringBuilder("./run-benchmarks.sh --workloads ").append(w.workload());
        if (!w.kernel().isEmpty()) {
            b.append(" --kernels ").append(w.kernel());
        }
        b.append(" --strategies ").append(String.join(",", strategies));
        b.append(" --sizes ").append(String.join(",", sizes.stream().sorted().map(Formats::size).toList()));
        b.append(" --parallelism ").append(String.join(",", parallelisms.stream().sorted().map(String::valueOf)
                .toList()));
        return b.append(" --forks ").append(ForkIntervals.SETTLE_FORKS).toString();
    }
}
