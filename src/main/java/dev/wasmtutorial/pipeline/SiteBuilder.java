package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.check.LinkChecker;
import dev.wasmtutorial.check.PageLinks;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.ProcessRunner;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.config.SourceTree;
import dev.wasmtutorial.content.ContentLoader;
import dev.wasmtutorial.content.FrontMatterMemo;
import dev.wasmtutorial.content.FrontMatterParser;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.RealPaths;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.markdown.MarkdownRenderer;
import dev.wasmtutorial.markdown.RenderedMarkdown;
import dev.wasmtutorial.publish.DemoPublisher;
import dev.wasmtutorial.publish.Precache;
import dev.wasmtutorial.publish.PublishedSite;
import dev.wasmtutorial.publish.ServiceWorker;
import dev.wasmtutorial.python.PythonExampleCheck;
import dev.wasmtutorial.publish.SitemapWriter;
import dev.wasmtutorial.publish.StagingSite;
import dev.wasmtutorial.render.AssetManifest;
import dev.wasmtutorial.render.PageComposer;
import dev.wasmtutorial.render.SiteContents;
import dev.wasmtutorial.render.TemplateRenderer;
import dev.wasmtutorial.wasm.DemoStage;
import dev.wasmtutorial.wasm.ValidationCache;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One full build: content → Markdown → templates → demos (build + validate) → assets, sitemap →
 * link check → atomic publish. Each stage does its own job; this class only passes results along.
 * On any error the staging folder is discarded and the published site is left as it was.
 */
public final class SiteBuilder {

    /** What a successful build produced, for the one-line summary. */
    /**
     * @param pagesRendered     pages whose Markdown was rendered (the others were unchanged and reused)
     * @param pagesComposed     pages laid out by the templates (the others' HTML was reused)
     * @param siteUnchanged     whether the published site already was exactly this build's result and was left as it was
     * @param upToDate          whether no input had changed since the last build, so that only the link check ran
     * @param modulesValidated  modules run on Chicory (-1 when every module is always run)
     */
    public record Summary(int pages, int modules, int links, int warnings, long millis, Map<String, Long> stageMillis,
                          int pagesRendered, int pagesComposed, int modulesValidated, boolean siteUnchanged, boolean upToDate) {
        public String oneLine() {
            return String.format("%s %d pages and %d Wasm modules%s, checked %d links in %d ms%s", upToDate ? "up to date:" : "built", pages,
                    modules, upToDate ? " as last built" : "", links, millis, warnings == 0 ? "" : " (" + warnings + " warnings)");
        }

        /** Where the time went: {@code load 120 ms, render 900 ms, ...}. */
        public String timings() {
            StringBuilder out = new StringBuilder("stages:");
            stageMillis.forEach((stage, ms) -> out.append(' ').append(stage).append(' ').append(ms).append(" ms,"));
            out.setLength(out.length() - 1);
            out.append(String.format("%npages: %d of %d rendered, %d laid out; %s", pagesRendered, pages, pagesComposed,
                    siteUnchanged ? "the published site was already up to date" : "published"));
            return out.toString();
        }
    }

    /** The asset bundler's and the post-processor's deadline: a command still running after it is stopped and the build fails. */
    private static final Duration FRONT_END_TIMEOUT = Duration.ofMinutes(10);

    /** Wall time per stage, in order. */
    private final Map<String, Long> stageMillis = new java.util.LinkedHashMap<>();
    private long stageStart;

    private void stage(String name) {
        long now = System.nanoTime();
        stageMillis.merge(name, (now - stageStart) / 1_000_000, Long::sum); // a stage may be timed in two parts
        stageStart = now;
    }


    private final SiteConfig config;
    private final PrintStream log;
    private final RenderCache renderCache;
    private final ValidationCache validationCache;

    public SiteBuilder(SiteConfig config, PrintStream log) {
        this(config, log, null, null);
    }

    /**
     * A builder that reuses what earlier builds with the same caches produced for unchanged
     * inputs (serve --watch keeps one pair for its whole session); null caches redo everything.
     */
    public SiteBuilder(SiteConfig config, PrintStream log, RenderCache renderCache, ValidationCache validationCache) {
        this.config = config;
        this.log = log;
        this.renderCache = renderCache;
        this.validationCache = validationCache;
    }

    public Summary build() {
        try (BuildLock lock = BuildLock.acquire(config, log, BuildLock.WAIT)) {
            everyPageMade = false;
            try {
                return buildSite();
            } finally {
                if (renderCache != null) {
                    renderCache.finish(everyPageMade);
                }
            }
        }
    }

    /** Set once every page of the site was asked of the cache: then what it did not ask for may be dropped. */
    private boolean everyPageMade;

    private Summary buildSite() {
        long start = System.nanoTime();
        stageStart = start;
        if (!config.assetsBuild().isEmpty()) {
            buildAssets();
            stage("assets");
        }
        // Nothing changed since the last build into this folder, which is still as it left it:
        // the result is known, only the link check runs again.
        String inputsBefore = null;
        List<String> includesBefore = List.of();
        long startMillis = System.currentTimeMillis();
        if (renderCache != null && LastBuild.applies(config)) {
            Optional<LastBuild> last = renderCache.lastBuild(config.outDir());
            includesBefore = last.map(LastBuild::includes).orElse(List.of());
            inputsBefore = LastBuild.inputs(config, renderCache.generator(), includesBefore, renderCache.fileHashes());
            if (last.isPresent() && last.get().inputs().equals(inputsBefore)) {
                Optional<Summary> same = upToDate(last.get(), start);
                if (same.isPresent()) {
                    return same.get();
                }
            }
            stage("up-to-date check");
        }
        Diagnostics diagnostics = new Diagnostics();
        SiteLayout layout = new SiteLayout(config.contentDir(), config.demoDirs());
        // Made on a thread of its own, and warmed up on a sample page, while this one loads the
        // content (the other core is mostly idle then); a build with nothing to do has returned
        // above without it.
        Supplier<MarkdownRenderer> markdown = EarlyStart.start("markdown-warm-up", () -> {
            MarkdownRenderer renderer = new MarkdownRenderer(layout, config.projectRoot());
            renderer.warmUp();
            return renderer;
        });

        List<Page> pages = new ContentLoader(config, layout,
                new FrontMatterParser(diagnostics, renderCache == null ? FrontMatterMemo.NONE : renderCache.frontMatter())).load();
        if (renderCache != null) {
            renderCache.frontMatter().finish();
        }
        Navigation navigation = new Navigation(pages);
        TemplateRenderer templates = new TemplateRenderer(config.templatesDir(), config.display(config.templatesDir()));
        AssetManifest assets = AssetManifest.read(config.assetsDir(), config.display(config.assetsDir()));
        PageComposer composer = new PageComposer(templates, navigation, config.siteTitle(), config.baseUrl(),
                config.extraScript() == null ? null : config.extraScript().sitePath(), assets);
        stage("load");

        // Staged before rendering: each page is written as soon as it is made, so creating the
        // files (kernel time, which grows after many files were deleted) overlaps the rendering.
        try (StagingSite staging = new StagingSite(config.outDir(), config.postProcess().isEmpty())) {
            pages.forEach(p -> staging.reserve(p.outputPath(), p.display())); // in page order: clashes reported the same way each time
            return publish(staging, new Started(start, startMillis, inputsBefore, includesBefore),
                    new Loaded(diagnostics, layout, pages, markdown, assets, composer));
        }
    }

    /** When the build started, and the inputs' hash taken then (null: this build is not recorded). */
    private record Started(long nanos, long millis, String inputsBefore, List<String> includesBefore) {
    }

    /** What the build read before rendering. */
    private record Loaded(Diagnostics diagnostics, SiteLayout layout, List<Page> pages, Supplier<MarkdownRenderer> markdown,
                          AssetManifest assets, PageComposer composer) {
    }

    private Summary publish(StagingSite staging, Started started, Loaded loaded) {
        long start = started.nanos();
        Diagnostics diagnostics = loaded.diagnostics();
        SiteLayout layout = loaded.layout();
        List<Page> pages = loaded.pages();
        Supplier<MarkdownRenderer> markdown = loaded.markdown();
        PageComposer composer = loaded.composer();
        // Pages are independent: render them in parallel, each written to staging when done (as
        // laid out now, or as the bytes it was published with when the cache had it).
        record RenderedPage(Page page, RenderedMarkdown body) {
        }
        String layoutFingerprint = renderCache == null ? null : composer.fingerprint();
        List<RenderedPage> rendered = PageRenderPool.render(pages, p -> {
            if (renderCache == null) {
                RenderedMarkdown body = markdown.get().render(p);
                staging.writeReserved(p.outputPath(), composer.compose(p, body), null);
                return new RenderedPage(p, body);
            }
            RenderCache.BuiltPage built = renderCache.build(p, markdown, layoutFingerprint, composer::compose);
            staging.writeReserved(p.outputPath(), built.composed(), built.bytes());
            return new RenderedPage(p, built.body());
        });
        rendered.forEach(r -> diagnostics.addAll(r.body().warnings()));
        int pagesRendered = renderCache == null ? pages.size() : renderCache.takeRenderedCount();
        int pagesComposed = renderCache == null ? pages.size() : renderCache.takeComposedCount();
        stage("render");

        new PythonExampleCheck(config.pythonCheck(), config.contentDir(), config.projectRoot().resolve("target/python-checks"),
                config::display, log).check(pages);
        stage("python");

        List<DemoStage.DemoResult> demos = new DemoStage(config, log, validationCache).run();
        int modulesValidated = validationCache == null ? -1 : validationCache.takeValidatedCount();
        stage("demos");

        Map<String, LinkProblemLocator.Origin> origins = new HashMap<>();
        List<String> sitemapPaths = new ArrayList<>();
        int moduleCount = 0;
        LinkChecker.Report report;
        for (RenderedPage r : rendered) {
            origins.put(r.page().outputPath(), new LinkProblemLocator.Origin(r.page().display(), r.body().links(), r.page().source()));
            sitemapPaths.add(PageComposer.canonicalPath(r.page().outputPath()));
        }
        copyContentFiles(staging, layout);
        copyTree(staging, config.assetsDir(), "assets/");
        if (config.extraScript() != null) {
            staging.writeText(config.extraScript().sitePath(), config.extraScript().text(), "extra script");
        }
        DemoPublisher demoPublisher = new DemoPublisher(config, layout, staging);
        for (DemoStage.DemoResult demo : demos) {
            moduleCount += demo.modules().size();
            for (DemoPublisher.PublishedPage page : demoPublisher.publish(demo)) {
                origins.put(page.sitePath(), new LinkProblemLocator.Origin(page.display(), List.of(), page.file()));
                sitemapPaths.add(page.sitePath());
            }
        }
        staging.writeText(composer.contents().treeFile(), composer.contents().treeJson(), "navigation tree (generated)");
        staging.writeText(SiteContents.PAGE, generated(SiteContents.PAGE, layoutFingerprint, () -> composer.composeContents(config.contentDir())),
                "contents page (generated)");
        sitemapPaths.add(SiteContents.PAGE);
        staging.writeText("404.html", generated("404.html", layoutFingerprint, composer::composeNotFound),
                config.display(config.templatesDir().resolve("404.peb")));
        everyPageMade = true;
        // A sitemap needs absolute URLs: only written when the site's public address is known.
        config.publicUrl().ifPresent(url -> staging.writeText("sitemap.xml", SitemapWriter.sitemap(url, sitemapPaths), "sitemap"));
        staging.writeText("robots.txt", SitemapWriter.robots(config.publicUrl().orElse(null)), "robots.txt");
        stage("write");
        if (!config.postProcess().isEmpty()) {
            postProcess(staging);
            stage("post-process");
        }
        Map<String, String> hashes = staging.contentHashes();
        List<String> entryAssets = PageComposer.ASSET_NAMES.stream().map(loaded.assets()::file).toList();
        staging.writeText(ServiceWorker.FILE, ServiceWorker.script(hashes, Precache.select(staging::size, staging::html, hashes.keySet(), entryAssets),
                Precache.large(staging::size, hashes.keySet())), "service worker");

        report = LinkChecker.ofLinks(staging.writtenPaths().keySet(), path -> linksOf(path, hashes.get(path), staging), config.basePath())
                .check();
        if (renderCache != null) {
            renderCache.linkFacts().finish();
        }
        writeExternalLinks(report);
        stage("check");
        if (!report.problems().isEmpty()) {
            LinkProblemLocator locator = new LinkProblemLocator(origins);
            List<BuildException> errors = report.problems().stream().map(locator::toError).toList();
            // Each once: all but the last here, the last by whoever catches it.
            errors.subList(0, errors.size() - 1).forEach(e -> log.println(e.oneLine()));
            throw errors.get(errors.size() - 1);
        }
        List<Diagnostics.Warning> warnings = diagnostics.warnings();
        if (!(config.strict() && warnings.size() == 1)) { // a single one is the error line below
            warnings.forEach(w -> log.println(w));
        }
        if (config.strict() && !warnings.isEmpty()) {
            Diagnostics.Warning first = warnings.get(0);
            throw new BuildException(first.location(), warnings.size() + " warning(s) in strict mode: " + first.message(),
                    "fix the warnings above, or build with --no-strict");
        }
        staging.commit();
        stage("publish");
        if (started.inputsBefore() != null) {
            recordLastBuild(started.inputsBefore(), started.includesBefore(), started.millis(), rendered.stream().map(r -> r.body().includes()).toList(),
                    staging.publishedId(), pages.size(), moduleCount, warnings);
        }
        return new Summary(pages.size(), moduleCount, report.linksChecked(), warnings.size(),
                (System.nanoTime() - start) / 1_000_000, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis)),
                pagesRendered, pagesComposed, modulesValidated, staging.publishedUnchanged(), false);
    }

    /**
     * Records this build for the next one, only if no input changed while it read them: the
     * inputs hash as they did when it started, and files that pages newly include were last
     * modified well before it started (they were not part of that first hash). Otherwise the
     * next build simply does the full work again.
     */
    private void recordLastBuild(String inputsBefore, List<String> includesBefore, long startMillis, List<Set<Path>> includedByPage,
                                 String publishedId, int pageCount, int moduleCount, List<Diagnostics.Warning> warnings) {
        List<String> includes = LastBuild.includesOf(includedByPage);
        String generator = renderCache.generator();
        FileHashes fileHashes = renderCache.fileHashes();
        String inputs = LastBuild.inputs(config, generator, includes, fileHashes);
        boolean stable = includes.equals(includesBefore) ? inputs.equals(inputsBefore)
                : LastBuild.inputs(config, generator, includesBefore, fileHashes).equals(inputsBefore) && LastBuild.untouchedSince(includes, startMillis);
        if (stable) {
            renderCache.lastBuild(config.outDir(), new LastBuild(inputs, publishedId, pageCount, moduleCount, includes,
                    warnings.stream().map(Object::toString).toList()));
        }
        fileHashes.save();
    }

    /**
     * The summary of a build that found its inputs as {@code last} had them: the published folder
     * is checked to be exactly what {@code last} left, and its links are checked again. Empty if
     * the folder changed since (or, which cannot happen, a link no longer resolves): then the
     * build does the full work.
     */
    private Optional<Summary> upToDate(LastBuild last, long start) {
        Optional<Map<String, String>> published = PublishedSite.asPublished(config.outDir(), last.publishedId());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        stage("up-to-date check");
        Map<String, String> hashes = published.get();
        LinkChecker.Report report = LinkChecker.ofLinks(hashes.keySet(), path -> renderCache.linkFacts().get(hashes.get(path),
                () -> PageLinks.of(readPublished(path))), config.basePath()).check();
        renderCache.linkFacts().finish();
        if (!report.problems().isEmpty()) {
            return Optional.empty();
        }
        writeExternalLinks(report);
        stage("check");
        last.warnings().forEach(log::println);
        return Optional.of(new Summary(last.pages(), last.modules(), report.linksChecked(), last.warnings().size(),
                (System.nanoTime() - start) / 1_000_000, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis)),
                0, 0, 0, true, true));
    }

    private String readPublished(String sitePath) {
        try {
            return Files.readString(config.outDir().resolve(sitePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staged page's links and anchors: remembered by its hash when this builder keeps a cache, else scanned. */
    private PageLinks linksOf(String sitePath, String sha256, StagingSite staging) {
        if (renderCache == null || sha256 == null) {
            return PageLinks.of(staging.html(sitePath));
        }
        return renderCache.linkFacts().get(sha256, () -> PageLinks.of(staging.html(sitePath)));
    }

    /** A page made from the layout alone (no Markdown), reused from the cache while the layout is unchanged. */
    private String generated(String sitePath, String layoutFingerprint, Supplier<String> compose) {
        return renderCache == null ? compose.get() : renderCache.generated(sitePath, layoutFingerprint, compose);
    }


    /**
     * Runs the configured post-processor (highlighting, search index) on the staged site, then
     * takes its result as the site: hashes, HTML for the link check and the file list are re-read.
     */
    private void postProcess(StagingSite staging) {
        staging.awaitWrites();
        List<String> command = new ArrayList<>(config.postProcess());
        command.add(staging.root().toString());
        log.println("post-process: " + String.join(" ", config.postProcess()));
        new ProcessRunner(log, FRONT_END_TIMEOUT).run(command, config.projectRoot(), "post-process (" + String.join(" ", config.postProcess()) + ")",
                "run the command by hand on a built site to see the full output");
        staging.refreshFromDisk("post-process");
    }

    /** Bundles the templates' assets with the front-end build (the same command whatever started the build). */
    private void buildAssets() {
        List<String> command = new ArrayList<>(config.assetsBuild());
        command.add(config.assetSources().toString());
        command.add(config.assetsDir().toString());
        new ProcessRunner(log, FRONT_END_TIMEOUT).run(command, config.projectRoot(), "asset bundling (" + String.join(" ", config.assetsBuild()) + ")",
                "run the command by hand to see the full output");
    }

    private void copyContentFiles(StagingSite staging, SiteLayout layout) {
        for (Path file : SourceTree.files(config.contentDir())) {
            if (!SiteLayout.isMarkdown(file)) {
                RealPaths.requireInside(file, SourceLocation.of(config.display(file)), config.projectRoot(), config.contentDir());
                staging.copy(file, layout.outputPathOf(file).orElseThrow(), config.display(file));
            }
        }
    }

    private void copyTree(StagingSite staging, Path dir, String prefix) {
        for (Path file : SourceTree.files(dir)) {
            String name = SitePaths.slashes(dir.relativize(file));
            if (!name.equals(AssetManifest.FILE)) {
                RealPaths.requireInside(file, SourceLocation.of(config.display(file)), config.projectRoot(), dir);
                staging.copy(file, prefix + name, config.display(file));
            }
        }
    }

    private void writeExternalLinks(LinkChecker.Report report) {
        try {
            Files.createDirectories(config.reportsDir());
            Files.writeString(config.reportsDir().resolve("external-links.txt"), String.join("\n", report.external()) + "\n");
        } catch (IOException e) {
            log.println("warning: cannot write " + config.reportsDir().resolve("external-links.txt") + ": " + e.getMessage());
        }
    }
}
