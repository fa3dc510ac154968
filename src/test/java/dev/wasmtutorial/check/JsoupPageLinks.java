package dev.wasmtutorial.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The reference: what the link check read from jsoup's DOM before {@link TagScanner} (the same selectors). */
final class JsoupPageLinks {

    private static final String LINKING = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src]";

    private JsoupPageLinks() {
    }

    static PageLinks of(String html) {
        Document doc = Jsoup.parse(html);
        List<String> hrefs = new ArrayList<>();
        for (Element el : doc.select(LINKING)) {
            hrefs.add(el.attr(el.hasAttr("href") ? "href" : "src").strip());
        }
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        return new PageLinks(hrefs, ids);
    }
}
