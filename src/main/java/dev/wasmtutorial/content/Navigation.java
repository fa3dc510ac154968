package dev.wasmtutorial.content;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sidebar order: pages with {@code nav: true}, by front matter {@code order}, then title,
 * then path (pages without an order come last). Previous/next follow the same order.
 */
public final class Navigation {

    private static final Comparator<Page> ORDER = Comparator
            .comparing((Page p) -> p.frontMatter().order() == null ? Integer.MAX_VALUE : p.frontMatter().order())
            .thenComparing(p -> p.frontMatter().title())
            .thenComparing(Page::outputPath);

    private final List<Page> entries;

    public Navigation(List<Page> pages) {
        this.entries = pages.stream().filter(p -> p.frontMatter().nav()).sorted(ORDER).toList();
    }

    public List<Page> entries() {
        return entries;
    }

    public Optional<Page> previous(Page page) {
        int i = entries.indexOf(page);
        return i > 0 ? Optional.of(entries.get(i - 1)) : Optional.empty();
    }

    public Optional<Page> next(Page page) {
        int i = entries.indexOf(page);
        return i >= 0 && i < entries.size() - 1 ? Optional.of(entries.get(i + 1)) : Optional.empty();
    }
}
