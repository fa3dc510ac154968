package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.markdown.LinkRewriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Lets a hand-written demo page link to a tutorial page in a way that works in both places it
 * is opened: written as the page's Markdown source ({@code ../content/round_trip_flow.md}), the
 * link resolves when the repository root is served as the quickstart says (the browser shows
 * the Markdown) and on GitHub; on the published site it is rewritten to the rendered page
 * ({@code ../round_trip_flow.html}), exactly as links in the Markdown itself are.
 */
public final class DemoSourceLinks {

    /** A relative href whose path ends in .md, optionally followed by #fragment or ?query. */
    private static final Pattern MARKDOWN_HREF = Pattern.compile("^[^:?#]+\\.md([?#].*)?$");

    private DemoSourceLinks() {
    }

    /**
     * @param html     the demo page as written
     * @param file     the page's file in the repository
     * @param sitePath where the page is published
     * @param display  the page's name for errors
     */
    public static String rewrite(String html, Path file, String sitePath, String display, LinkRewriter rewriter) {
        if (!html.contains(".md")) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (MARKDOWN_HREF.matcher(href).matches()) {
                a.attr("href", rewriter.rewrite(href, file, sitePath, SourceLocation.of(display)));
                changed = true;
            }
        }
        return changed ? doc.outerHtml() : html;
    }
}
