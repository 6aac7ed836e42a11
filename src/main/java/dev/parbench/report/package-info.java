/**
 * How it looks: {@link dev.parbench.report.ReportView} picks from an {@link dev.parbench.analysis.Analysis} what each
 * chart and table shows (a view model of plain chart specs and rows, no statistics), and the renderers draw it:
 * {@link dev.parbench.report.ChartRenderer} (JFreeChart; PNG via ChartUtils, SVG via JFreeSVG),
 * {@link dev.parbench.report.HtmlPage} (one self-contained index.html: inline SVG, inline CSS and a few lines of
 * sorting script, nothing fetched from the network), {@link dev.parbench.report.TextSummaries} (summary.md,
 * summary.csv). {@link dev.parbench.report.ReportWriter} writes it all to a temporary folder and moves it into place.
 *
 * <p>Every strategy has one colour in every chart ({@link dev.parbench.report.Palette}). Numbers are formatted with
 * {@code Locale.ROOT} so a decimal-comma locale never changes a figure.
 *
 * <p>May depend on: analysis, results. Computes no statistics.
 */
package dev.parbench.report;
