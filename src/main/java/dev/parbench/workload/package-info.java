/**
 * What is computed: the workloads, their seeded inputs and their sequential oracles.
 *
 * <p>Every workload is defined over a fixed grid of <em>blocks</em> ({@link dev.parbench.workload.Workload#blockSize()}
 * elements each, the last one possibly shorter). A strategy hands out contiguous block ranges and adds up the
 * partial results with {@link dev.parbench.workload.Workload#combine(long, long)}; because every partial result is
 * a {@code long} combined by wrap-around addition (associative and commutative) and every block's contribution
 * depends only on the block, <em>every partition of the blocks gives the bit-identical answer</em>. That is the
 * contract the strategy contract test checks against {@link dev.parbench.workload.Workload#oracle(Object)}.
 *
 * <p>Input generation ({@link dev.parbench.workload.Workload#prepare(int, long)}) is seeded and never timed: the
 * benchmarks call it at {@code Level.Trial}.
 *
 * <p>May not depend on: strategies, JMH, anything that draws or analyses.
 */
package dev.parbench.workload;
