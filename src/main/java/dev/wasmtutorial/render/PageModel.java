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
 * {@code canonicalUrl} is null when the build was given no public URL; {@code extraScript} is
 * the URL of one more script to load (the development server's live reload), or null.
 * Built by name: {@code PageModel.builder().title(...)...build()}.
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
        String extraScript,
        Map<String, String> assets,
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

    public static Builder builder() {
        return new Builder();
    }

    /** Named fields for a {@link PageModel}; unset lists are empty, unset links and URLs null. */
    public static final class Builder {
        private String siteTitle;
        private String title;
        private String description = "";
        private String content = "";
        private List<TocEntry> toc = List.of();
        private List<NavLink> nav = List.of();
        private NavLink previous;
        private NavLink next;
        private String root = "";
        private String canonicalUrl;
        private boolean hasDiagram;
        private String extraScript;
        private Map<String, String> assets = Map.of();
        private List<NavLink> breadcrumbs = List.of();
        private String navTree;
        private String sitePath;

        private Builder() {
        }

        public Builder siteTitle(String v) { siteTitle = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder content(String v) { content = v; return this; }
        public Builder toc(List<TocEntry> v) { toc = v; return this; }
        public Builder nav(List<NavLink> v) { nav = v; return this; }
        public Builder previous(NavLink v) { previous = v; return this; }
        public Builder next(NavLink v) { next = v; return this; }
        public Builder root(String v) { root = v; return this; }
        public Builder canonicalUrl(String v) { canonicalUrl = v; return this; }
        public Builder hasDiagram(boolean v) { hasDiagram = v; return this; }
        public Builder extraScript(String v) { extraScript = v; return this; }
        public Builder assets(Map<String, String> v) { assets = v; return this; }
        public Builder breadcrumbs(List<NavLink> v) { breadcrumbs = v; return this; }
        public Builder navTree(String v) { navTree = v; return this; }
        public Builder sitePath(String v) { sitePath = v; return this; }

        public PageModel build() {
            return new PageModel(siteTitle, title, description, content, toc, nav, previous, next, root, canonicalUrl, hasDiagram,
                    extraScript, assets, breadcrumbs, navTree, sitePath);
        }
    }
}
