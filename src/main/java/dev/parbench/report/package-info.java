/**
 * How it looks: {@link dev.parbench.report.ReportView} assembles from an {@link dev.parbench.analysis.Analysis} the
 * sections of a report (a view model of plain chart specs, sentences and rows, no statistics). Each kind of section
 * has its own classes: {@link dev.parbench.report.DecisionSection} (the answer), then how the run went:
 * {@link dev.parbench.report.StabilitySection} (was the machine steady) and {@link dev.parbench.report.ProbeSection};
 * for a model-matrix workload what it says ({@link dev.parbench.report.WorkloadProse}), what it draws
 * ({@link dev.parbench.report.WorkloadCharts}, each fork a dot by {@link dev.parbench.report.ForkDots}), its
 * tables ({@link dev.parbench.report.WorkloadTables}) and what each operation cost besides its time
 * ({@link dev.parbench.report.CostTable}, also the decision's sentence on the out-of-process model that loses
 * most); {@link dev.parbench.report.SeriesSection} for the
 * coordination families; {@link dev.parbench.report.ForeignView} for anyone's JMH results. The renderers draw it:
 * {@link dev.parbench.report.ChartRenderer} (JFreeChart; PNG via ChartUtils, SVG via JFreeSVG; line charts by
 * {@link dev.parbench.report.LineChart}, hover texts by {@link dev.parbench.report.ChartHover}),
 * {@link dev.parbench.report.HtmlPage} (one self-contained index.html: inline SVG, inline CSS and a few lines of
 * sorting script, nothing fetched from the network), {@link dev.parbench.report.TextSummaries} (summary.md,
 * summary.csv). {@link dev.parbench.report.ReportWriter} writes it all to a temporary folder and moves it into place;
 * {@link dev.parbench.report.ChartFiles} is the one loop that writes charts (the report's and the gate page's).
 *
 * <p>Every strategy has one colour in every chart ({@link dev.parbench.report.Palette}). Numbers are formatted with
 * {@code Locale.ROOT} so a decimal-comma locale never changes a figure.
 *
 * <p>May depend on: analysis, results, family, and the workload and strategy enums (for a workload's ceiling, a
 * model's colour, transport and split). Computes no statistics.
 */
package dev.parbench.report;
