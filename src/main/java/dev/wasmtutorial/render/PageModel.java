package dev.wasmtutorial.render;

import dev.wasmtutorial.markdown.TocEntry;

import java.util.List;
import java.util.Map;

/**
 * What a template sees for one page. All URLs are relative to the page, so the site works from
 * any sub-path; {@code root} leads back to the site root ("" or "../"...). {@code assets} maps an
 * asset's name ({@code site.css}) to its URL from this page (content-hashed when bundled).
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
        boolean offline) {

    /** A sidebar or previous/next link. */
    public record NavLink(String title, String url, boolean current) {
    }
}
