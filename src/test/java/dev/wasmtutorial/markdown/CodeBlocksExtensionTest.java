package dev.wasmtutorial.markdown;

import dev.wasmtutorial.content.SiteLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeBlocksExtensionTest {

    @TempDir
    Path root;

    private OneExtension flexmark;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.createDirectories(root.resolve("demo"));
        Files.createDirectories(root.resolve("snippets"));
        Files.writeString(root.resolve("demo/add.c"), "#include <stdio.h>\n// region: add\nint add(int a, int b) { return a < b; }\n// endregion: add\n");
        Files.writeString(root.resolve("snippets/x.c"), "int x;\n");
        flexmark = new OneExtension(CodeBlocksExtension.create(new SiteLayout(root.resolve("content"), List.of(root.resolve("demo"))), root));
    }

    private String renderWithState(String md, PageRenderState state) {
        return flexmark.render(md, state, d -> { });
    }

    @Test
    void aFenceGetsItsLanguageClassAndEscapedCodeUnindented() {
        assertThat(flexmark.render("```c\nif (a < b) {\n    return &x;\n}\n```\n"))
                .isEqualTo("<pre><code class=\"language-c\">if (a &lt; b) {\n    return &amp;x;\n}\n</code></pre>\n");
        assertThat(flexmark.render("```\nplain\n```\n")).isEqualTo("<pre><code>plain\n</code></pre>\n");
    }

    @Test
    void anIncludedRegionOfAPublishedFileIsCaptionedWithALinkToIt() {
        String md = "```c include=\"../demo/add.c\" region=\"add\"\n```\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(renderWithState(md, state)).isEqualTo("<figure class=\"code-include\"><figcaption><a href=\"demo/add.c\"><code>demo/add.c</code></a>"
                + "</figcaption><pre><code class=\"language-c\">int add(int a, int b) { return a &lt; b; }\n</code></pre></figure>\n");
        assertThat(state.includes).containsExactly(root.resolve("demo/add.c").toAbsolutePath().normalize());
    }

    @Test
    void aFileTheSiteDoesNotPublishIsCaptionedWithoutALink() {
        String md = "```c include=\"../snippets/x.c\"\n```\n";
        assertThat(renderWithState(md, OneExtension.stateFor(root, md)))
                .startsWith("<figure class=\"code-include\"><figcaption><code>snippets/x.c</code></figcaption>");
    }

    /** A misspelt option, a region without a file, an unclosed quote: each names its line instead of being ignored. */
    @Test
    void optionsACodeBlockDoesNotTakeFailWithTheirLine() {
        for (String[] c : List.of(
                new String[] {"```c include=\"../demo/add.c\" regoin=\"add\"\n```\n", "unknown code block option 'regoin=' (did you mean 'region'?)"},
                new String[] {"```c region=\"add\"\n```\n", "region= without include="},
                new String[] {"```c include=\"../demo/add.c\n```\n", "the value of include= opens a quote that the line does not close"})) {
            String md = "Text.\n\n" + c[0];
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderWithState(md, OneExtension.stateFor(root, md)))
                    .as(c[0]).isInstanceOf(dev.wasmtutorial.config.BuildException.class)
                    .satisfies(e -> assertThat(((dev.wasmtutorial.config.BuildException) e).oneLine()).contains("content/page.md:7: error: " + c[1]));
        }
    }

    @Test
    void mermaidIsADiagramElementWithItsSourceEscaped() {
        String md = "```mermaid\ngraph LR; A-->B & C\n```\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(renderWithState(md, state)).isEqualTo("<pre class=\"mermaid\">graph LR; A--&gt;B &amp; C\n</pre>\n");
        assertThat(state.hasDiagram).isTrue();
    }
}
