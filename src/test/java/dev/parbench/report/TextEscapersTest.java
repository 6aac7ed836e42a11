package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.report.text.Csv;
import dev.parbench.report.text.Html;
import dev.parbench.report.text.Markdown;
import dev.parbench.report.text.Slug;
import dev.parbench.report.text.Xml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The escapers of report/text, one format each, and the slugs of ids and file names. */
class TextEscapersTest {

    @Test
    void aSlugKeepsSafeNamesAndHashesEveryOtherDistinctly() {
        assertEquals("sum-simd-speedup", Slug.of("sum-simd-speedup"));
        List<String> odd = List.of("Sum.Bench", "sum.bench", "sum_bench", "../../etc/passwd", "", "-a", "a-",
                "a--b", ReportInjectionTest.PAYLOAD, "x".repeat(200_000), "x".repeat(200_001), "é");
        for (String s : odd) {
            String slug = Slug.of(s);
            assertTrue(slug.matches("[a-z0-9-]{1,64}"), s + " -> " + slug);
            assertTrue(slug.contains("--"), "a changed value carries its hash: " + slug);
        }
        assertEquals(odd.size(), odd.stream().map(Slug::of).distinct().count(), "two inputs share a slug");
        assertNotEquals(Slug.of("a.b"), Slug.of("a_b"));
        assertEquals(Slug.of("Sum.Bench"), Slug.of("Sum.Bench"), "not deterministic");
    }

    @Test
    void aSlugPartStaysASlugInsideALongerName() {
        assertEquals("sum-simd", Slug.part("sum-simd"));
        for (String s : List.of("Sum (simd kernel)", ReportInjectionTest.PAYLOAD, "x".repeat(10_000), "", "a--b")) {
            String name = Slug.part(s) + "-262144-compare";
            assertTrue(name.length() <= Slug.MAX && !name.contains("--"), name);
            assertEquals(name, Slug.of(name), "a name built from a part is kept as it is");
        }
        assertNotEquals(Slug.part("a.b"), Slug.part("a_b"));
    }

    @Test
    void csvQuotesAsRfc4180AndDisarmsFormulasButNotNumbers() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1+2", Csv.cell("+1+2"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("-1.5", Csv.cell("-1.5"));
        assertEquals("+1e5", Csv.cell("+1e5"));
        assertEquals("-3.2e-05", Csv.cell("-3.2e-05"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"a\rb\"", Csv.cell("a\rb"));
        assertEquals("\"a\nb\"", Csv.cell("a\nb"));
        assertEquals("a\uFFFDb", Csv.cell("a\u0001b"));
        assertEquals("", Csv.cell(null));
        assertEquals("a,\"b,c\",'=1", Csv.row(List.of("a", "b,c", "=1")));
    }

    @Test
    void markdownTextStaysOnItsLineAndRendersAsText() {
        assertEquals("\\#\\# x", Markdown.text("## x"));
        assertEquals("a b", Markdown.text("a\nb"));
        assertEquals("a  b", Markdown.text("a\r\nb"));
        assertFalse(Markdown.text("a\nb\rc\u2028d").matches("(?s).*[\r\n\u2028].*"));
        assertEquals("&lt;img src=x&gt;", Markdown.text("<img src=x>"));
        assertEquals("a \\| b \\`c\\` \\*d\\* \\[e\\](f) \\_g\\_ \\!", Markdown.text("a | b `c` *d* [e](f) _g_ !"));
        assertEquals("&amp;lt;", Markdown.text("&lt;"));
        assertEquals("\uFFFD", Markdown.text("\u0007"));
    }

    @Test
    void aMarkdownCodeSpanCannotBeClosedOrLeaveItsCell() {
        assertEquals("` a `", Markdown.cellCode("a"));
        assertEquals("`` a`b ``", Markdown.cellCode("a`b"));
        assertEquals("``` a``b ```", Markdown.cellCode("a``b"));
        assertEquals("` a\\|b c `", Markdown.cellCode("a|b\nc"));
        assertEquals("` a|b c `", Markdown.code("a|b\nc"), "outside a table a | is shown as it is");
        assertEquals("`` a`b\uFFFD ``", Markdown.code("a`b\u0007"));
    }

    @Test
    void xmlAndHtmlEscapeMarkupAndReplaceWhatXmlForbids() {
        assertEquals("&quot;&gt;&lt;img&amp;&#39;&#10;&#9;&#13;\uFFFD", Xml.attr("\"><img&'\n\t\r\u0001"));
        assertEquals("&lt;a&gt;\n\t\n\uFFFD\uFFFD", Xml.text("<a>\n\t\r\u0000\u0085"));
        assertEquals("\uFFFDx\uD83D\uDE00", Xml.text("\uD800x\uD83D\uDE00"), "a lone surrogate goes, a pair stays");
        assertEquals("a\uFFFDb\uFFFD", Xml.clean("a\u001Bb\uFFFF"));
        assertEquals("<svg>ok</svg>", Xml.clean("<svg>ok</svg>"));
        assertEquals(Xml.attr("\"<'"), Html.attr("\"<'"));
        assertEquals("", Html.text(null));
    }
}
