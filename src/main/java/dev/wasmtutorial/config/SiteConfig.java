package dev.wasmtutorial.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a build needs to know, decided once by the CLI and passed down unchanged.
 *
 * @param projectRoot   the repository root; includes and links may not leave it
 * @param contentDir    the tutorial's Markdown
 * @param templatesDir  Pebble templates
 * @param assetsDir     static assets published under {@code assets/}: the templates' own, or the
 *                      front-end build's bundled copy (with a manifest of content-hashed names)
 * @param postProcess   a command run on the staged site before it is checked and published
 *                      (the staging folder is appended as its last argument); empty for none
 * @param outDir        the published site; replaced atomically on success, untouched on failure
 * @param reportsDir    build reports that are not part of the site (external links, timings)
 * @param baseUrl       public address of the site, used only where absolute URLs are required
 *                      (sitemap.xml, robots.txt); always ends with '/'
 * @param siteTitle     shown in the header and in every {@code <title>}
 * @param demoDirs      demo folders (each with a {@code wasm-checks.yaml}) published under their own name
 * @param buildDemos    run each demo's build script before validating its modules
 * @param strict        warnings fail the build
 * @param liveReload    add the live-reload client to every page (development server only)
 * @param pythonCheck   a command that runs the pages' Python examples (Pyodide under Node; two
 *                      file arguments are appended, see python.PythonExampleCheck); empty: not run
 */
public record SiteConfig(
        Path projectRoot,
        Path contentDir,
        Path templatesDir,
        Path assetsDir,
        List<String> postProcess,
        Path outDir,
        Path reportsDir,
        URI baseUrl,
        String siteTitle,
        List<Path> demoDirs,
        boolean buildDemos,
        boolean strict,
        boolean liveReload,
        List<String> pythonCheck) {

    /** A configuration that does not run the Python examples. */
    public SiteConfig(Path projectRoot, Path contentDir, Path templatesDir, Path assetsDir, List<String> postProcess, Path outDir,
                      Path reportsDir, URI baseUrl, String siteTitle, List<Path> demoDirs, boolean buildDemos, boolean strict,
                      boolean liveReload) {
        this(projectRoot, contentDir, templatesDir, assetsDir, postProcess, outDir, reportsDir, baseUrl, siteTitle, demoDirs, buildDemos,
                strict, liveReload, List.of());
    }

    public SiteConfig {
        Objects.requireNonNull(projectRoot, "projectRoot");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        contentDir = contentDir.toAbsolutePath().normalize();
        templatesDir = templatesDir.toAbsolutePath().normalize();
        assetsDir = assetsDir.toAbsolutePath().normalize();
        postProcess = List.copyOf(postProcess);
        pythonCheck = List.copyOf(pythonCheck);
        outDir = outDir.toAbsolutePath().normalize();
        reportsDir = reportsDir.toAbsolutePath().normalize();
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        demoDirs = demoDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** A path for messages: relative to the project root when inside it. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(projectRoot) ? projectRoot.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    public SiteConfig withOutDir(Path newOutDir) {
        return new SiteConfig(projectRoot, contentDir, templatesDir, assetsDir, postProcess, newOutDir, reportsDir, baseUrl, siteTitle, demoDirs, buildDemos, strict, liveReload, pythonCheck);
    }

    public SiteConfig withBaseUrl(URI newBaseUrl) {
        return new SiteConfig(projectRoot, contentDir, templatesDir, assetsDir, postProcess, outDir, reportsDir, newBaseUrl, siteTitle, demoDirs, buildDemos, strict, liveReload, pythonCheck);
    }

    public SiteConfig withLiveReload(boolean on) {
        return new SiteConfig(projectRoot, contentDir, templatesDir, assetsDir, postProcess, outDir, reportsDir, baseUrl, siteTitle, demoDirs, buildDemos, strict, on, pythonCheck);
    }

    public SiteConfig withBuildDemos(boolean on) {
        return new SiteConfig(projectRoot, contentDir, templatesDir, assetsDir, postProcess, outDir, reportsDir, baseUrl, siteTitle, demoDirs, on, strict, liveReload, pythonCheck);
    }
}
