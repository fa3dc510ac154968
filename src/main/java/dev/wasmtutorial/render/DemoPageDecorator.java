package dev.wasmtutorial.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fills a demo page's {@code <... id="module-inspector">} placeholder with the panel generated
 * at build time. The rest of the hand-written page is kept as it is (no reformatting).
 */
public final class DemoPageDecorator {

    public static final String PLACEHOLDER_ID = "module-inspector";

    private DemoPageDecorator() {
    }

    /** True when the page has a placeholder for the inspector. */
    public static boolean wantsInspector(String html) {
        return html.contains("id=\"" + PLACEHOLDER_ID + "\"");
    }

    public static String decorate(String html, String panelHtml) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        Element placeholder = doc.getElementById(PLACEHOLDER_ID);
        if (placeholder == null) {
            return html;
        }
        placeholder.html(panelHtml);
        return doc.outerHtml();
    }
}
