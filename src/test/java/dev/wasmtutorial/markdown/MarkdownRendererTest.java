package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownRendererTest {

    @TempDir
    Path root;

    private MarkdownRenderer renderer;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.createDirectories(root.resolve("demo/c"));
        Files.writeString(root.resolve("demo/c/add.c"), """
                #include <stdio.h>
                // region: add
                int add(int a, int b) {
                    return a + b;
                }
                // endregion: add
                """);
        renderer = new MarkdownRenderer(new SiteLayout(root.resolve("content"), List.of(root.resolve("demo"))), root);
    }

    private RenderedMarkdown render(String markdown) {
        return render("content/page.md", "page.html", markdown);
    }

    private RenderedMarkdown render(String source, String output, String markdown) {
        // Body starts on line 5 of the file, after four lines of front matter.
        Page page = new Page(root.resolve(source), source, output, new FrontMatter("T", "d", 1, true, "page"), markdown, 5);
        return renderer.render(page);
    }

    @Test
    void headingsGetGitHubIdsAVisibleAnchorAndATableOfContents() {
        RenderedMarkdown out = render("""
                ## OS Illusion (stack view)
                ### Deeper `code` level
                #### Not in the TOC
                ## OS Illusion (stack view)
                """);
        assertThat(out.html())
                .contains("<h2 id=\"os-illusion-stack-view\">OS Illusion (stack view)<a class=\"heading-anchor\" data-pagefind-ignore href=\"#os-illusion-stack-view\"")
                .contains("<h3 id=\"deeper-code-level\">Deeper <code>code</code> level")
                .contains("id=\"os-illusion-stack-view-1\"");
        assertThat(out.toc()).containsExactly(
                new TocEntry(2, "OS Illusion (stack view)", "os-illusion-stack-view"),
                new TocEntry(3, "Deeper code level", "deeper-code-level"),
                new TocEntry(2, "OS Illusion (stack view)", "os-illusion-stack-view-1"));
    }

    @Test
    void rendersGitHubFlavouredMarkdown() {
        String html = render("""
                | a | b |
                |---|---|
                | 1 | 2 |

                - [x] done
                - [ ] todo

                ~~gone~~ and https://example.org
                """).html();
        assertThat(html).contains("<table>").contains("<td>1</td>")
                .contains("type=\"checkbox\"").contains("checked")
                .contains("<del>gone</del>")
                .contains("<a href=\"https://example.org\">https://example.org</a>");
    }

    @Test
    void bareUrlsWwwAndEmailAddressesBecomeLinksButCodeDoesNot() {
        String html = render("""
                Docs at www.example.org or https://emscripten.org/docs, mail ada@example.org.

                Not in code: `https://example.com/x`, and plain text stays text.
                """).html();
        assertThat(html).contains("<a href=\"http://www.example.org\">www.example.org</a>")
                .contains("<a href=\"https://emscripten.org/docs\">https://emscripten.org/docs</a>")
                .contains("<a href=\"mailto:ada@example.org\">ada@example.org</a>")
                .contains("<code>https://example.com/x</code>")
                .doesNotContain("href=\"https://example.com/x\"");
    }

    @Test
    void fencedCodeGetsALanguageClassAndMermaidStaysADiagramBlock() {
        RenderedMarkdown out = render("""
                ```c
                int x = 1 < 2;
                ```

                ```mermaid
                graph LR; A-->B
                ```
                """);
        assertThat(out.html()).contains("<pre><code class=\"language-c\">int x = 1 &lt; 2;\n</code></pre>")
                .contains("<pre class=\"mermaid\">graph LR; A--&gt;B\n</pre>");
        assertThat(out.hasDiagram()).isTrue();
    }

    @Test
    void alertsBecomeCallouts() {
        String html = render("""
                > [!WARNING]
                > Serve over **HTTP**.

                > [!NOTE] not a marker line
                """).html();
        assertThat(html).contains("<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>")
                .contains("<p>Serve over <strong>HTTP</strong>.</p>")
                .doesNotContain("[!WARNING]")
                .contains("<blockquote>");
    }

    @Test
    void unknownAlertTypeIsAWarning() {
        assertThat(render("> [!DANGER]\n> x\n").warnings()).singleElement().hasToString(
                "content/page.md:5: warning: unknown alert type [!DANGER] (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)");
    }

    @Test
    void markdownLinksAreRewrittenToPublishedPagesWithTheirLines() {
        RenderedMarkdown out = render("""
                See [intro](intro_to_wasm.md#os-illusion-stack-view),
                the [demo](../demo/index.html), [top](#top)
                and [the web](https://webassembly.org/).
                """);
        assertThat(out.html()).contains("href=\"intro_to_wasm.html#os-illusion-stack-view\"")
                .contains("href=\"demo/index.html\"").contains("href=\"#top\"").contains("href=\"https://webassembly.org/\"");
        assertThat(out.links()).contains(new LinkRef(5, "intro_to_wasm.md#os-illusion-stack-view", "intro_to_wasm.html#os-illusion-stack-view"),
                new LinkRef(6, "../demo/index.html", "demo/index.html"));
    }

    @Test
    void linksFromNestedPagesClimbBackToTheRoot() {
        String html = render("content/guide/deep.md", "guide/deep.html", "[home](../index.md) [img](../img/a.png)").html();
        assertThat(html).contains("href=\"../index.html\"").contains("href=\"../img/a.png\"");
    }

    @Test
    void linkToAnUnpublishedFileIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> render("text\n\n[build file](../pom.xml)\n"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith(
                        "content/page.md:7: error: link '../pom.xml' points to pom.xml, which is not published on the site"));
    }

    @Test
    void rootRelativeLinksAreRefused() {
        assertThatThrownBy(() -> render("[x](/intro.html)"))
                .isInstanceOf(BuildException.class).hasMessageContaining("breaks when the site is served from a sub-path");
    }

    @Test
    void includeEmbedsTheWholeFileWithACaptionLinkingToIt() {
        RenderedMarkdown out = render("""
                ```c include="../demo/c/add.c"
                ```
                """);
        assertThat(out.html()).contains("<figcaption><a href=\"demo/c/add.c\"><code>demo/c/add.c</code></a></figcaption>")
                .contains("#include &lt;stdio.h&gt;")
                .contains("return a + b;")
                .doesNotContain("region: add");
        assertThat(out.includes()).containsExactly(root.resolve("demo/c/add.c"));
    }

    @Test
    void includeOfARegionEmbedsOnlyThatRegionDedented() {
        String html = render("""
                ```c include="../demo/c/add.c" region="add"
                ```
                """).html();
        assertThat(html).contains("<code class=\"language-c\">int add(int a, int b) {\n    return a + b;\n}\n</code>")
                .doesNotContain("stdio");
    }

    @Test
    void missingIncludeOrRegionIsAnErrorWithTheFenceLine() {
        assertThatThrownBy(() -> render("intro\n\n```c include=\"../demo/c/missing.c\"\n```\n"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine())
                        .startsWith("content/page.md:7: error: included file not found: ../demo/c/missing.c"));
        assertThatThrownBy(() -> render("```c include=\"../demo/c/add.c\" region=\"sub\"\n```\n"))
                .isInstanceOf(BuildException.class)
                .hasMessage("region 'sub' not found in ../demo/c/add.c");
        assertThatThrownBy(() -> render("```c include=\"../../etc/passwd\"\n```\n"))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("points outside the project");
    }
}
