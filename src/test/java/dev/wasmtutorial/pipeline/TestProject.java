package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.TestFiles;

import dev.wasmtutorial.config.SiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small project in a temporary folder: the real templates, a few pages, and one demo whose
 * module is a committed test fixture (so these tests need no emcc).
 */
final class TestProject {

    final Path root;

    TestProject(Path root) {
        this.root = root;
        try {
            TestFiles.copyTree(Path.of("templates"), root.resolve("templates"));
            TestFiles.writeFixtureDemo(root.resolve("demo"), """
                    <!DOCTYPE html><html><head><title>Demo</title><link rel="icon" href="data:,"></head>
                    <body><a href="../index.html">back</a><section id="module-inspector"></section></body></html>
                    """);
            page("index.md", "Start", 1, "# Welcome\n\nRead the [intro](intro.md#how-it-runs) or try the [demo](../demo/index.html).\n");
            page("intro.md", "Intro", 2, "## How it runs\n\nText with `code`.\n\n```c include=\"../demo/wasm-checks.yaml\"\n```\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(String name, String title, int order, String body) throws IOException {
        Path file = root.resolve("content").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: " + title + "\ndescription: About " + title + ".\norder: " + order + "\n---\n" + body);
    }

    SiteConfig config() {
        return SiteConfig.builder(root).reportsDir(root.resolve("target/reports")).baseUrl(URI.create("https://example.org/tutorial/"))
                .siteTitle("Test site").demoDirs(List.of(root.resolve("demo"))).buildDemos(false).build();
    }

    /** Every file of the built site with its bytes, for before/after comparisons. */
    Map<String, String> snapshot() throws IOException {
        return snapshot(root.resolve("site"));
    }

    static Map<String, String> snapshot(Path site) throws IOException {
        return TestFiles.snapshot(site);
    }

}
