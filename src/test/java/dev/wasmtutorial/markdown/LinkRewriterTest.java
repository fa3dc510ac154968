package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.SiteLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkRewriterTest {

    private final Path root = Path.of("/repo");
    private final LinkRewriter rewriter = new LinkRewriter(
            new SiteLayout(root.resolve("content"), List.of(root.resolve("minimal-demo"), root.resolve("emscripten-starter-pack"))), root);
    private final Path index = root.resolve("content/index.md");
    private final SourceLocation where = new SourceLocation("content/index.md", 3);

    @Test
    void rewritesTheSeedsLinks() {
        assertThat(rewriter.rewrite("intro_to_wasm.md#js-wasm-round-trip-browser", index, "index.html", where))
                .isEqualTo("intro_to_wasm.html#js-wasm-round-trip-browser");
        assertThat(rewriter.rewrite("../minimal-demo/index.html", index, "index.html", where)).isEqualTo("minimal-demo/index.html");
        assertThat(rewriter.rewrite("../emscripten-starter-pack/web/index.html", index, "index.html", where))
                .isEqualTo("emscripten-starter-pack/web/index.html");
        assertThat(rewriter.rewrite("README.md", index, "index.html", where)).isEqualTo("index.html");
    }

    @Test
    void leavesExternalLinksFragmentsAndQueriesAlone() {
        assertThat(rewriter.rewrite("https://emscripten.org/", index, "index.html", where)).isEqualTo("https://emscripten.org/");
        assertThat(rewriter.rewrite("mailto:a@b.c", index, "index.html", where)).isEqualTo("mailto:a@b.c");
        assertThat(rewriter.rewrite("#section", index, "index.html", where)).isEqualTo("#section");
        assertThat(rewriter.rewrite("page.md?x=1#y", index, "index.html", where)).isEqualTo("page.html?x=1#y");
    }

    @Test
    void refusesLinksThatLeaveTheProject() {
        assertThatThrownBy(() -> rewriter.rewrite("../../etc/passwd", index, "index.html", where))
                .isInstanceOf(BuildException.class).hasMessageContaining("points outside the project");
    }
}
