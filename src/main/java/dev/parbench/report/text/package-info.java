/**
 * Escaping by construction: one small class per output format ({@link dev.parbench.report.text.Html},
 * {@link dev.parbench.report.text.Xml} for SVG and JUnit XML, {@link dev.parbench.report.text.Markdown},
 * {@link dev.parbench.report.text.Csv}) and {@link dev.parbench.report.text.Slug} for ids and file names. Every value
 * that came from a file (benchmark names, parameters, env.json lines) goes through one of them on its way out.
 */
package dev.parbench.report.text;
