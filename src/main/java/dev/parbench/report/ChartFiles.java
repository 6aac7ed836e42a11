package dev.parbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes charts as {@code NAME.png} and {@code NAME.svg} into a folder: the one chart-writing loop of every page.
 * {@code NAME} is the chart's name as a {@link dev.parbench.report.text.Slug} ({@link HtmlPage#fileName}), so a name
 * built from a results file never leaves the folder.
 */
final class ChartFiles {
    private ChartFiles() {
    }

    /**
     * Writes each chart twice (PNG, SVG) into {@code dir}; returns chart name -> SVG text for inlining in a page.
     * {@code idPrefix} keeps the SVG element ids of one page distinct.
     */
    static Map<String, String> write(List<ChartSpec> charts, Path dir, String idPrefix) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> svgs = new LinkedHashMap<>();
        int n = 0;
        for (ChartSpec c : charts) {
            String file = HtmlPage.fileName(c);
            ChartRenderer.writePng(c, dir.resolve(file + ".png"));
            String svg = ChartRenderer.svg(c, idPrefix + n++);
            Files.writeString(dir.resolve(file + ".svg"), svg, StandardCharsets.UTF_8);
            svgs.put(c.name(), svg);
        }
        return svgs;
    }
}
