package dev.wasmtutorial.cli;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.wasm.DemoFolders;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Options shared by the commands that build: where things are, and how strictly to build. */
final class ProjectOptions {

    @Option(names = "--root", description = "Project root (default: current folder).", defaultValue = ".")
    Path root;

    @Option(names = "--content", description = "Markdown folder (default: ROOT/content).")
    Path content;

    @Option(names = "--templates", description = "Pebble templates folder (default: ROOT/templates).")
    Path templates;

    @Option(names = "--assets", description = "Static assets to publish under assets/, used as they are (default: the front-end "
            + "build's bundle of TEMPLATES/assets when the project has one, else TEMPLATES/assets).")
    Path assets;

    @Option(names = "--post-process", split = " ", description = "A command run on the staged site before the link check (the "
            + "staging folder is appended; default: the project's \"node src/main/frontend/build.mjs postprocess\" when present).")
    List<String> postProcess;

    @Option(names = "--python-check", split = " ", description = "A command that runs the pages' Python examples in Pyodide, e.g. "
            + "\"node src/main/frontend/check-python.mjs\" (default: the project's when present; without one the examples are not run).")
    List<String> pythonCheck;

    @Option(names = "--no-front-end", description = "Do not use the project's front-end build (unbundled assets, no highlighting or search index).")
    boolean noFrontEnd;

    @Option(names = "--out", description = "Output folder, replaced on success (default: ROOT/site).")
    Path out;

    @Option(names = "--reports", description = "Folder for build reports outside the site (default: ROOT/target/site-reports).")
    Path reports;

    @Option(names = "--base-url", description = "Public URL of the site, for canonical links, sitemap.xml and robots.txt "
            + "(default: none, and then none of them names an absolute URL).")
    String baseUrl;

    @Option(names = "--demo", description = "A demo folder to publish (repeatable; default: every top-level folder with a wasm-checks.yaml).")
    List<Path> demos;

    @Option(names = "--no-demos", description = "Publish no demos (for sites or benchmarks without Wasm).")
    boolean noDemos;

    @Option(names = "--skip-demo-build", description = "Do not run the demos' build scripts (their modules are still validated).")
    boolean skipDemoBuild;

    @Option(names = "--drafts", description = "Also publish pages whose front matter says 'draft: true'.")
    boolean drafts;

    @Option(names = "--no-strict", negatable = false, description = "Report warnings without failing the build (strict is the default).")
    boolean lenient;

    @Option(names = "--title", description = "Site title (default: ${DEFAULT-VALUE}).", defaultValue = SiteConfig.DEFAULT_TITLE)
    String title;

    private URI baseUrl() {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(baseUrl);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new BuildException(null, "--base-url '" + baseUrl + "' is not an absolute URL", "write e.g. --base-url https://example.org/tutorial/");
    }

    /** Whether the demos are found (every top-level folder with a checks file) rather than named or turned off. */
    boolean demosDiscovered() {
        return !noDemos && demos == null;
    }

    SiteConfig toConfig() {
        Path r = root.toAbsolutePath().normalize();
        SiteConfig.Builder config = SiteConfig.builder(r)
                .contentDir(content)
                .templatesDir(templates)
                .outDir(out)
                .reportsDir(reports)
                .baseUrl(baseUrl())
                .siteTitle(title)
                .demoDirs(noDemos ? List.of() : demos != null ? demos : DemoFolders.discover(r))
                .buildDemos(!skipDemoBuild)
                .strict(!lenient)
                .drafts(drafts);
        Optional<FrontEnd> frontEnd = noFrontEnd || (assets != null && postProcess != null) ? Optional.empty()
                : FrontEnd.find(r, System.out);
        if (assets != null) {
            config.assetsDir(assets);
        } else {
            frontEnd.ifPresent(f -> config.assetsDir(f.bundledAssets()).assetsBuild(f.assetsCommand()));
        }
        if (postProcess != null) {
            config.postProcess(postProcess);
        } else {
            frontEnd.ifPresent(f -> config.postProcess(f.postProcessCommand()));
        }
        if (pythonCheck != null) {
            config.pythonCheck(pythonCheck);
        } else {
            frontEnd.ifPresent(f -> config.pythonCheck(f.pythonCheckCommand()));
        }
        return config.build();
    }
}
