/**
 * Is it worse? The regression gate's decision, following docs/METHOD.md: the unit is the fork (its median iteration);
 * per benchmark the log-ratios of candidate to baseline; a one-sided test of "slower by more than the noise margin
 * δ" — Wilcoxon signed-rank on paired forks (exact for small n), Mann-Whitney on unpaired runs — Holm's correction
 * across every gated benchmark; the effect is the median ratio with a seeded bootstrap interval.
 *
 * <p>Verdicts ({@link dev.parbench.gate.Verdict}): REGRESSION when the corrected p is below α and the ratio is at
 * least 1 + threshold; IMPROVED the mirror image; INCONCLUSIVE when there are too few forks for the test ever to
 * reach the corrected α, or when the reference benchmark (unchanged code on both sides) moved, i.e. the machine
 * changed speed; PASS otherwise.
 *
 * <p>Imports neither JFreeChart nor JMH; draws nothing. Reads records from {@code results}.
 */
package dev.parbench.gate;
