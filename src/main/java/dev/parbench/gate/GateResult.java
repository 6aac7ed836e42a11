package dev.parbench.gate;

import java.util.List;

/**
 * A whole comparison: how it was made (mode, what was normalised, notes a reader must see), the verdict per
 * benchmark, and the overall exit code.
 */
public record GateResult(String mode, List<String> notes, List<BenchmarkVerdict> verdicts, boolean inconclusiveOk) {

    public int exitCode() {
        return Verdict.exitCode(verdicts.stream().map(BenchmarkVerdict::verdict).toList(), inconclusiveOk);
    }

    public long count(Verdict v) {
        return verdicts.stream().filter(b -> b.verdict() == v).count();
    }

    /** The overall verdict: REGRESSION over INCONCLUSIVE over IMPROVED over PASS. */
    public Verdict overall() {
        for (Verdict v : List.of(Verdict.REGRESSION, Verdict.INCONCLUSIVE, Verdict.IMPROVED)) {
            if (count(v) > 0) {
                return v;
            }
        }
        return Verdict.PASS;
    }
}
