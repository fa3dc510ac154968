package dev.wasmtutorial.cli;

import dev.wasmtutorial.config.SiteConfig;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Options shared by the commands that build: where things are, and how strictly to build. */
final class ProjectOptions {

    @Option(names = "--root", description = "Project root (default: current folder).", defaultValue = ".")
    Path root;

    @Option(names = "--content", description = "Markdown folder (default: ROOT/content).")
    Path content;

    @Option(names = "--templates", description = "Pebble templates folder (default: ROOT/templates).")
    Path templates;

    @Option(names = "--assets", description = "Static assets to publish under assets/ (default: TEMPLATES/assets).")
    Path assets;

    @Option(names = "--post-process", split = " ", description = "A command run on the staged site before the link check, e.g. "
            + "\"node src/main/frontend/build.mjs postprocess\" (the staging folder is appended).")
    List<String> postProcess;

    @Option(names = "--python-check", split = " ", description = "A command that runs the pages' Python examples in Pyodide, e.g. "
            + "\"node src/main/frontend/check-python.mjs\" (without it the examples are not run).")
    List<String> pythonCheck;

    @Option(names = "--out", description = "Output folder, replaced on success (default: ROOT/site).")
    Path out;

    @Option(names = "--reports", description = "Folder for build reports outside the site (default: ROOT/target/site-reports).")
    Path reports;

    @Option(names = "--base-url", description = "Public URL of the site, for sitemap.xml and robots.txt (default: ${DEFAULT-VALUE}).",
            defaultValue = "http://localhost:8000/")
    URI baseUrl;

    @Option(names = "--demo", description = "A demo folder to publish (repeatable; default: ROOT/minimal-demo, ROOT/emscripten-starter-pack and ROOT/strings-demo).")
    List<Path> demos;

    @Option(names = "--no-demos", description = "Publish no demos (for sites or benchmarks without Wasm).")
    boolean noDemos;

    @Option(names = "--skip-demo-build", description = "Do not run the demos' build scripts (their modules are still validated).")
    boolean skipDemoBuild;

    @Option(names = "--no-strict", negatable = false, description = "Report warnings without failing the build (strict is the default).")
    boolean lenient;

    @Option(names = "--title", description = "Site title (default: ${DEFAULT-VALUE}).",
            defaultValue = "Running LLM Code on the Web · Part I")
    String title;

    SiteConfig toConfig() {
        Path r = root.toAbsolutePath().normalize();
        List<Path> demoDirs = noDemos ? List.of()
                : demos != null ? demos : List.of(r.resolve("minimal-demo"), r.resolve("emscripten-starter-pack"), r.resolve("strings-demo"));
        Path templatesDir = templates != null ? templates : r.resolve("templates");
        return new SiteConfig(r,
                content != null ? content : r.resolve("content"),
                templatesDir,
                assets != null ? assets : templatesDir.resolve("assets"),
                postProcess != null ? postProcess : List.of(),
                out != null ? out : r.resolve("site"),
                reports != null ? reports : r.resolve("target/site-reports"),
                baseUrl, title, demoDirs, !skipDemoBuild, !lenient, false, pythonCheck != null ? pythonCheck : List.of());
    }
}
