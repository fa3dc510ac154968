package dev.wasmtutorial.check;

import java.util.List;
import java.util.Set;

/**
 * What the link check needs from one HTML page, and nothing more: the targets of its links and
 * the names its fragments may point at. Small and immutable, so a build can keep it per page
 * content (e.g. by content hash) and skip reading a page that did not change.
 *
 * @param hrefs every {@code href} of {@code a}, {@code area}, {@code link} and every {@code src}
 *              of {@code img}, {@code script}, {@code source}, {@code iframe}, {@code video},
 *              {@code audio} (the {@code href} when such an element has both), character
 *              references decoded, surrounding white space stripped, in document order
 * @param ids   every {@code id} and every {@code <a name>}
 */
public record PageLinks(List<String> hrefs, Set<String> ids) {

    public PageLinks {
        hrefs = List.copyOf(hrefs);
        ids = Set.copyOf(ids);
    }

    /** The links and anchors of one page's HTML, in one pass over its tags (see {@link TagScanner}). */
    public static PageLinks of(String html) {
        return new TagScanner(html).scan();
    }
}
