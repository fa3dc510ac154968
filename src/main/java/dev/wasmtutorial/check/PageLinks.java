package dev.wasmtutorial.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the link check needs of one page: its links in order and its anchors. (Placeholder until the scanner lands.) */
public record PageLinks(List<String> hrefs, Set<String> ids) {

    private static final String LINKING = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src]";

    public static PageLinks of(String html) {
        Document doc = Jsoup.parse(html);
        List<String> hrefs = new ArrayList<>();
        for (Element el : doc.select(LINKING)) {
            hrefs.add(el.attr(el.hasAttr("href") ? "href" : "src").strip());
        }
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        return new PageLinks(List.copyOf(hrefs), Set.copyOf(ids));
    }
}
