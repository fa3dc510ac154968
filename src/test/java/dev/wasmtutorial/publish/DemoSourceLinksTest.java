package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.markdown.LinkRewriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSourceLinksTest {

    private final Path root = Path.of("/repo");
    private final LinkRewriter rewriter = new LinkRewriter(
            new SiteLayout(root.resolve("content"), List.of(root.resolve("minimal-demo"), root.resolve("emscripten-starter-pack"))), root);

    @Test
    void markdownSourcesBecomeRenderedPagesAtAnyDepth() {
        String html = "<p><a href=\"../content/round_trip_flow.md\">how</a> <a href=\"main.js\">js</a></p>";
        String out = DemoSourceLinks.rewrite(html, root.resolve("minimal-demo/index.html"), "minimal-demo/index.html", "d", rewriter);
        assertThat(out).contains("href=\"../round_trip_flow.html\"").contains("href=\"main.js\"");

        String deep = "<a href=\"../../content/intro_to_wasm.md#syscall-round-trip-sequence\">x</a>";
        assertThat(DemoSourceLinks.rewrite(deep, root.resolve("emscripten-starter-pack/web/index.html"),
                "emscripten-starter-pack/web/index.html", "d", rewriter))
                .contains("href=\"../../intro_to_wasm.html#syscall-round-trip-sequence\"");
    }

    @Test
    void pagesWithoutMarkdownLinksAreReturnedUntouched() {
        String html = "<!DOCTYPE html>\n<p><a href=\"https://example.org/a.md\">x</a></p>";
        assertThat(DemoSourceLinks.rewrite(html, root.resolve("minimal-demo/index.html"), "minimal-demo/index.html", "d", rewriter))
                .isSameAs(html);
    }

    @Test
    void aLinkToAnUnpublishedFileIsABuildError() {
        String html = "<a href=\"../notes/todo.md\">x</a>";
        assertThatThrownBy(() -> DemoSourceLinks.rewrite(html, root.resolve("minimal-demo/index.html"), "minimal-demo/index.html", "d", rewriter))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("not published");
    }
}
