package dev.wasmtutorial.content;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLayoutTest {

    private final Path root = Path.of("/repo");
    private final SiteLayout layout = new SiteLayout(root.resolve("content"), List.of(root.resolve("minimal-demo")));

    @Test
    void mapsSourcesToSitePaths() {
        assertThat(layout.outputPathOf(root.resolve("content/index.md"))).contains("index.html");
        assertThat(layout.outputPathOf(root.resolve("content/README.md"))).contains("index.html");
        assertThat(layout.outputPathOf(root.resolve("content/intro_to_wasm.md"))).contains("intro_to_wasm.html");
        assertThat(layout.outputPathOf(root.resolve("content/guide/setup.markdown"))).contains("guide/setup.html");
        assertThat(layout.outputPathOf(root.resolve("content/img/a.png"))).contains("img/a.png");
        assertThat(layout.outputPathOf(root.resolve("minimal-demo/dist/add_and_log.wasm"))).contains("minimal-demo/dist/add_and_log.wasm");
        assertThat(layout.outputPathOf(root.resolve("minimal-demo"))).contains("minimal-demo/index.html");
        assertThat(layout.outputPathOf(root.resolve("pom.xml"))).isEmpty();
    }

    @Test
    void relativeUrlsWorkFromAnyDepth() {
        assertThat(SiteLayout.relativeUrl("index.html", "intro.html")).isEqualTo("intro.html");
        assertThat(SiteLayout.relativeUrl("index.html", "minimal-demo/index.html")).isEqualTo("minimal-demo/index.html");
        assertThat(SiteLayout.relativeUrl("guide/setup.html", "intro.html")).isEqualTo("../intro.html");
        assertThat(SiteLayout.relativeUrl("guide/setup.html", "guide/other.html")).isEqualTo("other.html");
        assertThat(SiteLayout.rootPrefix("a/b/c.html")).isEqualTo("../../");
    }
}
