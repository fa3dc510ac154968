package dev.wasmtutorial.render;

import dev.wasmtutorial.markdown.TocEntry;

import java.util.List;
import java.util.Map;

/**
 * What a template sees for one page. All URLs are relative to the page, so the site works from
 * any sub-path; {@code root} leads back to the site root ("" or "../"...). {@code assets} maps an
 * asset's name ({@code site.css}) to its URL from this page (content-hashed when bundled).
 * {@code nav} is the page's neighbourhood in the tree (see {@code Sidebar}); {@code navTree} the
 * URL of the whole tree's shared file, {@code sitePath} this page's path in it, and
 * {@code breadcrumbs} the sections leading to the page (empty at the top level).
 */
public record PageModel(
        String siteTitle,
        String title,
        String description,
        String content,
        List<TocEntry> toc,
        List<NavLink> nav,
        NavLink previous,
        NavLink next,
        String root,
        String canonicalUrl,
        boolean hasDiagram,
        boolean liveReload,
        Map<String, String> assets,
        boolean offline,
        List<NavLink> breadcrumbs,
        String navTree,
        String sitePath) {

    /**
     * A sidebar, breadcrumb or previous/next link. {@code url} is null for a section without a page;
     * {@code level} is the sidebar nesting (1 = top); {@code more} marks a row standing for entries
     * left out of a long list (it links to the contents page).
     */
    public record NavLink(String title, String url, boolean current, int level, boolean more) {
        public NavLink(String title, String url, boolean current) {
            this(title, url, current, 1, false);
        }
    }
}
