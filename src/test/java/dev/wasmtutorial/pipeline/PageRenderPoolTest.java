package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRenderPoolTest {

    private static Page page(String name) {
        return new Page(Path.of("/p/content/" + name), "content/" + name, name.replace(".md", ".html"),
                new FrontMatter("T", "D", null, true, FrontMatter.DEFAULT_TEMPLATE), "", 5);
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void resultsComeBackInPageOrder() {
        List<String> out = PageRenderPool.render(List.of(page("a.md"), page("b.md"), page("c.md")), Page::display);
        assertThat(out).containsExactly("content/a.md", "content/b.md", "content/c.md");
    }

    @Test
    void aStackOverflowInOnePageIsAnErrorNamingThatPage() {
        assertThatThrownBy(() -> PageRenderPool.render(List.of(page("a.md"), page("deep.md")),
                p -> p.display().endsWith("deep.md") ? recurse(0) : 0))
                .isInstanceOf(BuildException.class)
                .extracting(e -> ((BuildException) e).oneLine()).asString()
                .startsWith("content/deep.md: error: nesting too deep to render");
    }

    @Test
    void runningOutOfMemoryInOnePageIsAnErrorNamingThatPage() {
        assertThatThrownBy(() -> PageRenderPool.render(List.of(page("big.md")), p -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(BuildException.class).hasMessage("ran out of memory rendering this page");
    }

    @Test
    void aGeneratorBugStaysAnInternalErrorButNamesThePage() {
        assertThatThrownBy(() -> PageRenderPool.render(List.of(page("a.md")), p -> {
            throw new NullPointerException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("while rendering content/a.md");
    }
}
