package dev.parbench.gate;

/**
 * The gate's finding for one benchmark: the two sides' centres (median fork, in the compared unit), the effect
 * (candidate / baseline cost ratio, median, with a 95% bootstrap interval), the raw and Holm-adjusted one-sided
 * p-values for "slower by more than δ" (and for "faster by more than δ"), the verdict and why.
 */
public record BenchmarkVerdict(String key, int baselineForks, int candidateForks, double baseline, double candidate,
        double ratio, double ratioLow, double ratioHigh, double pSlower, double pSlowerAdjusted, double pFaster,
        double pFasterAdjusted, Verdict verdict, String reason, GateConfig.Settings settings) {
}
