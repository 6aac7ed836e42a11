package dev.parbench.gate;

/** What the gate says about one benchmark, and about a whole comparison (the worst of its benchmarks). */
public enum Verdict {
    PASS, IMPROVED, INCONCLUSIVE, REGRESSION;

    /** Exit code of a whole gate: 0 pass (or only improvements), 1 regression, 3 inconclusive. */
    public static int exitCode(Iterable<Verdict> verdicts, boolean inconclusiveOk) {
        boolean inconclusive = false;
        for (Verdict v : verdicts) {
            if (v == REGRESSION) {
                return 1;
            }
            inconclusive |= v == INCONCLUSIVE;
        }
        return inconclusive && !inconclusiveOk ? 3 : 0;
    }
}
