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
