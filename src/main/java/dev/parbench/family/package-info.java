/**
 * The benchmark families, declared once: which JMH classes belong together, what their x axis, variants and
 * secondary metrics are, and how they are analysed and drawn ({@link dev.parbench.family.Family.Layout}).
 *
 * <p>A family is the unit a user selects ({@code --patterns}), the analysis groups by, and the report gives a
 * section. The model matrix's classes come from {@link dev.parbench.workload.WorkloadKind}, so a new workload joins
 * it without an edit here.
 *
 * <p>Depends on {@code workload} only (names, no behaviour). May not depend on JMH, analysis, report or the CLI;
 * it names benchmark classes by their simple names so that the analysis of a JSON file never loads them.
 */
package dev.parbench.family;
