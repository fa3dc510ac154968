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
    private final String extraScript;
    private final AssetManifest assets;

    /** The assets templates may ask for by name, and the search code every page may load. */
    public static final List<String> ASSET_NAMES = List.of("site.css", "site.js", "theme.js", "favicon.svg", "search.js");

    /**
     * @param baseUrl     the site's public address, or null (then pages carry no canonical link)
     * @param extraScript site path of one more script every page loads, or null
     */
    public PageComposer(TemplateRenderer templates, Navigation navigation, String siteTitle, URI baseUrl, String extraScript,
                        AssetManifest assets) {
        this.templates = templates;
        this.navigation = navigation;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.extraScript = extraScript;
        this.assets = assets;
    }

    public String compose(Page page, RenderedMarkdown body) {
        List<PageModel.NavLink> nav = navigation.entries().stream()
                .map(p -> link(page, p))
                .toList();
        String root = SiteLayout.rootPrefix(page.outputPath());
        PageModel model = PageModel.builder()
                .siteTitle(siteTitle)
                .title(page.frontMatter().title())
                .description(page.frontMatter().description() == null ? "" : page.frontMatter().description())
                .content(body.html())
                .toc(body.toc())
                .nav(nav)
                .previous(navigation.previous(page).map(p -> link(page, p)).orElse(null))
                .next(navigation.next(page).map(p -> link(page, p)).orElse(null))
                .root(root)
                .canonicalUrl(baseUrl == null ? null : baseUrl.resolve(UrlPaths.encode(canonicalPath(page.outputPath()))).toString())
                .hasDiagram(body.hasDiagram())
                .extraScript(extraScript == null ? null : root + extraScript)
                .assets(assets.urls(root, ASSET_NAMES))
                .build();
        return templates.render(page.frontMatter().template(), Map.of("page", model), new SourceLocation(page.display(), 1));
    }

    /** The 404 page: self-contained, its links absolute from the site's base path (it is served at any depth). */
    public String composeNotFound() {
        String basePath = baseUrl == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
        PageModel model = PageModel.builder()
                .siteTitle(siteTitle)
                .title("Page not found")
                .description("This page does not exist.")
                .nav(navigation.entries().stream().map(p -> new PageModel.NavLink(p.frontMatter().title(),
                        basePath + UrlPaths.encode(canonicalPath(p.outputPath())), false)).toList())
                .root(basePath)
                .canonicalUrl(baseUrl == null ? null : baseUrl.resolve("404.html").toString())
                .assets(assets.urls(basePath, ASSET_NAMES))
                .build();
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
