package dev.wasmtutorial.render;

import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.content.UrlPaths;
import dev.wasmtutorial.markdown.RenderedMarkdown;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.Map;

/** Builds the {@link PageModel} of a page (sidebar, breadcrumbs, previous/next, relative root) and renders its template. */
public final class PageComposer {

    private final TemplateRenderer templates;
    private final Navigation navigation;
    private final String siteTitle;
    private final URI baseUrl;
    private final String extraScript;
    private final AssetManifest assets;
    private final SiteContents contents;

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
        this.contents = new SiteContents(navigation);
    }

    /** The shared navigation tree and contents page of this site. */
    public SiteContents contents() {
        return contents;
    }

    /**
     * A hash of everything besides the page itself that a composed page depends on: templates,
     * navigation, site title, addresses, extra script and asset names. A page whose rendered
     * Markdown and this fingerprint are unchanged composes to the same bytes.
     */
    public String fingerprint() {
        return Hashes.sha256Hex(templates.fingerprint(), navigation.fingerprint(), siteTitle, String.valueOf(baseUrl),
                String.valueOf(extraScript), assets.toString());
    }

    public String compose(Page page, RenderedMarkdown body) {
        String from = page.outputPath();
        String root = SiteLayout.rootPrefix(from);
        PageModel model = PageModel.builder()
                .siteTitle(siteTitle)
                .title(page.frontMatter().title())
                .description(page.frontMatter().description() == null ? "" : page.frontMatter().description())
                .content(body.html())
                .toc(body.toc())
                .nav(sidebar(page, to -> UrlPaths.encode(SiteLayout.relativeUrl(from, to))))
                .previous(navigation.previous(page).map(p -> link(page, p)).orElse(null))
                .next(navigation.next(page).map(p -> link(page, p)).orElse(null))
                .root(root)
                .canonicalUrl(baseUrl == null ? null : baseUrl.resolve(UrlPaths.encode(canonicalPath(from))).toString())
                .hasDiagram(body.hasDiagram())
                .extraScript(extraScript == null ? null : root + extraScript)
                .assets(assets.urls(root, ASSET_NAMES))
                .breadcrumbs(breadcrumbs(page))
                .navTree(SiteLayout.relativeUrl(from, contents.treeFile()))
                .sitePath(from)
                .build();
        return templates.render(page.frontMatter().template(), Map.of("page", model), new SourceLocation(page.display(), 1));
    }

    /** The contents page: every listed page as nested lists, so the whole site is reachable without JavaScript. */
    public String composeContents(Path contentDir) {
        Page page = new Page(contentDir.toAbsolutePath().resolve(SiteContents.PAGE), "contents page (generated)", SiteContents.PAGE,
                new FrontMatter("Contents", "Every page of " + siteTitle + ", in reading order.", null, false, FrontMatter.DEFAULT_TEMPLATE),
                "", 1);
        return compose(page, new RenderedMarkdown(contents.contentsHtml(), List.of(), List.of(), Set.of(), false, List.of()));
    }

    /** The 404 page: self-contained, its links absolute from the site's base path (it is served at any depth). */
    public String composeNotFound() {
        String basePath = baseUrl == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
        PageModel model = PageModel.builder()
                .siteTitle(siteTitle)
                .title("Page not found")
                .description("This page does not exist.")
                .nav(sidebar(null, to -> basePath + UrlPaths.encode(canonicalPath(to))))
                .root(basePath)
                .canonicalUrl(baseUrl == null ? null : baseUrl.resolve("404.html").toString())
                .assets(assets.urls(basePath, ASSET_NAMES))
                .navTree(basePath + contents.treeFile())
                .sitePath("404.html")
                .build();
        return templates.render("404", Map.of("page", model), SourceLocation.of("404.html"));
    }

    /** The sidebar rows of a page (null: the top level only), with URLs made by {@code url} from site paths. */
    private List<PageModel.NavLink> sidebar(Page page, UnaryOperator<String> url) {
        return Sidebar.rows(navigation, page).stream().map(row -> row.isMore()
                ? new PageModel.NavLink(String.format(Locale.ROOT, "… %,d more", row.hidden()), url.apply(SiteContents.PAGE), false,
                        row.level(), true)
                : new PageModel.NavLink(row.node().title(), row.node().path().map(url).orElse(null),
                        page != null && row.node().page().orElse(null) == page, row.level(), false)).toList();
    }

    /** Home › section › … › this page, for pages inside a section; empty at the top level. */
    private List<PageModel.NavLink> breadcrumbs(Page page) {
        List<Navigation.Node> ancestors = navigation.ancestors(page);
        if (ancestors.isEmpty()) {
            return List.of();
        }
        List<PageModel.NavLink> crumbs = new ArrayList<>();
        navigation.root().page().ifPresent(home -> crumbs.add(link(page, home)));
        for (Navigation.Node section : ancestors) {
            crumbs.add(new PageModel.NavLink(section.title(),
                    section.path().map(p -> UrlPaths.encode(SiteLayout.relativeUrl(page.outputPath(), p))).orElse(null), false));
        }
        crumbs.add(link(page, page));
        return crumbs;
    }

    private static PageModel.NavLink link(Page from, Page to) {
        return new PageModel.NavLink(to.frontMatter().title(), UrlPaths.encode(SiteLayout.relativeUrl(from.outputPath(), to.outputPath())), to == from);
    }

    /** Site-relative URL of a page, with index.html dropped (the form used in the sitemap). */
    public static String canonicalPath(String outputPath) {
        return outputPath.endsWith("index.html") ? outputPath.substring(0, outputPath.length() - "index.html".length()) : outputPath;
    }
}
