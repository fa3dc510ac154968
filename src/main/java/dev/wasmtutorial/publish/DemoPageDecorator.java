package dev.wasmtutorial.publish;

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

    /**
     * @param panelHtml        the inspector panel, or null to leave the placeholder alone
     * @param extraScript URL of one more script to load (development server's live reload), or null
     */
    public static String decorate(String html, String panelHtml, String extraScript) {
        String out = html;
        if (panelHtml != null) {
            Document doc = Jsoup.parse(html);
            doc.outputSettings().prettyPrint(false);
            Element placeholder = doc.getElementById(PLACEHOLDER_ID);
            if (placeholder != null) {
                placeholder.html(panelHtml);
                out = doc.outerHtml();
            }
        }
        if (extraScript != null) {
            // Inserted as text, not re-serialised: the page is otherwise byte for byte what a build without it publishes.
            String tag = "<script src=\"" + org.jsoup.nodes.Entities.escape(extraScript) + "\"></script>";
            int head = out.toLowerCase(java.util.Locale.ROOT).indexOf("</head>");
            out = head < 0 ? tag + out : out.substring(0, head) + tag + out.substring(head);
        }
        return out;
    }
}
