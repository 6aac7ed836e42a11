package dev.parbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.parbench.report.text.Html;
import dev.parbench.report.text.Slug;

/**
 * One self-contained HTML page: inline CSS, charts as inline SVG, sortable tables (a few lines of inline script),
 * nothing loaded from the network. Every point and bar shows its numbers on hover (an SVG {@code <title>}); a table
 * row links to its point in a chart (or to the chart it is in) and the point links back to the row.
 *
 * <p>Every text goes through {@link Html#text}, every attribute value through {@link Html#attr}, and every id, anchor
 * and chart file name through {@link Slug#of}: names from a results file can neither close an element or attribute
 * nor point a link or file elsewhere.
 */
final class HtmlPage {
    private HtmlPage() {
    }

    static String render(ReportView view, Map<String, String> svgByChart) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(view.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(view.title())).append("</h1>\n");
        for (String line : view.machine()) {
            h.append("<p class=\"machine\">").append(esc(line)).append("</p>\n");
        }
        h.append("<nav><ul>");
        for (ReportView.Section s : view.sections()) {
            h.append("<li><a href=\"#").append(Html.attr(Slug.of(s.id()))).append("\">").append(esc(s.heading()))
                    .append("</a></li>");
        }
        h.append("<li><a href=\"#notes\">Notes</a></li></ul></nav>\n</header>\n<main>\n");
        boolean warned = view.warnings().isEmpty();
        if (!warned && (view.sections().isEmpty() || !view.sections().get(0).id().equals(DecisionSection.ID))) {
            warnings(h, view);
            warned = true;
        }
        for (ReportView.Section s : view.sections()) {
            // the decision: the table at once (the answer on the first screen), its sentences after it
            boolean decision = s.id().equals(DecisionSection.ID);
            List<String> before = decision ? List.of() : s.summary();
            List<String> after = decision ? s.summary() : List.of();
            h.append("<section id=\"").append(Html.attr(Slug.of(s.id()))).append("\">\n<h2>").append(esc(s.heading()))
                    .append("</h2>\n<div class=\"summary\">");
            for (String line : before) {
                h.append("<p>").append(esc(line)).append("</p>");
            }
            h.append("</div>\n");
            Links links = new Links(s);
            for (ChartSpec c : s.charts()) {
                h.append("<figure id=\"").append(Html.attr(figureId(c))).append("\">")
                        .append(links.linkPoints(svgByChart.get(c.name())))
                        .append("<figcaption>").append(esc(c.title())).append(" &middot; <a href=\"")
                        .append(Html.attr(fileName(c))).append(".png\">PNG</a> &middot; <a href=\"").append(Html.attr(fileName(c)))
                        .append(".svg\">SVG</a>");
                if (!s.tables().isEmpty()) {
                    h.append(" &middot; <a class=\"to-table\" href=\"#").append(Html.attr(Slug.of(s.tables().get(0).id())))
                            .append("\">table</a>");
                }
                h.append("</figcaption></figure>\n");
            }
            for (ReportView.Table t : s.tables()) {
                table(h, t, links);
            }
            if (!after.isEmpty()) {
                h.append("<div class=\"summary\">");
                for (String line : after) {
                    h.append("<p>").append(esc(line)).append("</p>");
                }
                h.append("</div>\n");
            }
            for (ReportView.Fold f : s.folds()) {
                h.append("<details class=\"fold\"><summary>").append(esc(f.summary())).append("</summary><ul>");
                for (ReportView.FoldLine l : f.lines()) {
                    h.append("<li>").append(esc(l.text()));
                    if (!l.command().isEmpty()) {
                        h.append(" <code>").append(esc(l.command())).append("</code>");
                    }
                    h.append("</li>");
                }
                h.append("</ul></details>\n");
            }
            h.append("</section>\n");
            if (!warned) { // after the answer: what to keep in mind about the data behind it
                warnings(h, view);
                warned = true;
            }
        }
        h.append("<section id=\"notes\"><h2>Notes</h2><ul>");
        for (String n : view.notes()) {
            h.append("<li>").append(esc(n)).append("</li>");
        }
        h.append("</ul></section>\n</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The "About this data" box: the analysis's warnings about the results. */
    private static void warnings(StringBuilder h, ReportView view) {
        h.append("<section class=\"warnings\"><h2>About this data</h2><ul>");
        for (String w : view.warnings()) {
            h.append("<li>").append(esc(w)).append("</li>");
        }
        h.append("</ul></section>\n");
    }

    /** The key a chart value uses to name its table row: the row's leading cell texts. */
    static String rowKey(List<String> cells) {
        return String.join(" | ", cells);
    }

    private static final Pattern POINT = Pattern.compile("<a class=\"pb-pt\" id=\"([^\"]+)\" data-row=\"([^\"]*)\">");

    /**
     * The links of one section: rows are {@code <tableId>-r<n>}; a chart value whose row key matches the leading
     * cells of a row links to it, and the row links to the first such value; a row no value names links to the first
     * chart with a series or bar of its first cell's name, else to the section's first chart.
     */
    private static final class Links {
        private final ReportView.Section section;
        private final Map<String, String> rowByKey = new HashMap<>();
        private final Map<String, String> pointByRow = new HashMap<>();

        Links(ReportView.Section section) {
            this.section = section;
            for (ReportView.Table t : section.tables()) {
                for (int i = 0; i < t.rows().size(); i++) {
                    List<String> cells = new ArrayList<>();
                    for (ReportView.Cell c : t.rows().get(i)) {
                        cells.add(c.text());
                        rowByKey.putIfAbsent(Html.attr(rowKey(cells)), rowId(t, i));
                    }
                }
            }
        }

        static String rowId(ReportView.Table t, int i) {
            return Slug.of(t.id()) + "-r" + i;
        }

        /** Gives every linkable point of an inline SVG its href to its row. */
        String linkPoints(String svg) {
            if (svg == null) {
                return "";
            }
            Matcher m = POINT.matcher(svg);
            StringBuilder out = new StringBuilder(svg.length() + 256);
            while (m.find()) {
                String row = rowByKey.get(m.group(2)); // both sides escaped by Html.attr
                String replacement = m.group();
                if (row != null) {
                    pointByRow.putIfAbsent(row, m.group(1));
                    replacement = replacement.substring(0, replacement.length() - 1) + " href=\"#" + Html.attr(row)
                            + "\">";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Where a row's link goes: its point, or the chart its first cell names, or the first chart; null: none. */
        String target(String rowId, List<ReportView.Cell> row) {
            String point = pointByRow.get(rowId);
            if (point != null) {
                return point;
            }
            if (section.charts().isEmpty()) {
                return null;
            }
            String first = row.isEmpty() ? "" : row.get(0).text();
            for (ChartSpec c : section.charts()) {
                List<String> names = switch (c) {
                    case ChartSpec.Line l -> l.series().stream().map(ChartSpec.Series::name).toList();
                    case ChartSpec.Bars b -> b.bars().stream().map(ChartSpec.Bar::category).toList();
                    case ChartSpec.Heatmap hm -> hm.rows();
                    case ChartSpec.Gantt g -> g.lanes();
                };
                if (names.stream().anyMatch(n -> n.equals(first) || n.startsWith(first + " "))) {
                    return figureId(c);
                }
            }
            return figureId(section.charts().get(0));
        }
    }

    /**
     * A cell longer than this wraps (class {@code long}) instead of widening its table; headers wrap too, and so does
     * every cell of the two first tables (the decision and the gate's verdicts), which must fit a 1280-pixel window
     * (FirstScreenBrowserTest).
     */
    static final int LONG_CELL = 32;

    private static void table(StringBuilder h, ReportView.Table t, Links links) {
        h.append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"").append(Html.attr(Slug.of(t.id())))
                .append("\">\n<caption>").append(esc(t.caption()))
                .append(" <span class=\"hint\">(click a header to sort)</span></caption>\n<thead><tr>");
        for (String col : t.headers()) {
            h.append("<th scope=\"col\">").append(esc(col)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < t.rows().size(); i++) {
            List<ReportView.Cell> row = t.rows().get(i);
            String id = Links.rowId(t, i);
            String target = links.target(id, row);
            h.append("<tr id=\"").append(Html.attr(id)).append("\">");
            for (int k = 0; k < row.size(); k++) {
                ReportView.Cell c = row.get(k);
                h.append(c.text().length() > LONG_CELL ? "<td class=\"long\" data-sort=\"" : "<td data-sort=\"")
                        .append(Html.attr(c.sortKey())).append("\">").append(esc(c.text()));
                if (k == 0 && target != null) {
                    h.append(" <a class=\"to-chart\" href=\"#").append(Html.attr(target))
                            .append("\" title=\"show in the chart\">&#8599;</a>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    /** Element text: {@link Html#text}. */
    private static String esc(String s) {
        return Html.text(s);
    }

    /** The file name (without extension) a chart is written under, here and by {@link ChartFiles}. */
    static String fileName(ChartSpec c) {
        return Slug.of(c.name());
    }

    /** The id of a chart's figure in the page. */
    static String figureId(ChartSpec c) {
        return "fig-" + fileName(c);
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #222;
                   background: #fafafa; }
            header { background: #1f2d3d; color: #fff; padding: 1rem 2rem; }
            header h1 { margin: 0 0 .4rem 0; font-size: 1.5rem; }
            header .machine { margin: .1rem 0; font-size: .85rem; color: #cfd8e3; }
            nav ul { list-style: none; padding: 0; margin: .6rem 0 0 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
            nav a { color: #9fd3ff; }
            main { padding: 1rem 2rem 3rem 2rem; max-width: 1400px; }
            section { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: .5rem 1.5rem 1rem;
                      margin: 1.2rem 0; }
            .summary p { font-size: 1.02rem; line-height: 1.45; margin: .4rem 0; }
            .warnings { border-color: #e0b040; background: #fff8e6; }
            figure { display: inline-block; margin: .8rem .8rem .8rem 0; vertical-align: top; max-width: 100%; }
            figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: .8rem; color: #555; }
            .table-wrap { overflow-x: auto; margin: 1rem 0; }
            details.fold { margin: -.4rem 0 1rem 0; font-size: .85rem; }
            details.fold summary { cursor: pointer; color: #0072b2; }
            details.fold code { overflow-wrap: anywhere; }
            table { border-collapse: collapse; font-size: .85rem; }
            caption { text-align: left; font-weight: bold; padding: .3rem 0; }
            caption .hint { font-weight: normal; color: #888; }
            th, td { border: 1px solid #ddd; padding: .25rem .55rem; text-align: right; white-space: nowrap; }
            th { background: #f0f3f6; cursor: pointer; user-select: none; white-space: normal; }
            td.long { white-space: normal; min-width: 10rem; max-width: 36rem; overflow-wrap: anywhere;
                      text-align: left; }
            #decision-table td, #gate-table td, #gate-details td { white-space: normal; }
            #decision-table { font-size: .8rem; }
            #decision-table td { padding: .12rem .45rem; line-height: 1.25; }
            th.asc::after { content: " \\25B2"; } th.desc::after { content: " \\25BC"; }
            td:first-child, th:first-child { text-align: left; }
            tbody tr:nth-child(even) { background: #fbfbfb; }
            tr:target, tr:target td { background: #fff3b0; }
            a.to-chart { text-decoration: none; color: #0072b2; }
            .pb-pt { cursor: pointer; }
            .pb-pt:hover circle, .pb-pt:hover rect { fill-opacity: .18; }
            .pb-pt:target circle, .pb-pt:target rect { fill-opacity: .25; stroke: #d55e00; stroke-width: 3; }
            """;

    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, col) {
                th.addEventListener('click', function () {
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var asc = !th.classList.contains('asc');
                  table.querySelectorAll('th').forEach(function (o) { o.classList.remove('asc', 'desc'); });
                  th.classList.add(asc ? 'asc' : 'desc');
                  rows.sort(function (a, b) {
                    var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
                    var nx = parseFloat(x), ny = parseFloat(y);
                    var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x < y ? -1 : x > y ? 1 : 0);
                    return asc ? cmp : -cmp;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;
}
