package dev.wasmtutorial.render;

import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.content.UrlPaths;
import dev.wasmtutorial.markdown.RenderedMarkdown;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the {@link PageModel} of a page (sidebar, previous/next, relative root) and renders its template. */
public final class PageComposer {

    private final TemplateRenderer templates;
    private final Navigation navigation;
    private final String siteTitle;
    private final URI baseUrl;
    private final boolean liveReload;
    private final AssetManifest assets;

    /** The assets templates may ask for by name. */
    private static final List<String> ASSET_NAMES = List.of("site.css", "site.js", "theme.js", "favicon.svg");

    public PageComposer(TemplateRenderer templates, Navigation navigation, String siteTitle, URI baseUrl, boolean liveReload,
                        AssetManifest assets) {
        this.templates = templates;
        this.navigation = navigation;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.liveReload = liveReload;
        this.assets = assets;
    }

    public String compose(Page page, RenderedMarkdown body) {
        List<PageModel.NavLink> nav = navigation.entries().stream()
                .map(p -> link(page, p))
                .toList();
        PageModel model = new PageModel(
                siteTitle,
                page.frontMatter().title(),
                page.frontMatter().description() == null ? "" : page.frontMatter().description(),
                body.html(),
                body.toc(),
                nav,
                navigation.previous(page).map(p -> link(page, p)).orElse(null),
                navigation.next(page).map(p -> link(page, p)).orElse(null),
                SiteLayout.rootPrefix(page.outputPath()),
                baseUrl.resolve(UrlPaths.encode(canonicalPath(page.outputPath()))).toString(),
                body.hasDiagram(),
                liveReload,
                assets.urls(SiteLayout.rootPrefix(page.outputPath()), ASSET_NAMES),
                !liveReload);
        return templates.render(page.frontMatter().template(), Map.of("page", model), new SourceLocation(page.display(), 1));
    }

    /** The 404 page: self-contained, its links absolute from the site's base path (it is served at any depth). */
    public String composeNotFound() {
        String basePath = baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
        PageModel model = new PageModel(siteTitle, "Page not found", "This page does not exist.", "", List.of(),
                navigation.entries().stream().map(p -> new PageModel.NavLink(p.frontMatter().title(),
                        basePath + UrlPaths.encode(canonicalPath(p.outputPath())), false)).toList(),
                null, null, basePath, baseUrl.resolve("404.html").toString(), false, false, assets.urls(basePath, ASSET_NAMES), false);
        return templates.render("404", Map.of("page", model), SourceLocation.of("404.html"));
    }

    private static PageModel.NavLink link(Page from, Page to) {
        return new PageModel.NavLink(to.frontMatter().title(), UrlPaths.encode(SiteLayout.relativeUrl(from.outputPath(), to.outputPath())), to == from);
    }

    /** Site-relative URL of a page, with index.html dropped (the form used in the sitemap). */
    public static String canonicalPath(String outputPath) {
        return outputPath.endsWith("index.html") ? outputPath.substring(0, outputPath.length() - "index.html".length()) : outputPath;
    }
}
