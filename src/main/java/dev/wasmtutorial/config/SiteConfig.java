package dev.wasmtutorial.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a build needs to know, decided once by the CLI and passed down unchanged. Built by
 * name with {@link #builder(Path)} (every field has a default relative to the project root).
 *
 * @param projectRoot   the repository root; includes and links may not leave it
 * @param contentDir    the tutorial's Markdown
 * @param templatesDir  Pebble templates
 * @param assetsDir     static assets published under {@code assets/}: the templates' own, or the
 *                      front-end build's bundled copy (with a manifest of content-hashed names)
 * @param assetsBuild   a command that bundles the templates' {@code assets/} into {@code assetsDir}
 *                      before anything is rendered (source and output folders appended); empty for none
 * @param postProcess   a command run on the staged site before it is checked and published
 *                      (the staging folder is appended as its last argument); empty for none
 * @param outDir        the published site; replaced atomically on success, untouched on failure
 * @param reportsDir    build reports that are not part of the site (external links, timings)
 * @param baseUrl       public address of the site, used only where absolute URLs are required
 *                      (canonical links, sitemap.xml, robots.txt); always ends with '/'; null when
 *                      none was given, and then nothing absolute is written
 * @param siteTitle     shown in the header and in every {@code <title>}
 * @param demoDirs      demo folders (each with a {@code wasm-checks.yaml}) published under their own name
 * @param buildDemos    run each demo's build script before validating its modules
 * @param strict        warnings fail the build
 * @param extraScript   one more script every page loads (the development server's live-reload
 *                      client), or null; the build publishes it without knowing what it does
 * @param drafts        publish pages whose front matter says {@code draft: true}
 */
public record SiteConfig(
        Path projectRoot,
        Path contentDir,
        Path templatesDir,
        Path assetsDir,
        List<String> assetsBuild,
        List<String> postProcess,
        Path outDir,
        Path reportsDir,
        URI baseUrl,
        String siteTitle,
        List<Path> demoDirs,
        boolean buildDemos,
        boolean strict,
        ExtraScript extraScript,
        boolean drafts) {

    /** A script published at {@code sitePath} and loaded by every page, before the site's own module script. */
    public record ExtraScript(String sitePath, String text) {
    }

    public static final String DEFAULT_TITLE = "Running LLM Code on the Web · Part I";

    public SiteConfig {
        Objects.requireNonNull(projectRoot, "projectRoot");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        contentDir = contentDir.toAbsolutePath().normalize();
        templatesDir = templatesDir.toAbsolutePath().normalize();
        assetsDir = assetsDir.toAbsolutePath().normalize();
        assetsBuild = List.copyOf(assetsBuild);
        postProcess = List.copyOf(postProcess);
        outDir = outDir.toAbsolutePath().normalize();
        reportsDir = reportsDir.toAbsolutePath().normalize();
        if (baseUrl != null) {
            String base = baseUrl.toString();
            baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        }
        demoDirs = demoDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** A configuration with every default taken relative to {@code projectRoot}. */
    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot.toAbsolutePath().normalize());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(projectRoot);
        b.contentDir = contentDir;
        b.templatesDir = templatesDir;
        b.assetsDir = assetsDir;
        b.assetsBuild = assetsBuild;
        b.postProcess = postProcess;
        b.outDir = outDir;
        b.reportsDir = reportsDir;
        b.baseUrl = baseUrl;
        b.siteTitle = siteTitle;
        b.demoDirs = demoDirs;
        b.buildDemos = buildDemos;
        b.strict = strict;
        b.extraScript = extraScript;
        b.drafts = drafts;
        return b;
    }

    /** The site's public address, when one was given. */
    public Optional<URI> publicUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The path the site is served under: the base URL's path, or "/" without one. */
    public String basePath() {
        return baseUrl == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
    }

    /** A path for messages: relative to the project root when inside it. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(projectRoot) ? SitePaths.slashes(projectRoot.relativize(abs)) : abs.toString();
    }

    public SiteConfig withOutDir(Path newOutDir) {
        return toBuilder().outDir(newOutDir).build();
    }

    /** The templates' own static assets (the input of {@link #assetsBuild()}). */
    public Path assetSources() {
        return templatesDir.resolve("assets");
    }

    public SiteConfig withBuildDemos(boolean on) {
        return toBuilder().buildDemos(on).build();
    }

    /** Named settings for a {@link SiteConfig}; unset folders default to the project's layout. */
    public static final class Builder {
        private final Path projectRoot;
        private Path contentDir;
        private Path templatesDir;
        private Path assetsDir;
        private List<String> assetsBuild = List.of();
        private List<String> postProcess = List.of();
        private Path outDir;
        private Path reportsDir;
        private URI baseUrl;
        private String siteTitle = DEFAULT_TITLE;
        private List<Path> demoDirs = List.of();
        private boolean buildDemos = true;
        private boolean strict = true;
        private ExtraScript extraScript;
        private boolean drafts;

        private Builder(Path projectRoot) {
            this.projectRoot = projectRoot;
        }

        public Builder contentDir(Path v) { contentDir = v; return this; }
        public Builder templatesDir(Path v) { templatesDir = v; return this; }
        public Builder assetsDir(Path v) { assetsDir = v; return this; }
        public Builder assetsBuild(List<String> v) { assetsBuild = v; return this; }
        public Builder postProcess(List<String> v) { postProcess = v; return this; }
        public Builder outDir(Path v) { outDir = v; return this; }
        public Builder reportsDir(Path v) { reportsDir = v; return this; }
        public Builder baseUrl(URI v) { baseUrl = v; return this; }
        public Builder siteTitle(String v) { siteTitle = v; return this; }
        public Builder demoDirs(List<Path> v) { demoDirs = v; return this; }
        public Builder buildDemos(boolean v) { buildDemos = v; return this; }
        public Builder strict(boolean v) { strict = v; return this; }
        public Builder extraScript(ExtraScript v) { extraScript = v; return this; }
        public Builder drafts(boolean v) { drafts = v; return this; }

        public SiteConfig build() {
            Path templates = templatesDir != null ? templatesDir : projectRoot.resolve("templates");
            return new SiteConfig(projectRoot,
                    contentDir != null ? contentDir : projectRoot.resolve("content"),
                    templates,
                    assetsDir != null ? assetsDir : templates.resolve("assets"),
                    assetsBuild,
                    postProcess,
                    outDir != null ? outDir : projectRoot.resolve("site"),
                    reportsDir != null ? reportsDir : projectRoot.resolve("target/site-reports"),
                    baseUrl, siteTitle, demoDirs, buildDemos, strict, extraScript, drafts);
        }
    }
}
